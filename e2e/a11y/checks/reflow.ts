/**
 * Reflow (WCAG 1.4.10): at 320 CSS px wide (the caller sets the viewport and loads the page) the
 * page does not scroll sideways and no text or image is cut off at the edges. A wide table or map
 * may scroll inside its own box (overflow-x auto/scroll) when that box fits.
 */
import type { Page } from '@playwright/test';
import { findingMaker, PAGE_TARGET, type Finding } from '../findings';
import { installDom } from './dom';

const finding = findingMaker('reflow', {
  'page-scrolls-sideways': { wcag: ['1.4.10'], baseline: [], impact: 'serious' },
  'content-cut-off': { wcag: ['1.4.10'], baseline: [], impact: 'serious' },
});

/** Elements beyond the viewport's edges; shared with the text checks. */
export async function offscreenContent(page: Page): Promise<{ scrollWidth: number; clientWidth: number; cut: { selector: string; html: string; left: number; right: number }[] }> {
  await installDom(page);
  return page.evaluate(() => {
    const dom = window.__a11yDom!;
    const root = document.documentElement;
    const width = root.clientWidth;
    const media = 'img, svg, video, canvas, picture, iframe, input, select, textarea, button';
    const scrollsInside = (el: Element) => {
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (/auto|scroll/.test(style.overflowX)) {
          const box = node.getBoundingClientRect();
          if (box.left >= -1 && box.right <= width + 1) return true;
        }
      }
      return false;
    };
    const cut: Element[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (!(dom.hasOwnText(el) || el.matches(media))) continue;
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
      if (!dom.isRendered(el) || dom.isVisuallyHidden(el)) continue;
      const box = el.getBoundingClientRect();
      const beyond = box.right > width + 1 || (box.left < -1 && box.right > 0);
      if (!beyond || scrollsInside(el)) continue;
      // Report the outermost element only.
      if (cut.some((outer) => outer.contains(el))) continue;
      cut.push(el);
    }
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: width,
      cut: cut.slice(0, 20).map((el) => {
        const box = el.getBoundingClientRect();
        return { ...dom.target(el), left: Math.round(box.left), right: Math.round(box.right) };
      }),
    };
  });
}

export async function checkReflow(page: Page): Promise<Finding[]> {
  const { scrollWidth, clientWidth, cut } = await offscreenContent(page);
  const findings: Finding[] = [];
  if (scrollWidth > clientWidth) {
    findings.push(finding('page-scrolls-sideways', PAGE_TARGET, `The page is ${scrollWidth} px wide in a ${clientWidth} px viewport: it scrolls sideways.`));
  }
  for (const el of cut) {
    findings.push(finding('content-cut-off', el, `Content spans ${el.left}–${el.right} px, outside the ${clientWidth} px viewport.`));
  }
  return findings;
}
