/**
 * Every URL of the sitemap and every state (404, search results, a later listing page, a draft in
 * preview), at desktop and phone sizes, in one page load each: axe (WCAG 2.0–2.2 A/AA fail; best
 * practice reported), the structure check, and on phones reflow at 320 CSS px. One test per URL
 * and viewport, with a step per check; the ledger has a row per finding of each.
 */
import { test } from '../fixtures';
import { attachScreenshot, expectNoFindings, expectNoViolations, openTarget, runAxe } from './audit';
import { checkReflow } from './checks/reflow';
import { checkStructure } from './checks/structure';
import { loadTargets, targetLabel } from './targets';

for (const target of loadTargets().targets) {
  test(`${targetLabel(target)} › axe, structure, and reflow at 320 px on phones`, async ({ page, consoleErrors }, testInfo) => {
    await openTarget(page, target, consoleErrors);
    await attachScreenshot(page, testInfo, 'default', { fullPage: true });
    // Each step fails on its own but the test goes on, so one run reports every check of the page.
    await test.step('axe: WCAG 2.0–2.2 A/AA, best practice reported', async () => {
      expectNoViolations(await runAxe(page, testInfo, target, 'default'), `${target.path} (${testInfo.project.name})`);
    }, { box: true });
    await test.step('structure: headings, landmarks, title, language, images, figures, links, targets', async () => {
      await expectNoFindings(page, testInfo, target, 'default', 'structure', await checkStructure(page));
    }, { box: true });
    // WCAG 1.4.10: 320 CSS px is 1280 px at 400 % zoom. The phone run narrows its window further.
    if (testInfo.project.name === 'phone') {
      await test.step('reflow at 320 CSS px: no sideways scrolling, nothing cut off', async () => {
        await page.setViewportSize({ width: 320, height: 640 });
        await page.evaluate(() => new Promise(requestAnimationFrame));
        await attachScreenshot(page, testInfo, 'reflow-320');
        await expectNoFindings(page, testInfo, target, 'reflow-320', 'reflow', await checkReflow(page));
      }, { box: true });
    }
  });
}
