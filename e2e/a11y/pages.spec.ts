/**
 * Every URL of the sitemap and every state (404, search results, a later listing page, a draft in
 * preview), at desktop and phone sizes: axe (WCAG 2.0–2.2 A/AA fail; best practice reported) and
 * the structure check. One test per URL and check, so a failure names its page.
 */
import { test } from '../fixtures';
import { attachScreenshot, expectNoFindings, expectNoViolations, openTarget, runAxe } from './audit';
import { checkStructure } from './checks/structure';
import { loadTargets, targetLabel } from './targets';

for (const target of loadTargets().targets) {
  test.describe(targetLabel(target), () => {
    test('axe finds no WCAG 2.2 A/AA violation', async ({ page, consoleErrors }, testInfo) => {
      await openTarget(page, target, consoleErrors);
      await attachScreenshot(page, testInfo, 'default');
      expectNoViolations(await runAxe(page, testInfo, target, 'default'), `${target.path} (${testInfo.project.name})`);
    });

    test('structure: headings, landmarks, title, language, images, figures, links, targets', async ({ page, consoleErrors }, testInfo) => {
      await openTarget(page, target, consoleErrors);
      await expectNoFindings(page, testInfo, target, 'default', 'structure', await checkStructure(page));
    });
  });
}
