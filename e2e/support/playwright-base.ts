/**
 * What both Playwright configs share: the browser, the two device profiles, where the site under
 * test is, and the standalone server they run when no BASE_URL is given.
 *   playwright.config.ts        the end-to-end suite (npm run test:e2e)
 *   playwright.a11y.config.ts   the accessibility audit (npm run test:a11y, npm run audit)
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { devices, type PlaywrightTestConfig } from '@playwright/test';

const ROOT = path.join(__dirname, '..', '..');

/**
 * findBrowser() from scripts/find-browser.mjs, run as a child process: Playwright compiles files
 * imported by the config to CommonJS, which breaks an .mjs module ("exports is not defined").
 * Returns undefined for Playwright's own browser; throws when CHROMIUM_PATH points nowhere.
 */
function findBrowser(): string | undefined {
  const script = path.join(ROOT, 'scripts', 'find-browser.mjs');
  const found = execFileSync(process.execPath, [script, '--executable-path'], { encoding: 'utf8' }).trim();
  return found || undefined;
}

export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const CI = !!process.env.CI;
/** BASE_URL tests an already running site (a staging deployment, say) and starts no server. */
export const externalBaseURL = process.env.BASE_URL?.replace(/\/+$/, '') || undefined;
export const baseURL = externalBaseURL ?? `http://127.0.0.1:${PORT}`;

/**
 * The secret that signs preview links for this run. `npm run test:e2e` makes one when the shell has
 * none; a direct `npx playwright test` gets one here. It goes into process.env, not a local: worker
 * processes inherit the main process's environment and load the config again, so they find it set
 * and the specs sign with the same secret as the server below. A BASE_URL audit gets none made up:
 * only the deployment's own secret can sign links it accepts.
 */
if (!externalBaseURL && !process.env.PREVIEW_SECRET) process.env.PREVIEW_SECRET = randomBytes(32).toString('base64');
const previewSecret = process.env.PREVIEW_SECRET ?? '';

/**
 * Staff sign-in against a real OpenID provider on this machine (e2e/support/oidc-test-provider.mjs),
 * on E2E_PORT+20. The site authenticates to it with private_key_jwt, as at Login.gov: a key pair made
 * per run and kept in process.env, like the preview secret, so workers see the same one.
 */
export const OIDC_PORT = PORT + 20;
export const oidcIssuer = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = 'newsroom-e2e';
if (!externalBaseURL && !process.env.E2E_OIDC_PRIVATE_KEY) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  process.env.E2E_OIDC_PRIVATE_KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  process.env.E2E_OIDC_PUBLIC_JWK = JSON.stringify({ ...publicKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' });
}
/** Where sign-outs are recorded for this server (lib/auth/revocation.ts). */
export const staffRevocationDir = path.join(os.tmpdir(), `newsroom-e2e-revoked-staff-${PORT}`);
export const staffEnv = {
  OIDC_ISSUER: oidcIssuer,
  OIDC_CLIENT_ID,
  OIDC_PRIVATE_KEY: process.env.E2E_OIDC_PRIVATE_KEY ?? '',
  OIDC_SCOPES: 'openid email profile',
  OIDC_PROVIDER_NAME: 'the test provider',
  STAFF_EMAIL_DOMAINS: 'agency.example.gov',
  STAFF_REVOCATION_DIR: staffRevocationDir,
};

const launchOptions = {
  // undefined = Playwright's own download; set only when find-browser found one. Never `channel`.
  executablePath: findBrowser(),
  args: ['--disable-gpu', '--disable-quic', '--disable-background-networking'],
};

export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };
export const PHONE_VIEWPORT = { width: 390, height: 844 };

export const desktopUse: PlaywrightTestConfig['use'] = {
  ...devices['Desktop Chrome'],
  viewport: DESKTOP_VIEWPORT,
  launchOptions,
};

export const phoneUse: PlaywrightTestConfig['use'] = {
  ...devices['Pixel 7'],
  viewport: PHONE_VIEWPORT,
  screen: PHONE_VIEWPORT,
  isMobile: true,
  hasTouch: true,
  defaultBrowserType: 'chromium',
  launchOptions,
};

export const webServer: PlaywrightTestConfig['webServer'] = externalBaseURL
  ? undefined
  : [
      {
        // The standalone server, as deployed (scripts/serve.mjs), in one process so Playwright can
        // stop what it started (`npm start` would be npm → sh → node).
        command: 'node scripts/serve.mjs',
        url: `http://127.0.0.1:${PORT}`,
        // A server already on the port is stale code: fail instead of testing it.
        reuseExistingServer: false,
        timeout: 60_000,
        // SITE_URL is where preview links point (the staff page's shareable links): this server.
        env: {
          NEXT_TELEMETRY_DISABLED: '1',
          PREVIEW_SECRET: previewSecret,
          SITE_URL: baseURL,
          PORT: String(PORT),
          HOST: '127.0.0.1',
          ...staffEnv,
        },
        stdout: 'ignore',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      },
      {
        command: 'node e2e/support/oidc-test-provider.mjs',
        url: `${oidcIssuer}/.well-known/openid-configuration`,
        reuseExistingServer: false,
        timeout: 30_000,
        env: {
          OIDC_TEST_PORT: String(OIDC_PORT),
          OIDC_TEST_REDIRECT_URI: `${baseURL}/api/auth/callback`,
          OIDC_TEST_CLIENT_ID: OIDC_CLIENT_ID,
          OIDC_TEST_CLIENT_JWK: process.env.E2E_OIDC_PUBLIC_JWK ?? '',
        },
        stdout: 'ignore',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      },
    ];

/** How both suites run: in parallel, no retries (a flaky test is a bug), `.only` refused in CI. */
export const runOptions = {
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  // 2 cores: one worker leaves a core for the server; CI machines take two.
  workers: CI ? 2 : 1,
  expect: { timeout: 10_000 },
} satisfies PlaywrightTestConfig;
