/**
 * Site-wide checks across every page of the sitemap, run once (desktop project): titles are
 * unique (WCAG 2.4.2), and the header navigation, search, footer and identifier are the same,
 * in the same order and with the same names, on every page (WCAG 3.2.3 and 3.2.4, ICT Baseline
 * 4.B and 4.C).
 */
import type { Page } from '@playwright/test';
import { test } from '../fixtures';
import { expectNoFindings, openTarget } from './audit';
import type { Finding } from './findings';
import { loadTargets, type Target } from './targets';

const pages = loadTargets().targets.filter((t) => t.state === 'page' || t.state === 'later-listing-page');

interface Chrome {
  title: string;
  /** name → href of the links and buttons in the header, footer and identifier, in order. */
  regions: Record<string, string[]>;
}

async function chromeOf(page: Page): Promise<Chrome> {
  return page.evaluate(() => {
    const describe = (root: Element | null) =>
      root
        ? [...root.querySelectorAll('a[href], button')].map((el) => {
            const name = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim();
            const raw = el.getAttribute('href') ?? '';
            // "#" (Return to top) stays "#": resolved, it would name every page differently.
            const href = el instanceof HTMLAnchorElement ? (raw.startsWith('#') ? raw : new URL(el.href).pathname) : `<${el.tagName.toLowerCase()}>`;
            return `${name} → ${href}`;
          })
        : ['(missing)'];
    return {
      title: document.title.trim(),
      regions: {
        'header navigation': describe(document.querySelector('header.usa-header nav')),
        search: describe(document.querySelector('header.usa-header form[role="search"], header.usa-header search')),
        footer: describe(document.querySelector('footer.usa-footer')),
        identifier: describe(document.querySelector('.usa-identifier')),
      },
    };
  });
}

test('every page has a unique, non-empty title, and the same navigation, search, footer and identifier', async ({ page, consoleErrors }, testInfo) => {
  test.setTimeout(30_000 + pages.length * 3_000);
  const seen = new Map<string, string>();
  const findings: Finding[] = [];
  let reference: { path: string; chrome: Chrome } | undefined;
  for (const target of pages) {
    await openTarget(page, target, consoleErrors, { scripts: false });
    const chrome = await chromeOf(page);
    const page2 = (rule: string, wcag: string[], baseline: string[], message: string): Finding => ({
      check: 'structure', rule, wcag, baseline, impact: 'serious', selector: '', html: '', message: `${target.path}: ${message}`,
    });
    if (!chrome.title) findings.push(page2('title-missing', ['2.4.2'], ['11.A'], 'the page has no title'));
    else if (seen.has(chrome.title)) findings.push(page2('title-duplicate', ['2.4.2'], ['11.A'], `the title "${chrome.title}" is also the title of ${seen.get(chrome.title)}`));
    else seen.set(chrome.title, target.path);
    if (!reference) reference = { path: target.path, chrome };
    else {
      for (const [region, links] of Object.entries(chrome.regions)) {
        const expected = reference.chrome.regions[region] ?? [];
        if (links.join('\n') !== expected.join('\n')) {
          const missing = expected.filter((l) => !links.includes(l));
          const extra = links.filter((l) => !expected.includes(l));
          findings.push(
            page2('navigation-inconsistent', ['3.2.3', '3.2.4'], ['4.B', '4.C'], `the ${region} differs from ${reference.path}` +
              (missing.length ? `; missing: ${missing.join(', ')}` : '') + (extra.length ? `; extra: ${extra.join(', ')}` : '') +
              (!missing.length && !extra.length ? '; same links in another order' : '')),
          );
        }
      }
    }
  }
  const site: Target = { path: '/*', template: 'all pages', state: 'page', expectedStatus: 200, source: 'state' };
  await expectNoFindings(page, testInfo, site, 'site-wide', 'site', findings);
});
