/**
 * Reduced motion (WCAG 2.3.3, 2.2.2; Baseline 21.B): the caller emulated
 * `prefers-reduced-motion: reduce` before loading. After the banner is opened and closed and a link
 * takes focus, nothing animates, no animation or transition lasts longer than 0.01 s and scrolling
 * is not smooth.
 */
import type { Page } from '@playwright/test';
import { findingMaker, PAGE_TARGET, type Finding } from '../findings';
import { installDom } from './dom';

const finding = findingMaker('reduced-motion', {
  'animation-running': { wcag: ['2.3.3', '2.2.2'], baseline: ['21.B'], impact: 'moderate' },
  'motion-not-reduced': { wcag: ['2.3.3'], baseline: ['21.B'], impact: 'minor' },
  'smooth-scroll': { wcag: ['2.3.3'], baseline: ['21.B'], impact: 'minor' },
});

/** An animation or transition longer than this (seconds) counts as motion. */
const MAX_SECONDS = 0.01;

async function exercise(page: Page): Promise<void> {
  const banner = page.locator('button.usa-banner__button').first();
  if (await banner.isVisible().catch(() => false)) {
    await banner.click();
    await banner.click();
  }
  await page.evaluate(() => {
    const link = [...document.querySelectorAll<HTMLElement>('main a[href], a[href]')].find((el) => window.__a11yDom!.isVisible(el));
    link?.focus();
  });
}

export async function checkReducedMotion(page: Page): Promise<Finding[]> {
  await installDom(page);
  await exercise(page);
  const result = await page.evaluate((maxSeconds) => {
    const dom = window.__a11yDom!;
    const seconds = (list: string) =>
      Math.max(0, ...list.split(',').map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v) || 0)));
    const running = document
      .getAnimations()
      .filter((a) => a.playState === 'running')
      .map((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target ?? null;
        const name = a instanceof CSSAnimation ? a.animationName : a instanceof CSSTransition ? `transition of ${a.transitionProperty}` : 'script animation';
        return { ...(target ? dom.target(target) : { selector: '', html: '' }), name };
      });
    const slow: { selector: string; html: string; what: string }[] = [];
    for (const el of document.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      const parts: string[] = [];
      if (style.animationName !== 'none' && seconds(style.animationDuration) > maxSeconds) parts.push(`animation ${style.animationName} ${style.animationDuration}`);
      if (style.transitionProperty !== 'none' && seconds(style.transitionDuration) > maxSeconds) parts.push(`transition ${style.transitionProperty} ${style.transitionDuration}`);
      for (const pseudo of ['::before', '::after']) {
        const p = getComputedStyle(el, pseudo);
        if (p.content === 'none' || p.content === 'normal') continue;
        if (p.animationName !== 'none' && seconds(p.animationDuration) > maxSeconds) parts.push(`${pseudo} animation ${p.animationName} ${p.animationDuration}`);
        if (p.transitionProperty !== 'none' && seconds(p.transitionDuration) > maxSeconds) parts.push(`${pseudo} transition ${p.transitionProperty} ${p.transitionDuration}`);
      }
      if (parts.length > 0) slow.push({ ...dom.target(el), what: parts.join('; ') });
    }
    return { running, slow, scrollBehavior: getComputedStyle(document.documentElement).scrollBehavior };
  }, MAX_SECONDS);

  const findings: Finding[] = [];
  for (const r of result.running) {
    findings.push(finding('animation-running', r, `${r.name} is running although the user asked for reduced motion.`));
  }
  for (const s of result.slow.slice(0, 30)) {
    findings.push(finding('motion-not-reduced', s, `Under prefers-reduced-motion: reduce this still has ${s.what}; stop it or cut it to 0.01 s in a reduced-motion media query.`));
  }
  if (result.scrollBehavior !== 'auto') {
    findings.push(finding('smooth-scroll', PAGE_TARGET, `html has scroll-behavior: ${result.scrollBehavior} under reduced motion; use auto.`));
  }
  return findings;
}
