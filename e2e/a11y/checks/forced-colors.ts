/**
 * Forced colours (Windows High Contrast; WCAG 1.4.11, 2.4.7; Baseline 2.A, 8.A): the caller ran
 * `page.emulateMedia({ forcedColors: 'active' })` before loading. In forced colours backgrounds and
 * box shadows disappear, so controls need a border or outline, focus needs an outline, and only
 * images may opt out with `forced-color-adjust: none`.
 */
import type { Page } from '@playwright/test';
import { findingMaker, type Finding } from '../findings';
import { installDom } from './dom';
import { hideCaret, measureFocusIndicator } from './focus-indicator';

const finding = findingMaker('forced-colors', {
  'control-boundary-invisible': { wcag: ['1.4.11'], baseline: ['8.A'], impact: 'serious' },
  'focus-not-visible-forced-colors': { wcag: ['2.4.7'], baseline: ['2.A'], impact: 'serious' },
  'forced-color-adjust-none': { wcag: ['1.4.11'], baseline: ['8.A'], impact: 'moderate' },
  'icon-invisible-forced-colors': { wcag: ['1.4.11', '1.1.1'], baseline: ['8.A'], impact: 'serious' },
});

/** How many Tab stops get the focus screenshot test (skip link, banner, header, search, main). */
const FOCUS_SAMPLE = 8;

export async function checkForcedColors(page: Page): Promise<Finding[]> {
  await installDom(page);
  const findings: Finding[] = [];
  const result = await page.evaluate(() => {
    const dom = window.__a11yDom!;
    const transparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
    const hasBoundary = (el: Element) => {
      const s = getComputedStyle(el);
      const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
      const border = sides.some((side) => {
        const width = parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`));
        const style = s.getPropertyValue(`border-${side.toLowerCase()}-style`);
        const color = s.getPropertyValue(`border-${side.toLowerCase()}-color`);
        return width > 0 && style !== 'none' && style !== 'hidden' && !transparent(color);
      });
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor);
      return border || outline;
    };
    // A button drawn as a link (underlined text) needs no box, like a link.
    const looksLikeLink = (el: Element) =>
      [el, ...el.querySelectorAll('*')].some((node) => getComputedStyle(node).textDecorationLine.includes('underline'));

    const controls = [...document.querySelectorAll('button, input:not([type=hidden]), select, textarea, [role=button]')]
      .filter((el) => dom.isVisible(el))
      .filter((el) => !(el instanceof HTMLInputElement && ['checkbox', 'radio', 'image', 'range', 'color'].includes(el.type)))
      .filter((el) => !hasBoundary(el) && !looksLikeLink(el))
      .map((el) => dom.target(el));

    const optedOut = [...document.querySelectorAll('body *')]
      .filter((el) => getComputedStyle(el).forcedColorAdjust === 'none')
      .filter((el) => !el.closest('img, svg, picture, video, canvas'))
      .filter((el) => el.parentElement && getComputedStyle(el.parentElement).forcedColorAdjust !== 'none')
      .map((el) => dom.target(el));

    // Meaningful inline icons: drawn with something other than 'none' and not in the background colour.
    const background = (el: Element): string => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        if (!transparent(color)) return color;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    const invisibleIcons = [...document.querySelectorAll('svg')]
      .filter((svg) => !svg.closest('[aria-hidden=true]') && dom.isVisible(svg))
      .filter((svg) => {
        const shapes = [...svg.querySelectorAll('path, circle, rect, ellipse, line, polyline, polygon, text, use')];
        const bg = background(svg);
        return !shapes.some((shape) => {
          const s = getComputedStyle(shape);
          const painted = (paint: string) => paint !== 'none' && !transparent(paint) && paint !== bg;
          return s.opacity !== '0' && (painted(s.fill) || (painted(s.stroke) && parseFloat(s.strokeWidth) > 0));
        });
      })
      .map((svg) => dom.target(svg));
    return { controls, optedOut, invisibleIcons };
  });
  for (const c of result.controls) {
    findings.push(finding('control-boundary-invisible', c, 'In forced colours this control has no border or outline: its background is gone, so its edges are invisible. Add a transparent border (it turns visible in forced colours).'));
  }
  for (const o of result.optedOut) {
    findings.push(finding('forced-color-adjust-none', o, 'forced-color-adjust: none keeps author colours in high-contrast mode; only images and logos should opt out.'));
  }
  for (const i of result.invisibleIcons) {
    findings.push(finding('icon-invisible-forced-colors', i, 'This meaningful SVG icon paints nothing visible in forced colours; use fill: currentColor or a system colour.'));
  }
  findings.push(...(await checkFocusSample(page)));
  return findings;
}

/** Tabs through the first stops and the first link in main, diffing focused vs blurred pixels. */
async function checkFocusSample(page: Page): Promise<Finding[]> {
  const findings: Finding[] = [];
  const restoreCaret = await hideCaret(page);
  const measure = async () => {
    const state = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || !window.__a11yDom!.isVisible(el)) return null;
      window.__a11yDom!.settleAnimations();
      const r = el.getBoundingClientRect();
      return { target: window.__a11yDom!.target(el), box: { x: r.x, y: r.y, width: r.width, height: r.height } };
    });
    if (!state) return;
    const indicator = await measureFocusIndicator(page, state.box);
    if (indicator && !indicator.visible) {
      findings.push(finding('focus-not-visible-forced-colors', state.target, `In forced colours focusing changes ${indicator.changed} px around the element (fewer than ${indicator.threshold}).`));
    }
  };
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < FOCUS_SAMPLE; i++) {
    await page.keyboard.press('Tab');
    await measure();
  }
  const mainLink = await page.evaluate(() => {
    const link = [...document.querySelectorAll<HTMLElement>('main a[href]')].find((el) => window.__a11yDom!.isVisible(el));
    if (!link) return false;
    link.scrollIntoView({ block: 'center', behavior: 'instant' });
    link.focus();
    return true;
  });
  if (mainLink) await measure();
  await restoreCaret();
  return findings;
}
