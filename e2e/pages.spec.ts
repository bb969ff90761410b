import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, NOT_FOUND_RESOURCE, test } from './fixtures';
import { draftArticles } from './support/content';
import { seed } from './support/seed';
import {
  allListedArticles,
  ARTICLE_PATH,
  articleCards,
  linkPaths,
  pathOf,
  REQUIRED_LINKS,
  SITE_NAME,
  TITLE_SUFFIX,
} from './support/site';

const UNKNOWN_PATHS = ['/news/does-not-exist', '/no-such-page'];

/** Home, the news index, every listed article and every internal identifier page. */
async function publicPages(page: Page, baseURL: string): Promise<string[]> {
  await page.goto('/');
  const identifier = (await linkPaths(page, '.usa-identifier')).filter((p) => p !== '/');
  const { articles, pages } = await allListedArticles(page);
  return [...new Set(['/', ...pages, ...articles.map((a) => a.path), ...identifier])].map((p) =>
    pathOf(p, baseURL),
  );
}

test.describe('site pages', () => {
  test('the news index lists article cards newest first', async ({ page }) => {
    await page.goto('/news');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('News');
    const { articles } = await allListedArticles(page);
    expect(articles.length, 'article cards on /news').toBeGreaterThan(0);
    const missingDates = articles.filter((a) => a.dateTime === '').map((a) => a.path);
    expect(missingDates, 'cards without a <time dateTime>').toEqual([]);
    const times = articles.map((a) => Date.parse(a.dateTime));
    expect(times.every((t) => !Number.isNaN(t)), `parsable dates: ${articles.map((a) => a.dateTime).join(', ')}`).toBe(true);
    const sorted = [...times].sort((a, b) => b - a);
    expect(times, `dates in card order: ${articles.map((a) => a.dateTime).join(', ')}`).toEqual(sorted);
    expect(articles.map((a) => a.path)).toContain(seed.path);
  });

  test('the home page has an h1, a lead story and latest-news cards linking to articles', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('h1')).toHaveCount(1);
    const lead = page.getByRole('region', { name: 'Lead story' });
    await expect(lead).toHaveCount(1);
    const leadLinks = (await linkPaths(page, 'main section[aria-labelledby="lead-story"]')).filter((p) =>
      ARTICLE_PATH.test(p),
    );
    expect(leadLinks.length, 'lead story links to an article').toBeGreaterThan(0);
    const cards = await articleCards(page);
    expect(cards.length, 'article cards on the home page').toBeGreaterThan(1);
  });

  test('every identifier link on the home page returns 200 and USA.gov is linked', async ({ page, request }) => {
    await page.goto('/');
    const identifier = page.locator('.usa-identifier');
    for (const name of REQUIRED_LINKS) {
      const link = identifier.getByRole('link', { name, exact: true });
      await expect(link, `identifier link "${name}"`).toHaveCount(1);
      const href = await link.getAttribute('href');
      expect(href, `href of "${name}"`).toMatch(/^\//);
      const response = await request.get(href!);
      expect(response.status(), `${name} → ${href}`).toBe(200);
    }
    await expect(identifier.getByRole('link', { name: /USA\.gov/ })).toHaveAttribute('href', /^https:\/\/www\.usa\.gov\/?$/);
  });

  test('every public page has one h1, html lang="en", a unique " | DOD News" title, a description and sized images', async ({
    page,
    baseURL,
  }) => {
    const paths = await publicPages(page, baseURL!);
    const titles = new Map<string, string>();
    const problems: string[] = [];
    for (const path of paths) {
      await test.step(path, async () => {
        const response = await page.goto(path);
        if (response?.status() !== 200) problems.push(`${path}: status ${response?.status()}`);
        // One round trip per page: this loop visits every public page.
        const facts = await page.evaluate(() => ({
          title: document.title,
          h1s: document.querySelectorAll('h1').length,
          lang: document.documentElement.getAttribute('lang'),
          description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
          unsized: [...document.querySelectorAll('img')]
            .filter((img) => !img.hasAttribute('width') || !img.hasAttribute('height'))
            .map((img) => img.getAttribute('src') ?? img.outerHTML),
          siteName: document.querySelector('.usa-header')?.textContent ?? '',
        }));
        if (!facts.title.endsWith(TITLE_SUFFIX) || facts.title === TITLE_SUFFIX.trim()) {
          problems.push(`${path}: title "${facts.title}" does not end with "${TITLE_SUFFIX}"`);
        }
        const other = titles.get(facts.title);
        if (other) problems.push(`${path}: title "${facts.title}" is also the title of ${other}`);
        titles.set(facts.title, path);
        if (facts.h1s !== 1) problems.push(`${path}: ${facts.h1s} h1 elements`);
        if (facts.lang !== 'en') problems.push(`${path}: <html lang="${facts.lang}">`);
        if (!facts.description.trim()) problems.push(`${path}: no meta description`);
        for (const src of facts.unsized) problems.push(`${path}: image without width/height: ${src}`);
        if (!facts.siteName.includes(SITE_NAME)) problems.push(`${path}: no "${SITE_NAME}" in the header`);
      });
    }
    expect(paths.length).toBeGreaterThan(3);
    expect(problems).toEqual([]);
  });

  test('the header has the site name and the primary navigation', async ({ page }) => {
    await page.goto('/');
    const header = page.locator('header.usa-header');
    await expect(header.getByText(SITE_NAME, { exact: true })).toHaveCount(1);
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    if (await menu.isVisible()) await menu.click(); // narrow screens hide the nav behind "Menu"
    const nav = page.getByRole('navigation', { name: /primary/i });
    for (const [name, href] of [
      ['Home', '/'],
      ['News', '/news'],
      ['About', '/about'],
      ['Contact', '/contact'],
    ] as const) {
      await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
    }
    await expect(page.locator('main#main-content')).toHaveCount(1);
    await expect(page.locator('footer.usa-footer')).toHaveCount(1);
  });

  for (const path of UNKNOWN_PATHS) {
    test(`${path} answers 404 with a USWDS page that has an h1 and a link home`, async ({ page, consoleErrors }) => {
      consoleErrors.allow(NOT_FOUND_RESOURCE);
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
      await expect(page.locator('main a[href="/"]').first()).toBeVisible();
      await expect(page.locator('section.usa-banner')).toHaveCount(1);
      await expect(page).toHaveTitle(new RegExp(`${TITLE_SUFFIX.replace(/[|]/g, '\\|')}$`));
    });
  }

  test('drafts never appear on /news or the home page and their URLs answer 404', async ({
    page,
    request,
  }) => {
    const drafts = draftArticles();
    expect(drafts.length, 'content/news has at least one `status: draft` article to test against').toBeGreaterThan(0);

    const { articles } = await allListedArticles(page);
    await page.goto('/');
    const homeLinks = await linkPaths(page, 'body');
    const homeText = await page.locator('body').innerText();
    for (const draft of drafts) {
      const path = `/news/${draft.slug}`;
      expect(articles.map((a) => a.path), `${draft.file} listed on /news`).not.toContain(path);
      expect(homeLinks, `${draft.file} linked from home`).not.toContain(path);
      if (draft.title) expect(homeText, `${draft.file} title on home`).not.toContain(draft.title);
      expect((await request.get(path)).status(), `${path} status`).toBe(404);
    }
  });

  test('the served stylesheet keeps the USWDS version comment of the installed release', async ({ page, request }) => {
    const { version } = JSON.parse(readFileSync('node_modules/@uswds/uswds/package.json', 'utf8')) as { version: string };
    await page.goto('/');
    const hrefs = await page.locator('link[rel="stylesheet"]').evaluateAll((links) =>
      links.map((link) => (link as HTMLLinkElement).href),
    );
    expect(hrefs.length, 'stylesheets linked from the home page').toBeGreaterThan(0);
    const starts = await Promise.all(hrefs.map(async (href) => (await (await request.get(href)).text()).slice(0, 40)));
    expect(starts.some((start) => start.startsWith(`/*! uswds v${version} */`)), starts.join('\n')).toBe(true);
  });
});
