/**
 * The archive by date: /news/<yyyy> and /news/<yyyy>/<mm>, worked out from the content under test
 * (the publication date in the site's time zone), never from hard-coded slugs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { archivePath, calendarMonthOf, monthName } from '../lib/content/calendar';
import { parseContentDate } from '../lib/content/dates';
import { siteConfig } from '../lib/site-config';
import { expect, NOT_FOUND_RESOURCE, test } from './fixtures';
import { publicArticles, unpublishedArticles, type PublicArticle } from './support/content';
import { allListedArticles } from './support/site';

const PAGE_SIZE = siteConfig.listPageSize;
const periodOf = (article: PublicArticle) => calendarMonthOf(new Date(article.publishedAt), siteConfig.timeZone);

/** Public articles grouped by archive address (years and months), newest first within each. */
function archives(): Map<string, PublicArticle[]> {
  const groups = new Map<string, PublicArticle[]>();
  for (const article of publicArticles()) {
    const { year, month } = periodOf(article);
    for (const path of [archivePath(year), archivePath(year, month)]) groups.set(path, [...(groups.get(path) ?? []), article]);
  }
  return groups;
}

/** The year with the most public articles, and its busiest month. */
function busiest(): { year: number; month: number; yearArticles: PublicArticle[]; monthArticles: PublicArticle[] } {
  const all = archives();
  const years = [...all].filter(([path]) => /^\/news\/\d{4}$/.test(path)).sort((a, b) => b[1].length - a[1].length);
  const [yearPath, yearArticles] = years[0] ?? ['', []];
  const year = Number(yearPath.slice('/news/'.length));
  const months = [...all].filter(([path]) => path.startsWith(`${yearPath}/`)).sort((a, b) => b[1].length - a[1].length);
  const [monthPath, monthArticles] = months[0] ?? ['', []];
  return { year, month: Number(monthPath.slice(-2)), yearArticles, monthArticles };
}

const pathsOf = (articles: PublicArticle[]) => articles.map((article) => article.path);
/** The pages of a listing of `count` articles. */
const listingPages = (base: string, count: number) => Array.from({ length: Math.max(1, Math.ceil(count / PAGE_SIZE)) }, (_, i) => (i === 0 ? base : `${base}/page/${i + 1}`));

