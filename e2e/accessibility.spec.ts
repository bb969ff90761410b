import type { Page } from '@playwright/test';
import { expect, NOT_FOUND_RESOURCE, test, waitForUswds } from './fixtures';
import { seed } from './support/seed';
import { allListedArticles, linkPaths } from './support/site';

// Runs in both projects (desktop 1280×800 and phone 390×844). Pages are scanned one after the
// other in a single page object per test, to keep the suite quick on 2 cores.

type Scan = (page: Page, label: string, include?: string) => Promise<void>;

/**
 * Scans the whole page as loaded (banner closed), then opens the banner and scans the whole
 * page again: an open panel can clash with what surrounds it (duplicate ids, landmarks).
 */
async function scanClosedAndOpen(page: Page, path: string, scan: Scan, expectedStatus = 200) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} status`).toBe(expectedStatus);
  await waitForUswds(page);
  await scan(page, `${path} (banner closed)`);
  // WCAG 1.4.10 reflow: a wide table scrolls inside its own box; the main content never makes the
  // page scroll sideways.
  const sideways = await page.locator('main').evaluate((main) => main.scrollWidth - main.clientWidth);
  expect(sideways, `${path}: main content is ${sideways} px wider than the page`).toBeLessThanOrEqual(0);
  const pageSideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(pageSideways, `${path}: the page scrolls ${pageSideways} px sideways`).toBeLessThanOrEqual(0);

  const button = page
    .getByRole('region', { name: 'Official website of the United States government' })
    .getByRole('button', { name: 'Here’s how you know' });
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#gov-banner-default')).toBeVisible();
  await scan(page, `${path} (banner open)`);
}

test.describe('axe finds no WCAG 2.2 A/AA violations', () => {
  test('on the home page, banner closed and open', async ({ page, expectNoAxeViolations }) => {
    await scanClosedAndOpen(page, '/', expectNoAxeViolations);
  });

  test('on every page of the news index, banner closed and open', async ({ page, expectNoAxeViolations }) => {
    const { pages } = await allListedArticles(page);
    test.setTimeout(30_000 + pages.length * 20_000);
    for (const path of pages) {
      await test.step(path, () => scanClosedAndOpen(page, path, expectNoAxeViolations));
    }
  });

  test('on every article listed on /news, banner closed and open', async ({ page, expectNoAxeViolations }) => {
    const { articles } = await allListedArticles(page);
    expect(articles.length, 'articles listed on /news').toBeGreaterThan(0);
    // Two full axe scans per article; 30 s each leaves room when other builds share the 2 cores.
    test.setTimeout(30_000 + articles.length * 30_000);
    for (const { path } of articles) {
      await test.step(path, () => scanClosedAndOpen(page, path, expectNoAxeViolations));
    }
  });

  test('on every page linked from the identifier, banner closed and open', async ({ page, expectNoAxeViolations }) => {
    await page.goto('/');
    const paths = [...new Set(await linkPaths(page, '.usa-identifier'))].filter((path) => path !== '/');
    expect(paths.length, 'internal identifier links').toBeGreaterThan(0);
    test.setTimeout(30_000 + paths.length * 20_000);
    for (const path of paths) {
      await test.step(path, () => scanClosedAndOpen(page, path, expectNoAxeViolations));
    }
  });

  test('on the search results page, banner closed and open', async ({ page, expectNoAxeViolations }) => {
    await scanClosedAndOpen(page, '/search?q=nato', expectNoAxeViolations);
  });

  test('on the 404 page, banner closed and open', async ({ page, consoleErrors, expectNoAxeViolations }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    await scanClosedAndOpen(page, '/news/does-not-exist', expectNoAxeViolations, 404);
  });

  test('without the site scripts, on the home page and the seed article', async ({
    page,
    blockScripts,
    expectNoAxeViolations,
  }) => {
    await blockScripts(page);
    for (const path of ['/', seed.path]) {
      await test.step(path, async () => {
        const response = await page.goto(path);
        expect(response?.status(), `${path} status`).toBe(200);
        await expectNoAxeViolations(page, `${path} (no JS)`);
      });
    }
  });
});
