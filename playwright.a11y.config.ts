import { defineConfig } from '@playwright/test';
import { baseURL, CI, desktopUse, phoneUse, runOptions, webServer } from './e2e/support/playwright-base';

/**
 * The accessibility audit (docs/accessibility.md).
 *   npm run test:a11y                          the local production build (starts `next start`)
 *   BASE_URL=https://staging.example.gov npm run audit   any deployment; starts no server
 * globalSetup (e2e/a11y/discover.ts) reads the site's sitemap and writes the URLs and states to
 * reports/accessibility/targets.json before the specs load; every target gets its own tests.
 */
export default defineConfig({
  testDir: 'e2e/a11y',
  // *.test.ts beside the specs are Vitest unit tests of the audit's own code.
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/a11y',
  globalSetup: './e2e/a11y/discover.ts',
  ...runOptions,
  timeout: 90_000,
  reporter: [
    [CI ? 'dot' : 'list'],
    ['html', { outputFolder: 'reports/accessibility/html', open: 'never' }],
    ['junit', { outputFile: 'reports/accessibility/junit.xml' }],
    ['./e2e/a11y/reporter.ts'],
  ],
  use: {
    baseURL,
    // No trace: it slows every scan; the ledger, the axe JSON and the screenshots explain a failure.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    // The site-wide and self-test specs need one run.
    { name: 'desktop', use: desktopUse },
    { name: 'phone', use: phoneUse, testIgnore: ['site.spec.ts', 'self-test.spec.ts'] },
  ],
  webServer,
});
