import type { Page } from '@playwright/test';
import { expect, isOnScreen, test, waitForUswds } from './fixtures';
import { seed } from './support/seed';

const BANNER_BUTTON = 'Here’s how you know';
const BANNER_HEADINGS = ['Official websites use .gov', 'Secure .gov websites use HTTPS'];

function bannerParts(page: Page) {
  const banner = page.getByRole('region', { name: 'Official website of the United States government' });
  return {
    banner,
    button: banner.getByRole('button', { name: BANNER_BUTTON }),
    panel: page.locator('#gov-banner-default'),
    header: banner.locator('.usa-banner__header'),
  };
}

test.describe('official-site banner', () => {
  test('the skip link is the first focusable element and the banner button the second', async ({ page }) => {
    await page.goto('/');
    await waitForUswds(page);
    const { button } = bannerParts(page);

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toHaveAttribute('href', '#main-content');
    await expect(skip).toHaveClass(/\busa-skipnav\b/);

    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
  });

  test('the banner says it is an official website and its button controls a collapsed panel', async ({ page }) => {
    await page.goto('/');
    await waitForUswds(page);
    const { banner, button, panel } = bannerParts(page);

    await expect(banner).toHaveClass(/\busa-banner\b/);
    await expect(banner).toContainText('An official website of the United States government');
    await expect(button).toHaveClass(/\busa-banner__button\b/);
    await expect(button).toHaveAttribute('aria-controls', 'gov-banner-default');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).toBeHidden();
  });

  test('Enter opens the banner panel and Space closes it', async ({ page }) => {
    await page.goto('/');
    await waitForUswds(page);
    const { button, panel, header } = bannerParts(page);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(panel).toBeVisible();
    await expect(header).toHaveClass(/\busa-banner__header--expanded\b/);
    for (const heading of BANNER_HEADINGS) {
      await expect(panel.getByText(heading, { exact: true })).toBeVisible();
    }

    await page.keyboard.press('Space');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).toBeHidden();
    await expect(header).not.toHaveClass(/\busa-banner__header--expanded\b/);
  });

  test('the skip link moves focus into main', async ({ page }) => {
    await page.goto(seed.path);
    await waitForUswds(page);

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.locator('main#main-content')).toHaveCount(1);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const active = document.activeElement;
          const main = document.getElementById('main-content');
          return !!active && !!main && (active === main || main.contains(active));
        }),
      )
      .toBe(true);
  });

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });

    test('the banner panel is shown and the button does not claim it is collapsed', async ({ page }) => {
      await page.goto('/');
      const { button, panel } = bannerParts(page);

      for (const heading of BANNER_HEADINGS) {
        await expect(panel.getByText(heading, { exact: true })).toBeVisible();
      }
      expect(await isOnScreen(panel), 'banner panel is on screen without JavaScript').toBe(true);
      // Either the button is not exposed, or it tells the truth about the open panel.
      if (await button.isVisible()) {
        await expect(button).not.toHaveAttribute('aria-expanded', 'false');
      }
    });
  });

  test('with the site scripts blocked the banner text is present, shown and not claimed collapsed', async ({
    page,
    blockScripts,
  }) => {
    await blockScripts(page);
    await page.goto('/');
    const { button, panel } = bannerParts(page);

    for (const heading of BANNER_HEADINGS) {
      await expect(panel.getByText(heading, { exact: true })).toBeAttached();
    }
    // The inline usa-js-loading script still runs; its fallback must reveal the banner when the
    // bundles never arrive (USWDS uses 8 s).
    await expect(page.locator('html'), 'usa-js-loading must be removed by a fallback timer').not.toHaveClass(
      /\busa-js-loading\b/,
      { timeout: 12_000 },
    );
    for (const heading of BANNER_HEADINGS) {
      await expect(panel.getByText(heading, { exact: true })).toBeVisible();
    }
    const shown = await isOnScreen(panel);
    expect(shown, 'banner panel is on screen when scripts fail').toBe(true);
    if (shown && (await button.isVisible())) {
      await expect(button).not.toHaveAttribute('aria-expanded', 'false');
    }
  });

  test('the article page does not shift its layout while loading (CLS < 0.1)', async ({ page }) => {
    await page.goto(seed.path, { waitUntil: 'load' });
    await waitForUswds(page);
    const cls = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          const add = (entries: PerformanceEntryList) => {
            for (const entry of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) total += entry.value;
            }
          };
          const observer = new PerformanceObserver((list) => add(list.getEntries()));
          observer.observe({ type: 'layout-shift', buffered: true });
          // Two frames and a short pause let late shifts (fonts, hydration) land in the buffer.
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              setTimeout(() => {
                add(observer.takeRecords());
                observer.disconnect();
                resolve(total);
              }, 500),
            ),
          );
        }),
    );
    test.info().annotations.push({ type: 'CLS', description: cls.toFixed(4) });
    expect(cls, `cumulative layout shift on ${seed.path}`).toBeLessThan(0.1);
  });
});