test.describe('archive by date', () => {
  test("a year's page lists its public articles newest first, paginated, and links to its months with their counts", async ({
    page,
    baseURL,
    expectNoAxeViolations,
  }) => {
    const { year, yearArticles } = busiest();
    expect(yearArticles.length, 'the content has a year with public articles').toBeGreaterThan(0);
    const base = archivePath(year);
    const { articles, pages } = await allListedArticles(page, base);
    expect(pages).toEqual(listingPages(base, yearArticles.length));
    expect(articles.map((a) => a.path)).toEqual(pathsOf(yearArticles));

    await page.goto(base);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`News from ${year}`);
    await expect(page).toHaveTitle(`News from ${year} | ${siteConfig.siteName}`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new URL(base, baseURL).href);
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumbs' });
    await expect(breadcrumb.getByRole('link')).toHaveText(['Home', 'News']);
    await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText(String(year));

    const months = page.getByRole('navigation', { name: `Months of ${year}` });
    const expected = [...archives()]
      .filter(([path]) => path.startsWith(`${base}/`))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, list]) => ({ path, text: `${monthName(Number(path.slice(-2)))} ${year} (${list.length} ${list.length === 1 ? 'article' : 'articles'})` }));
    await expect(months.getByRole('listitem')).toHaveText(expected.map((month) => month.text));
    expect(await months.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(expected.map((m) => m.path));
    await expectNoAxeViolations(page, `year archive ${year}`);
  });

  test("a month's page lists that month's public articles, with the year in its breadcrumb", async ({ page, expectNoAxeViolations }) => {
    const { year, month, monthArticles } = busiest();
    const base = archivePath(year, month);
    await page.goto(archivePath(year));
    await page.getByRole('navigation', { name: `Months of ${year}` }).getByRole('link', { name: `${monthName(month)} ${year}` }).click();
    await expect(page).toHaveURL((url) => url.pathname === base);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`News from ${monthName(month)} ${year}`);
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumbs' });
    await expect(breadcrumb.getByRole('link')).toHaveText(['Home', 'News', String(year)]);
    await expect(breadcrumb.getByRole('link', { name: String(year) })).toHaveAttribute('href', archivePath(year));
    await expectNoAxeViolations(page, `month archive ${base}`);
    const { articles, pages } = await allListedArticles(page, base);
    expect(pages).toEqual(listingPages(base, monthArticles.length));
    expect(articles.map((a) => a.path)).toEqual(pathsOf(monthArticles));
  });

  test('the news index links to every year with its count', async ({ page }) => {
    await page.goto('/news');
    const years = [...archives()].filter(([path]) => /^\/news\/\d{4}$/.test(path)).sort(([a], [b]) => (a < b ? 1 : -1));
    const nav = page.getByRole('navigation', { name: 'Archive' });
    await expect(nav.getByRole('heading', { level: 2 })).toHaveText('Archive');
    await expect(nav.getByRole('listitem')).toHaveText(years.map(([path, list]) => `${path.slice(6)} (${list.length} ${list.length === 1 ? 'article' : 'articles'})`));
    expect(await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(years.map(([path]) => path));
  });

  test('page 1 redirects to the archive itself; pages past the end, impossible dates and empty periods are the 404', async ({ request }) => {
    const { year, month, yearArticles, monthArticles } = busiest();
    for (const base of [archivePath(year), archivePath(year, month)]) {
      const first = await request.get(`${base}/page/1`, { maxRedirects: 0 });
      expect(first.status(), `${base}/page/1`).toBe(308);
      expect(first.headers()['location']).toBe(base);
    }
    const reference = await request.get('/news/no-such-article-for-the-archive-test');
    expect(reference.status()).toBe(404);
    const notFound = await reference.text();
    const publicPaths = new Set(archives().keys());
    const empty = [...Array.from({ length: 12 }, (_, i) => archivePath(year, i + 1)), archivePath(1900), archivePath(9999)].filter((path) => !publicPaths.has(path));
    expect(empty.length, 'a month of the busiest year, 1900 and 9999 have no article').toBeGreaterThan(0);
    for (const path of [
      '/news/2023/13',
      '/news/2023/00',
      '/news/0999',
      '/news/999',
      `/news/${year}/${String(month).padStart(2, '0')}/01`,
      `${archivePath(year)}/page/${Math.ceil(yearArticles.length / PAGE_SIZE) + 1}`,
      `${archivePath(year, month)}/page/${Math.ceil(monthArticles.length / PAGE_SIZE) + 1}`,
      ...empty,
      ...empty.map((path) => `${path}/page/1`),
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect.soft(response.status(), path).toBe(404);
      expect.soft(await response.text(), `${path}: the one 404 page`).toBe(notFound);
    }
    // A month written with one digit is not the month's address.
    if (month < 10) expect((await request.get(`/news/${year}/${month}`, { maxRedirects: 0 })).status()).toBe(404);
  });

  test("a draft's or a scheduled article's year and month do not list it", async ({ page, request, consoleErrors }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    const unpublished = unpublishedArticles();
    expect(unpublished.map((a) => a.state), 'the sample content has a draft and a scheduled article').toEqual(expect.arrayContaining(['draft', 'scheduled']));
    const publicPaths = new Set(archives().keys());
    let listedMonths = 0;
    for (const article of unpublished) {
      // The date as the file gives it, read like the site reads it.
      const { year, month } = calendarMonthOf(new Date(dateOf(article.file)), siteConfig.timeZone);
      for (const base of [archivePath(year), archivePath(year, month)]) {
        if (!publicPaths.has(base)) {
          expect((await request.get(base)).status(), `${base}: only unpublished articles, so no page`).toBe(404);
          continue;
        }
        listedMonths += 1;
        const { articles } = await allListedArticles(page, base);
        expect(articles.map((a) => a.path), `${base} (${article.state} ${article.slug})`).not.toContain(`/news/${article.slug}`);
        expect(articles.map((a) => a.title)).not.toContain(article.title);
      }
    }
    expect(listedMonths, "the draft's month has public articles too, so the page exists and is checked").toBeGreaterThan(0);
  });
});

/** The `date:` front matter of a content file, as an instant (a date alone is midnight in the site's zone). */
function dateOf(file: string): number {
  const source = readFileSync(path.join(__dirname, '..', file), 'utf8');
  const raw = /^date:\s*['"]?([^'"\n]+)['"]?\s*$/m.exec(source)?.[1];
  if (!raw) throw new Error(`${file}: no date`);
  const parsed = parseContentDate(raw, siteConfig.timeZone);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
  return parsed.instant.getTime();
}
