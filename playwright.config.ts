import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * findBrowser() from scripts/find-browser.mjs, run as a child process: Playwright compiles files
 * imported by the config to CommonJS, which breaks an .mjs module ("exports is not defined").
 * Returns undefined for Playwright's own browser; throws when CHROMIUM_PATH points nowhere.
 */
function findBrowser(): string | undefined {
  const script = path.join(__dirname, 'scripts', 'find-browser.mjs');
  const found = execFileSync(process.execPath, [script, '--executable-path'], { encoding: 'utf8' }).trim();
  return found || undefined;
}

const PORT = Number(process.env.E2E_PORT ?? 3100);
const CI = !!process.env.CI;
// BASE_URL tests an already running site (a preview deployment, say) and starts no server.
const externalBaseURL = process.env.BASE_URL;
const baseURL = externalBaseURL ?? `http://127.0.0.1:${PORT}`;

/**
 * The secret that signs preview links for this run. `npm run test:e2e` makes one when the shell has
 * none; a direct `npx playwright test` gets one here. It goes into process.env, not a local: worker
 * processes inherit the main process's environment and load this config again, so they find it set
 * and the specs sign with the same secret as the server below. A BASE_URL audit gets none made up:
 * only the deployment's own secret can sign links it accepts.
 */
if (!externalBaseURL && !process.env.PREVIEW_SECRET) process.env.PREVIEW_SECRET = randomBytes(32).toString('base64');
const previewSecret = process.env.PREVIEW_SECRET ?? '';

const launchOptions = {
  // undefined = Playwright's own download; set only when find-browser found one. Never `channel`.
  executablePath: findBrowser(),
  args: ['--disable-gpu', '--disable-quic', '--disable-background-networking'],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  // 2 cores: one worker leaves a core for `next start`; CI machines take two.
  workers: CI ? 2 : 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
    {
      name: 'desktop',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions,
      },
    },
    {
      // Layout-dependent specs only; content, HTTP and metadata checks do not change with the viewport.
      name: 'phone',
      testMatch: ['accessibility.spec.ts', 'banner.spec.ts'],
      use: {
        ...devices['Pixel 7'],
        viewport: { width: 390, height: 844 },
        screen: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        defaultBrowserType: 'chromium',
        launchOptions,
      },
    },
  ],
  webServer: externalBaseURL
    ? undefined
    : {
        // `node …/next start` is one process, so Playwright can stop what it started
        // (`npx next start` is npm → sh → next-server).
        command: `node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1`,
        url: `http://127.0.0.1:${PORT}`,
        // A server already on the port is stale code: fail instead of testing it.
        reuseExistingServer: false,
        timeout: 60_000,
        // SITE_URL is where preview links point (the staff page's shareable links): this server.
        env: { NEXT_TELEMETRY_DISABLED: '1', PREVIEW_SECRET: previewSecret, SITE_URL: baseURL },
        stdout: 'ignore',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      },
});
