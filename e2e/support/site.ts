import type { Page } from '@playwright/test';

export const SITE_NAME = 'DOD News';
export const TITLE_SUFFIX = ` | ${SITE_NAME}`;

/** The identifier's required links, by visible name (USWDS order). */
export const REQUIRED_LINKS = [
  'About DOD',
  'Accessibility statement',
  'FOIA requests',
  'No FEAR Act data',
  'Office of the Inspector General',
  'Performance reports',
  'Privacy policy',
];

/**
 * Site footer links that carry what the identifier's USWDS wording lacks for GSA Site Scanning:
 * "about us", "budget and performance", "vulnerability disclosure", and a link reading exactly "Contact".
 */
export const FOOTER_REQUIRED_LINKS = [
  { name: 'About us', path: '/about' },
  { name: 'Budget and performance', path: '/performance' },
  { name: 'Vulnerability disclosure policy', path: '/vulnerability-disclosure-policy' },
  { name: 'Contact', path: '/contact' },
];

/** An article's path; `/news/<digits>` is a year of the archive by date (content:check refuses an all-digit slug). */
export const ARTICLE_PATH = /^\/news\/(?!\d+\/?$)[^/?#]+\/?$/;

export interface ListedArticle {
  path: string;
  title: string;
  /** dateTime of the card's <time>, '' when the card has none. */
  dateTime: string;
}

/** Same-origin path of an href ('' for other origins). */
export function pathOf(href: string, base: string): string {
  const url = new URL(href, base);
  return url.origin === new URL(base).origin ? url.pathname : '';
}

/** The article cards (`.usa-card` with a link to /news/<slug>) on the current page, in order. */
export async function articleCards(page: Page): Promise<ListedArticle[]> {
  const cards = await page.locator('main .usa-card').evaluateAll((nodes) =>
    nodes.map((card) => {
      const link = [...card.querySelectorAll('a[href]')].find((a) =>
        /^\/news\/[^/?#]+\/?$/.test(new URL(a.getAttribute('href') ?? '', location.href).pathname),
      );
      return {
        path: link ? new URL(link.getAttribute('href') ?? '', location.href).pathname : '',
        title: (link?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        dateTime: card.querySelector('time')?.getAttribute('datetime') ?? '',
      };
    }),
  );
  return cards.filter((card) => card.path !== '');
}

/**
 * Every article card on /news (or another listing from its first page), following USWDS pagination ("Next" in `nav.usa-pagination`)
 * when there is any. Leaves the page on the last listing page.
 */
export async function allListedArticles(page: Page, start = '/news'): Promise<{ articles: ListedArticle[]; pages: string[] }> {
  const articles: ListedArticle[] = [];
  const pages: string[] = [];
  let next: string | null = start;
  while (next && !pages.includes(next) && pages.length < 50) {
    pages.push(next);
    await page.goto(next);
    articles.push(...(await articleCards(page)));
    const nextLink = page.locator('nav.usa-pagination a.usa-pagination__next-page');
    next = (await nextLink.count()) > 0 ? await nextLink.first().getAttribute('href') : null;
  }
  return { articles, pages };
}

/** href of every same-origin link inside `scope`. */
export async function linkPaths(page: Page, scope: string): Promise<string[]> {
  return page
    .locator(`${scope} a[href]`)
    .evaluateAll((links) =>
      links
        .map((a) => new URL(a.getAttribute('href') ?? '', location.href))
        .filter((url) => url.origin === location.origin)
        .map((url) => url.pathname),
    );
}
