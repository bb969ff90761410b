/**
 * Content without JavaScript (ICT Baseline 20.A; the house rule that content is readable with
 * scripts off): the caller snapshots the page with JavaScript and again in a context with
 * `javaScriptEnabled: false` (same viewport), plus that page's visible link targets.
 */
import type { Page } from '@playwright/test';
import { findingMaker, PAGE_TARGET, type Finding } from '../findings';
import { installDom } from './dom';

const finding = findingMaker('no-js', {
  'content-missing-without-js': { wcag: ['1.3.1', '4.1.2'], baseline: ['20.A'], impact: 'serious' },
  'navigation-missing-without-js': { wcag: ['2.4.5', '2.1.1'], baseline: ['20.A', '23.A'], impact: 'serious' },
});

export interface ContentSnapshot {
  /** Text of <main>, whitespace normalised. */
  mainText: string;
  headings: string[];
  links: { name: string; href: string }[];
  /** Link targets in the header navigation and the footer. */
  navHrefs: string[];
}

/** Same-origin links compare by path and query; others by full URL. */
function normalizeHref(href: string, base: string): string {
  try {
    const url = new URL(href, base);
    return url.origin === new URL(base).origin ? `${url.pathname}${url.search}` : url.href;
  } catch {
    return href;
  }
}

export async function contentSnapshot(page: Page): Promise<ContentSnapshot> {
  await installDom(page);
  const snapshot = await page.evaluate(() => {
    const dom = window.__a11yDom!;
    const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
    const main = document.querySelector('main');
    return {
      mainText: collapse(main?.textContent ?? ''),
      headings: [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')].map((h) => collapse(h.textContent ?? '')),
      links: [...(main?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])].map((a) => ({ name: dom.accessibleName(a), href: a.href })),
      navHrefs: [...document.querySelectorAll<HTMLAnchorElement>('header nav a[href], .usa-header a[href], footer a[href]')].map((a) => a.href),
    };
  });
  const base = page.url();
  return {
    ...snapshot,
    links: snapshot.links.map((l) => ({ ...l, href: normalizeHref(l.href, base) })),
    navHrefs: [...new Set(snapshot.navHrefs.map((h) => normalizeHref(h, base)))],
  };
}

/**
 * Where a sighted user can go from the page now: visible links, and visible forms (the header's
 * search form leads to /search as surely as a link).
 */
export async function visibleHrefs(page: Page): Promise<string[]> {
  await installDom(page);
  const hrefs = await page.evaluate(() => [
    ...[...document.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => window.__a11yDom!.isVisible(a)).map((a) => a.href),
    ...[...document.querySelectorAll('form')].filter((f) => window.__a11yDom!.isVisible(f)).map((f) => f.action),
  ]);
  return [...new Set(hrefs.map((h) => normalizeHref(h, page.url())))];
}

export function checkNoJs(withJs: ContentSnapshot, withoutJs: ContentSnapshot, withoutJsVisibleHrefs: string[]): Finding[] {
  const findings: Finding[] = [];
  if (withJs.mainText !== withoutJs.mainText) {
    const words = new Set(withoutJs.mainText.split(' '));
    const missing = withJs.mainText.split(' ').filter((w) => !words.has(w)).slice(0, 12);
    findings.push(
      finding('content-missing-without-js', PAGE_TARGET, `The main text differs without JavaScript (${withJs.mainText.length} vs ${withoutJs.mainText.length} characters${missing.length ? `; missing: ${missing.join(' ')}` : ''}).`),
    );
  }
  const headingsWithout = new Set(withoutJs.headings);
  const missingHeadings = withJs.headings.filter((h) => !headingsWithout.has(h));
  if (missingHeadings.length > 0 || withJs.headings.length !== withoutJs.headings.length) {
    findings.push(finding('content-missing-without-js', PAGE_TARGET, `Headings differ without JavaScript${missingHeadings.length ? `; missing: ${missingHeadings.join(' | ')}` : ''}.`));
  }
  const linksWithout = new Set(withoutJs.links.map((l) => l.href));
  for (const link of withJs.links.filter((l) => !linksWithout.has(l.href))) {
    findings.push(finding('content-missing-without-js', PAGE_TARGET, `The link "${link.name}" (${link.href}) in main exists only with JavaScript.`));
  }
  const visible = new Set(withoutJsVisibleHrefs);
  for (const href of withJs.navHrefs.filter((h) => !visible.has(h))) {
    findings.push(finding('navigation-missing-without-js', PAGE_TARGET, `Without JavaScript no visible link leads to ${href} (a header or footer destination).`));
  }
  return findings;
}
