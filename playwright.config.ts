import { defineConfig } from '@playwright/test';
import { baseURL, desktopUse, externalBaseURL, phoneUse, runOptions, webServer } from './e2e/support/playwright-base';

// The end-to-end suite. The accessibility audit (e2e/a11y/) has its own config,
// playwright.a11y.config.ts, its own reports and its own command (npm run test:a11y).
export default defineConfig({
  testDir: 'e2e',
  // support/ holds helpers and their Vitest unit tests (npm run test:unit), not specs.
  // Against a deployment (BASE_URL), leave out what needs this checkout's build and tools: the
  // byte budgets read the asset manifest, the client-bundle check reads the build's files, and the
  // nginx spec runs a local nginx in front of a local server.
  testIgnore: ['a11y/**', 'support/**', ...(externalBaseURL ? ['budgets.spec.ts', 'client-bundles.spec.ts', 'nginx.spec.ts'] : [])],
  outputDir: 'test-results/e2e',
  ...runOptions,
  timeout: 60_000,
  reporter: [
    ['list'],
    ['html', { outputFolder: 'reports/playwright', open: 'never' }],
    ['junit', { outputFile: 'reports/junit.xml' }],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', use: desktopUse },
    {
      // Layout-dependent specs only; content, HTTP and metadata checks do not change with the viewport.
      name: 'phone',
      testMatch: ['banner.spec.ts'],
      use: phoneUse,
    },
  ],
  webServer,
});
