// Accessibility of these pages (axe, structure, reflow, keyboard…) is the audit's: npm run test:a11y checks every URL of the sitemap.
import { expect, test } from './fixtures';
import { publicArticles } from './support/content';
import { allListedArticles, articleCards } from './support/site';
import { sitemapPaths } from './support/sitemap';
import { siteConfig } from '../lib/site-config';

const PAGE_SIZE = siteConfig.listPageSize;
const YEARS = siteConfig.archiveAfterYears;

/** The topic with the most public articles, by name. */
function busiestTopic(): { name: string; count: number } {
  const counts = new Map<string, number>();
  for (const article of publicArticles()) for (const t of article.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  const [name, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return { name, count };
}

test.describe('news listing pages', () => {
  test('/news is paginated: every public article once, newest first, pages of the configured size', async ({ page }) => {
    const expected = publicArticles();
    expect(expected.length, 'the sample content needs more than one page of articles').toBeGreaterThan(PAGE_SIZE);
    const { articles, pages } = await allListedArticles(page);
    expect(pages).toEqual(['/news', ...Array.from({ length: Math.ceil(expected.length / PAGE_SIZE) - 1 }, (_, i) => `/news/page/${i + 2}`)]);
    expect(articles.map((a) => a.path)).toEqual(expected.map((a) => `/news/${a.slug}`));
    // Newest first, by the machine-readable dates on the cards.
    const instants = articles.map((a) => Date.parse(a.dateTime));
    expect([...instants].sort((a, b) => b - a)).toEqual(instants);
  });

  test('the USWDS pagination marks the current page and links the others, without JavaScript', async ({
    page,
    blockScripts,
  }) => {
    await blockScripts(page);
    await page.goto('/news/page/2');
    const nav = page.getByRole('navigation', { name: 'Pagination' });
    await expect(nav).toHaveClass(/usa-pagination/);
    await expect(nav.locator('[aria-current="page"]')).toHaveText('2');
    await expect(nav.getByRole('link', { name: 'Page 1', exact: true })).toHaveAttribute('href', '/news');
    await expect(page.getByText(/^Page 2 of \d+: articles 11 to \d+ of \d+, newest first\.$/)).toBeVisible();
    await expect(page).toHaveTitle(/^News articles, page 2 of \d+ \| /);
    await nav.getByRole('link', { name: 'Previous page' }).click();
    await expect(page).toHaveURL(/\/news$/);
    expect((await articleCards(page)).length).toBe(PAGE_SIZE);
  });

  test('pages out of range, malformed page numbers and page 1 are handled', async ({ request }) => {
    const pages = Math.ceil(publicArticles().length / PAGE_SIZE);
    for (const path of [`/news/page/${pages + 1}`, '/news/page/0', '/news/page/-1', '/news/page/02', '/news/page/abc', '/news/page/2.5', '/news/page/99999999999']) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
    const first = await request.get('/news/page/1', { maxRedirects: 0 });
    expect(first.status()).toBe(308);
    expect(first.headers()['location']).toMatch(/\/news$/);
  });

  test('topic pages paginate the same way', async ({ page, request }) => {
    const { name, count } = busiestTopic();
    expect(count, `the busiest topic (${name}) needs more than one page`).toBeGreaterThan(PAGE_SIZE);
    await page.goto('/topics');
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const base = new URL(page.url()).pathname;
    expect((await articleCards(page)).length).toBe(PAGE_SIZE);
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(new RegExp(`${base}/page/2$`));
    const pages = Math.ceil(count / PAGE_SIZE);
    const onPage2 = (await articleCards(page)).length;
    expect(onPage2).toBe(Math.min(PAGE_SIZE, count - PAGE_SIZE));
    await expect(page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name })).toHaveAttribute('href', base);
    expect((await request.get(`${base}/page/${pages + 1}`)).status()).toBe(404);
    expect((await request.get('/topics/no-such-topic/page/2')).status()).toBe(404);
    const first = await request.get(`${base}/page/1`, { maxRedirects: 0 });
    expect(first.status()).toBe(308);
  });

  test('the sitemap lists every listing page', async ({ request }) => {
    const locs = await sitemapPaths(request);
    const pages = Math.ceil(publicArticles().length / PAGE_SIZE);
    for (let n = 2; n <= pages; n++) expect(locs).toContain(`/news/page/${n}`);
    expect(locs).not.toContain(`/news/page/${pages + 1}`);
    expect(locs).not.toContain('/news/page/1');
  });
});

test.describe('archive notice', () => {
  const cutoff = new Date();
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - YEARS);
  // A day's margin either side, so date-only content read as UTC midnight cannot sit on the line.
  const old = publicArticles().filter((a) => a.publishedAt < cutoff.getTime() - 86_400_000);
  const recent = publicArticles().filter((a) => a.publishedAt > cutoff.getTime() + 86_400_000);

  test(`articles older than ${YEARS} years say they are archived; newer ones do not`, async ({ page }) => {
    expect(old.length, 'sample content includes archived articles').toBeGreaterThan(0);
    expect(recent.length).toBeGreaterThan(0);
    for (const article of old) {
      await page.goto(`/news/${article.slug}`);
      const notice = page.locator('article .usa-alert--info');
      await expect(notice, article.slug).toContainText('Archived content.');
      await expect(notice).toContainText(/published on \w+\.? \d{1,2}, \d{4}, more than \w+ years? ago/);
    }
    for (const article of recent) {
      await page.goto(`/news/${article.slug}`);
      await expect(page.getByText('Archived content.'), article.slug).toHaveCount(0);
    }
  });
});

test.describe('print', () => {
  test('an article prints as the article: no banner, navigation, search or footer links; figures with captions and credits', async ({
    page,
  }) => {
    const withFigures = publicArticles().find((a) => a.slug === 'biden-stoltenberg-confer-before-nato-summit');
    expect(withFigures).toBeDefined();
    await page.goto(`/news/${withFigures!.slug}`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.usa-banner', '.usa-nav', '.usa-menu-btn', '.usa-breadcrumb', '.usa-footer', '.usa-identifier__section--required-links', '.site-related']) {
      const locator = page.locator(selector);
      if ((await locator.count()) > 0) await expect(locator.first(), selector).toBeHidden();
    }
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const figures = page.locator('article figure');
    expect(await figures.count()).toBeGreaterThan(0);
    for (const figure of await figures.all()) {
      await expect(figure.locator('img')).toBeVisible();
      await expect(figure.locator('figcaption')).toBeVisible();
      await expect(figure.locator('figcaption')).toContainText(/Credit|Photo by|courtesy/i);
    }
    // The printout still says whose site it came from.
    await expect(page.locator('.usa-identifier__identity-domain')).toBeVisible();
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});

test.describe('related stories', () => {
  test('rank other public articles by shared topics, then recency', async ({ page }) => {
    const all = publicArticles();
    for (const article of all.slice(0, 4)) {
      const shared = (other: (typeof all)[number]) => other.topics.filter((t) => article.topics.includes(t)).length;
      const expected = all
        .filter((other) => other.slug !== article.slug && shared(other) > 0)
        .sort((a, b) => shared(b) - shared(a) || b.publishedAt - a.publishedAt)
        .slice(0, 3)
        .map((other) => `/news/${other.slug}`);
      await page.goto(`/news/${article.slug}`);
      const links = page.locator('section[aria-labelledby="related-stories"] a');
      const paths = (await links.evaluateAll((nodes) => nodes.map((a) => new URL((a as HTMLAnchorElement).href).pathname)));
      expect(paths, `related stories of ${article.slug}`).toEqual(expected);
    }
  });
});
