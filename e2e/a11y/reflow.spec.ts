/**
 * WCAG 1.4.10 reflow on every URL and state: at 320 CSS px wide (1280 px at 400 % zoom) the page
 * does not scroll sideways and nothing is cut off. Runs in the phone project only.
 */
import { test } from '../fixtures';
import { attachScreenshot, expectNoFindings, openTarget } from './audit';
import { checkReflow } from './checks/reflow';
import { loadTargets, targetLabel } from './targets';

for (const target of loadTargets().targets) {
  test(`${targetLabel(target)} › reflows at 320 CSS px without sideways scrolling`, async ({ page, consoleErrors }, testInfo) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openTarget(page, target, consoleErrors);
    await attachScreenshot(page, testInfo, 'reflow-320');
    await expectNoFindings(page, testInfo, target, 'reflow-320', 'reflow', await checkReflow(page));
  });
}
