/**
 * Every check of the accessibility audit can fail: run on the deliberately broken fixture page
 * (e2e/a11y/fixtures/broken.html, served in the browser only), each returns the rules it exists for.
 */
import { expect, makeAxeBuilder, test } from '../fixtures';
import { checkBannerKeyboard, checkKeyboard } from './checks/keyboard';
import { checkForcedColors } from './checks/forced-colors';
import { checkReducedMotion } from './checks/motion';
import { checkNoJs, contentSnapshot, visibleHrefs } from './checks/no-js';
import { checkReflow } from './checks/reflow';
import { checkStructure } from './checks/structure';
import { applyTextResize, applyTextSpacing, checkTextFits } from './checks/text';
import { describeFindings, type Finding } from './findings';
import { BROKEN_FIXTURE_PATH, openBrokenFixture, openBrokenLandmarksFixture } from './fixture-page';

const DESKTOP = { width: 1280, height: 800 };

/** The rule ids found, with the findings in the failure message. */
function rulesOf(findings: Finding[]): string[] {
  test.info().annotations.push({ type: 'findings', description: `\n${describeFindings(findings)}` });
  return [...new Set(findings.map((f) => f.rule))];
}

function expectRules(findings: Finding[], expected: string[]) {
  const rules = rulesOf(findings);
  for (const rule of expected) expect(rules, `${rule} missing from:\n${describeFindings(findings)}`).toContain(rule);
}

test.describe('the audit checks fail on the broken fixture page', () => {
  test.use({ viewport: DESKTOP });

  test('axe finds the missing alt text, the nameless button and the low contrast', async ({ page }) => {
    await openBrokenFixture(page);
    const results = await makeAxeBuilder(page).analyze();
    const ids = results.violations.map((v) => v.id);
    expect(ids).toContain('image-alt');
    expect(ids).toContain('button-name');
    expect(ids).toContain('color-contrast');
  });

  test('keyboard: trap, focus order, positive tabindex, invisible or covered focus, unreachable elements, no skip link, context change', async ({ page }) => {
    await openBrokenFixture(page);
    const findings = await checkKeyboard(page);
    expectRules(findings, [
      'keyboard-trap',
      'positive-tabindex',
      'focus-order',
      'focus-not-visible',
      'focus-obscured',
      'not-reachable-by-keyboard',
      'skip-link-missing',
      'focus-changes-context',
    ]);
    const invisible = findings.filter((f) => f.rule === 'focus-not-visible').map((f) => f.html);
    expect(invisible.some((html) => html.includes('no-outline'))).toBe(true);
  });

  test('banner keyboard: a banner button that does not toggle', async ({ page }) => {
    await openBrokenFixture(page);
    expectRules(await checkBannerKeyboard(page), ['banner-enter', 'banner-space']);
  });

  test('banner keyboard: a page without a banner', async ({ page }) => {
    await openBrokenFixture(page);
    await page.evaluate(() => document.querySelector('.usa-banner')?.remove());
    expectRules(await checkBannerKeyboard(page), ['banner-missing']);
  });

  test('reflow: a 600 px box at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openBrokenFixture(page);
    expectRules(await checkReflow(page), ['page-scrolls-sideways', 'content-cut-off']);
  });

  test('text resize: the fixed-height box clips and the short box overlaps', async ({ page }) => {
    await openBrokenFixture(page);
    await applyTextResize(page);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expectRules(await checkTextFits(page, 'text-resize'), ['text-clipped', 'text-overlaps']);
  });

  test('text spacing: the fixed-height box clips and the short box overlaps', async ({ page }) => {
    await openBrokenFixture(page);
    await applyTextSpacing(page);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expectRules(await checkTextFits(page, 'text-spacing'), ['text-clipped', 'text-overlaps']);
  });

  test('text resize at 320 px: the page scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openBrokenFixture(page);
    await applyTextResize(page);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expectRules(await checkTextFits(page, 'text-resize'), ['page-scrolls-sideways']);
  });

  test('forced colours: a fill-only button, a focus without outline, an opted-out box, an invisible icon', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openBrokenFixture(page);
    expectRules(await checkForcedColors(page), [
      'control-boundary-invisible',
      'focus-not-visible-forced-colors',
      'forced-color-adjust-none',
      'icon-invisible-forced-colors',
    ]);
  });

  test('reduced motion: an endless animation and smooth scrolling', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openBrokenFixture(page);
    expectRules(await checkReducedMotion(page), ['animation-running', 'motion-not-reduced', 'smooth-scroll']);
  });

  test('structure: headings, landmarks, language, images, figure, links, targets', async ({ page }) => {
    await openBrokenFixture(page);
    expectRules(await checkStructure(page), [
      'h1-count',
      'heading-level-skipped',
      'landmark-unnamed',
      'content-outside-landmarks',
      'lang-missing',
      'img-alt-missing',
      'figure-caption-outside-figcaption',
      'link-text-vague',
      'link-name-missing',
      'target-too-small',
      'title-not-descriptive',
    ]);
  });

  test('keyboard and structure on the second page: skip link not first and going nowhere, no main, two banners and footers, one nav name twice, no title', async ({ page }) => {
    await openBrokenLandmarksFixture(page);
    expectRules(await checkKeyboard(page), ['skip-link-not-first', 'skip-link-broken']);
    await openBrokenLandmarksFixture(page);
    expectRules(await checkStructure(page), ['landmark-main', 'landmark-banner', 'landmark-contentinfo', 'landmark-name-duplicate', 'title-missing']);
  });

  test('no JavaScript: content and navigation that need scripts', async ({ page, browser }) => {
    await openBrokenFixture(page);
    const withJs = await contentSnapshot(page);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    try {
      const noJs = await context.newPage();
      await openBrokenFixture(noJs);
      expect(new URL(noJs.url()).pathname).toBe(BROKEN_FIXTURE_PATH);
      const findings = checkNoJs(withJs, await contentSnapshot(noJs), await visibleHrefs(noJs));
      expectRules(findings, ['content-missing-without-js', 'navigation-missing-without-js']);
    } finally {
      await context.close();
    }
  });
});
