/**
 * In-page helpers shared by every check: selectors, snippets, visibility, focusables, names.
 * `installDom(page)` defines them on `window.__a11yDom` once per document; the checks' `evaluate`
 * callbacks then call them there (a callback cannot close over Node-side functions).
 */
import type { Page } from '@playwright/test';
import type { FindingTarget } from '../findings';

export interface DomTools {
  /** A short CSS selector that matches only this element. */
  cssPath(el: Element): string;
  /** outerHTML, whitespace collapsed, at most 300 characters. */
  snippet(el: Element): string;
  target(el: Element): FindingTarget;
  /** Rendered: not display:none / visibility:hidden / opacity:0, and a box of non-zero size. */
  isRendered(el: Element): boolean;
  /** Rendered but hidden from sight, not from screen readers: usa-sr-only style clipping or placed off the page. */
  isVisuallyHidden(el: Element): boolean;
  /** Rendered, not visually hidden, at least partly on screen horizontally. */
  isVisible(el: Element): boolean;
  /** Visible elements in the sequential focus order's candidate set, in DOM order. */
  focusables(): HTMLElement[];
  /** A practical approximation of the accessible name (aria-labelledby, aria-label, alt, label, text, title). */
  accessibleName(el: Element): string;
  /** The element has a text node child with non-space characters. */
  hasOwnText(el: Element): boolean;
  /** Finishes transitions and finite animations, so what is measured is the settled style. */
  settleAnimations(): void;
}

declare global {
  interface Window {
    __a11yDom?: DomTools;
  }
}

export const FOCUSABLE_SELECTOR = [
  'a[href]',
  'button:not([disabled])',
  'input:not([type=hidden]):not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
  '[contenteditable=""]',
  '[contenteditable="true"]',
].join(', ');

function install(focusableSelector: string): void {
  if (window.__a11yDom) return;

  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

  function uniqueIn(selector: string): boolean {
    try {
      return document.querySelectorAll(selector).length === 1;
    } catch {
      return false;
    }
  }

  function step(el: Element): string {
    if (el.id && uniqueIn(`#${CSS.escape(el.id)}`)) return `#${CSS.escape(el.id)}`;
    let part = el.tagName.toLowerCase();
    const classes = [...el.classList].filter((c) => !c.includes(':')).slice(0, 2);
    part += classes.map((c) => `.${CSS.escape(c)}`).join('');
    const parent = el.parentElement;
    if (parent) {
      const sameTag = [...parent.children].filter((c) => c.tagName === el.tagName);
      if (sameTag.length > 1) part += `:nth-of-type(${sameTag.indexOf(el) + 1})`;
    }
    return part;
  }

  function cssPath(el: Element): string {
    const parts: string[] = [];
    let node: Element | null = el;
    while (node && node !== document.documentElement) {
      parts.unshift(step(node));
      const selector = parts.join(' > ');
      if (parts[0]?.startsWith('#') || uniqueIn(selector)) return selector;
      node = node.parentElement;
    }
    return parts.join(' > ');
  }

  const snippet = (el: Element) => collapse(el.outerHTML).slice(0, 300);

  function isRendered(el: Element): boolean {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    return [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0);
  }

  function isVisuallyHidden(el: Element): boolean {
    // Hidden from everyone (display, visibility, opacity) is not "visually hidden".
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const rect = el.getBoundingClientRect();
    // Placed entirely left of, right of or above the document (usa-sr-only uses left:-999em).
    if (rect.right + window.scrollX <= 0 || rect.bottom + window.scrollY <= 0) return true;
    if (rect.left + window.scrollX >= document.documentElement.scrollWidth) return true;
    for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.clip === 'rect(0px, 0px, 0px, 0px)' || /inset\(50%\)/.test(style.clipPath)) return true;
      const box = node.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1 && style.overflow !== 'visible') return true;
    }
    return false;
  }

  function isVisible(el: Element): boolean {
    if (!isRendered(el) || isVisuallyHidden(el)) return false;
    const rect = el.getBoundingClientRect();
    return rect.right > 0 && rect.left < window.innerWidth;
  }

  function focusables(): HTMLElement[] {
    return [...document.querySelectorAll<HTMLElement>(focusableSelector)].filter((el) => {
      if (el.closest('[inert]') || el.tabIndex < 0) return false;
      if (!isRendered(el)) return false;
      const rect = el.getBoundingClientRect();
      return rect.right > 0 && rect.left < window.innerWidth;
    });
  }

  function textName(node: Node): string {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element)) return '';
    if (node.getAttribute('aria-hidden') === 'true') return '';
    if (!node.checkVisibility({ visibilityProperty: true })) return '';
    const label = node.getAttribute('aria-label');
    if (label?.trim()) return ` ${label} `;
    if (node instanceof HTMLImageElement) return ` ${node.alt} `;
    return [...node.childNodes].map(textName).join('');
  }

  function accessibleName(el: Element): string {
    const labelledby = el.getAttribute('aria-labelledby');
    if (labelledby) {
      const text = labelledby
        .split(/\s+/)
        .map((id) => document.getElementById(id))
        .map((ref) => (ref ? [...ref.childNodes].map(textName).join('') : ''))
        .join(' ');
      if (collapse(text)) return collapse(text);
    }
    const label = el.getAttribute('aria-label');
    if (label?.trim()) return collapse(label);
    if (el instanceof HTMLImageElement) return collapse(el.alt);
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
      const labels = el.labels ? [...el.labels].map((l) => collapse(textName(l))).join(' ') : '';
      if (labels.trim()) return labels.trim();
      if (el instanceof HTMLInputElement && ['submit', 'button', 'reset'].includes(el.type)) return collapse(el.value);
      return collapse(el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '');
    }
    if (el.tagName.toLowerCase() === 'svg') {
      const title = el.querySelector(':scope > title');
      return collapse(title?.textContent ?? '');
    }
    const text = collapse([...el.childNodes].map(textName).join(''));
    return text || collapse(el.getAttribute('title') ?? '');
  }

  const hasOwnText = (el: Element) =>
    [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && /\S/.test(n.textContent ?? ''));

  function settleAnimations(): void {
    for (const animation of document.getAnimations()) {
      if (animation.effect?.getComputedTiming().iterations === Infinity) continue;
      try {
        animation.finish();
      } catch {
        // Not finishable (no end time): nothing to settle.
      }
    }
  }

  window.__a11yDom = {
    cssPath,
    snippet,
    target: (el) => ({ selector: cssPath(el), html: snippet(el) }),
    isRendered,
    isVisuallyHidden,
    isVisible,
    focusables,
    accessibleName,
    hasOwnText,
    settleAnimations,
  };
}

/** Defines `window.__a11yDom` in the page's current document (again after every navigation). */
export async function installDom(page: Page): Promise<void> {
  await page.evaluate(install, FOCUSABLE_SELECTOR);
}
