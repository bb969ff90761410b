/**
 * The checks axe cannot make, once per page template (the first URL of each template the site
 * lists, plus the 404, search-results and draft-preview states), at desktop and phone sizes:
 * keyboard, text at 200 %, text spacing, forced colours, reduced motion and JavaScript off; and,
 * once, axe again with the banner expanded (and the menu open on phones).
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../fixtures';
import { attachScreenshot, expectNoFindings, expectNoViolations, openTarget, runAxe } from './audit';
import { checkForcedColors } from './checks/forced-colors';
import { checkBannerKeyboard, checkKeyboard } from './checks/keyboard';
import { checkReducedMotion } from './checks/motion';
import { checkNoJs, contentSnapshot, visibleHrefs } from './checks/no-js';
import { applyTextResize, applyTextSpacing, checkTextFits } from './checks/text';
import { loadTargets, templateRepresentatives, type Target } from './targets';

async function expandBanner(page: Page): Promise<void> {
  const button = page.locator('button.usa-banner__button');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
}

async function textCheck(page: Page, testInfo: TestInfo, target: Target, mode: 'text-resize' | 'text-spacing', apply: (page: Page) => Promise<void>) {
  await apply(page);
  await attachScreenshot(page, testInfo, mode);
  await expectNoFindings(page, testInfo, target, mode, mode, await checkTextFits(page, mode));
  // The expanded banner is part of every page; its panel has to take the same text.
  await expandBanner(page);
  await expectNoFindings(page, testInfo, target, `${mode}, banner expanded`, mode, await checkTextFits(page, mode));
}

const representatives = templateRepresentatives(loadTargets().targets);

for (const target of representatives) {
  test.describe(`template ${target.template} (${target.path})`, () => {
    test('keyboard: skip link first, every control reachable in order, focus visible, no trap; banner opens with Enter and closes with Space', async ({ page, consoleErrors }, testInfo) => {
      await openTarget(page, target, consoleErrors);
      await expectNoFindings(page, testInfo, target, 'keyboard', 'keyboard', await checkKeyboard(page));
      await openTarget(page, target, consoleErrors);
      await expectNoFindings(page, testInfo, target, 'keyboard, banner', 'keyboard', await checkBannerKeyboard(page));
    });

    test('text resized to 200 %: nothing clipped or overlapping', async ({ page, consoleErrors }, testInfo) => {
      await openTarget(page, target, consoleErrors);
      await textCheck(page, testInfo, target, 'text-resize', applyTextResize);
    });

    test('WCAG 1.4.12 text spacing: nothing clipped or overlapping', async ({ page, consoleErrors }, testInfo) => {
      await openTarget(page, target, consoleErrors);
      await textCheck(page, testInfo, target, 'text-spacing', applyTextSpacing);
    });

    test('forced colors: controls and focus stay visible', async ({ page, consoleErrors }, testInfo) => {
      await page.emulateMedia({ forcedColors: 'active' });
      await openTarget(page, target, consoleErrors);
      await attachScreenshot(page, testInfo, 'forced-colors');
      await expectNoFindings(page, testInfo, target, 'forced-colors', 'forced-colors', await checkForcedColors(page));
    });

    test('prefers-reduced-motion: nothing animates', async ({ page, consoleErrors }, testInfo) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openTarget(page, target, consoleErrors);
      await expectNoFindings(page, testInfo, target, 'reduced-motion', 'reduced-motion', await checkReducedMotion(page));
    });

    test('JavaScript disabled: the same content and every navigation destination', async ({ page, browser, consoleErrors }, testInfo) => {
      await openTarget(page, target, consoleErrors);
      const withJs = await contentSnapshot(page);
      const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, screen, baseURL } = testInfo.project.use;
      const context = await browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, screen, baseURL, javaScriptEnabled: false });
      try {
        const noJs = await context.newPage();
        await openTarget(noJs, target, consoleErrors, { scripts: false });
        await attachScreenshot(noJs, testInfo, 'no-js');
        const findings = checkNoJs(withJs, await contentSnapshot(noJs), await visibleHrefs(noJs));
        await expectNoFindings(noJs, testInfo, target, 'no-js', 'no-js', findings);
      } finally {
        await context.close();
      }
    });
  });
}

// The banner and the header are the same markup on every page (site.spec.ts proves the header,
// search, footer and identifier identical everywhere), so their expanded states are scanned once,
// on the first template's page, not once per template.
const chrome = representatives[0];
if (chrome) {
  test.describe(`site chrome on ${chrome.path}`, () => {
    const target = chrome;
    test('axe with the banner expanded, and the menu open on phones', async ({ page, consoleErrors }, testInfo) => {
      await openTarget(page, target, consoleErrors);
      await expandBanner(page);
      await attachScreenshot(page, testInfo, 'banner-expanded');
      expectNoViolations(await runAxe(page, testInfo, target, 'banner-expanded'), `${target.path} banner expanded (${testInfo.project.name})`);
      // USWDS collapses the navigation into a menu below its desktop breakpoint (1024 px).
      if ((page.viewportSize()?.width ?? 0) < 1024) {
        const menu = page.getByRole('button', { name: 'Menu' });
        await expect(menu, 'the phone header has a Menu button').toBeVisible();
        await menu.click();
        await expect(page.locator('.usa-nav')).toBeVisible();
        await attachScreenshot(page, testInfo, 'menu-open');
        expectNoViolations(await runAxe(page, testInfo, target, 'menu-open'), `${target.path} menu open (${testInfo.project.name})`);
      }
    });
  });
}
