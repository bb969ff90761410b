/**
 * Resize text (WCAG 1.4.4, Baseline 22.A) and text spacing (WCAG 1.4.12): the caller applies one
 * of the overrides, waits a frame and calls checkTextFits. Styles go in as a constructed
 * stylesheet, which a Content-Security-Policy without 'unsafe-inline' does not block.
 */
import type { Page } from '@playwright/test';
import { findingMaker, PAGE_TARGET, type Finding, type RuleInfo } from '../findings';
import { installDom } from './dom';

export const TEXT_RESIZE_CSS = 'html { font-size: 200% !important; }';
export const TEXT_SPACING_CSS =
  '* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }';

/** Text boxes may touch; an intersection larger than this (and a quarter of a line's height) is an overlap. */
const OVERLAP_PX = 2;

async function adoptStyle(page: Page, css: string): Promise<void> {
  await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}

/** 200% text size: USWDS sizes in rem and respects the user's font size. */
export async function applyTextResize(page: Page): Promise<void> {
  await adoptStyle(page, TEXT_RESIZE_CSS);
}

/** The WCAG 1.4.12 spacing values (the Steve Faulkner bookmarklet). */
export async function applyTextSpacing(page: Page): Promise<void> {
  await adoptStyle(page, TEXT_SPACING_CSS);
}

const rules = (wcag: string): Record<'text-clipped' | 'text-overlaps' | 'page-scrolls-sideways', RuleInfo> => ({
  'text-clipped': { wcag: [wcag], baseline: ['22.A'], impact: 'serious' },
  'text-overlaps': { wcag: [wcag], baseline: ['22.A'], impact: 'serious' },
  'page-scrolls-sideways': { wcag: [wcag, '1.4.10'], baseline: ['22.A'], impact: 'serious' },
});
const makers = {
  'text-resize': findingMaker('text-resize', rules('1.4.4')),
  'text-spacing': findingMaker('text-spacing', rules('1.4.12')),
};

export async function checkTextFits(page: Page, check: 'text-resize' | 'text-spacing'): Promise<Finding[]> {
  const finding = makers[check];
  await installDom(page);
  const result = await page.evaluate((overlapPx) => {
    const dom = window.__a11yDom!;
    const root = document.documentElement;

    // Clipped: a box that hides its overflow, with text, whose content is larger than the box.
    const clipped: { selector: string; html: string; by: string }[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      const hidesX = /hidden|clip/.test(style.overflowX);
      const hidesY = /hidden|clip/.test(style.overflowY);
      if (!hidesX && !hidesY) continue;
      if (!el.textContent?.trim() || !dom.isRendered(el) || dom.isVisuallyHidden(el)) continue;
      const overX = hidesX ? el.scrollWidth - el.clientWidth : 0;
      const overY = hidesY ? el.scrollHeight - el.clientHeight : 0;
      if (overX > 1 || overY > 1) clipped.push({ ...dom.target(el), by: overX > 1 ? `${overX} px sideways` : `${overY} px in height` });
    }

    // Overlapping: line boxes of different visible text nodes intersect.
    type Line = { node: number; left: number; right: number; top: number; bottom: number };
    const owners: Element[] = [];
    const lines: Line[] = [];
    const visibility = new Map<Element, boolean>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const owner = node.parentElement;
      if (!owner || !/\S/.test(node.textContent ?? '') || owner.closest('script, style, noscript, template')) continue;
      if (!visibility.has(owner)) visibility.set(owner, dom.isRendered(owner) && !dom.isVisuallyHidden(owner));
      if (!visibility.get(owner)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const index = owners.push(owner) - 1;
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        lines.push({ node: index, left: r.left + window.scrollX, right: r.right + window.scrollX, top: r.top + window.scrollY, bottom: r.bottom + window.scrollY });
      }
    }
    lines.sort((a, b) => a.top - b.top);
    const pairs = new Set<string>();
    const overlaps: { selector: string; html: string; other: string }[] = [];
    for (let i = 0; i < lines.length; i++) {
      const a = lines[i]!;
      for (let j = i + 1; j < lines.length; j++) {
        const b = lines[j]!;
        if (b.top >= a.bottom - overlapPx) break;
        if (a.node === b.node) continue;
        const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        // Glyph boxes of neighbouring lines touch when line-height is tight; overlapping text covers more.
        if (width <= overlapPx || height <= Math.max(overlapPx, 0.25 * Math.min(a.bottom - a.top, b.bottom - b.top))) continue;
        const first = owners[a.node]!;
        const second = owners[b.node]!;
        const key = `${a.node},${b.node}`;
        if (pairs.has(key) || overlaps.length >= 20) continue;
        pairs.add(key);
        overlaps.push({ ...dom.target(first), other: dom.cssPath(second) });
      }
    }
    return { clipped: clipped.slice(0, 20), overlaps, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  }, OVERLAP_PX);

  const findings: Finding[] = [];
  for (const c of result.clipped) findings.push(finding('text-clipped', c, `Text is cut off: the content overflows its box by ${c.by} and overflow is hidden. Let the box grow (no fixed height, no overflow:hidden on text).`));
  for (const o of result.overlaps) findings.push(finding('text-overlaps', o, `This text overlaps the text of ${o.other}.`));
  if (result.scrollWidth > result.clientWidth) {
    findings.push(finding('page-scrolls-sideways', PAGE_TARGET, `The page is ${result.scrollWidth} px wide in a ${result.clientWidth} px viewport.`));
  }
  return findings;
}
