#!/usr/bin/env node
// npm run test:e2e [-- <playwright args>]
// npm run test:a11y  (the same with --config=playwright.a11y.config.ts: the accessibility audit)
//
// 1. Makes sure a Chromium exists (scripts/find-browser.mjs) and hands its path to Playwright
//    through CHROMIUM_PATH; for the local e2e suite, also Debian's nginx (e2e/nginx.spec.ts).
// 2. Builds the production site when the build is missing or older than its sources: the same
//    mtime walk `npm start` uses (scripts/build-state.mjs: `.next/BUILD_ID` must be newer than
//    every file in app/, components/, lib/, content/, styles/, public/ except public/uswds, and
//    the config files). It may rebuild when nothing changed (a checkout touches files), never the
//    other way round, so tests do not run against stale code. E2E_SKIP_BUILD=1 skips the build;
//    BASE_URL (test a running deployment instead) skips it too.
//    The build gets SITE_URL=http://127.0.0.1:<port>, the test server's own address: prerendered
//    pages carry absolute canonical, og:url and og:image URLs, and the tests fetch them. The URL
//    is recorded in .next/e2e-site-url; a build made for another address is rebuilt.
// 3. Runs `npx playwright test` with the forwarded arguments and exits with its code. Playwright's
//    webServer starts the standalone server (scripts/serve.mjs) on 127.0.0.1:3100 and stops it afterwards. PREVIEW_SECRET is
//    passed through, or made up for the run (32 random bytes) when the shell has none and no
//    BASE_URL is given.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './build-state.mjs';
import { ensureBrowser, ensureNginx } from './find-browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.E2E_PORT ?? 3100);
// playwright.config.ts starts the server with the same SITE_URL.
const SITE_URL = `http://127.0.0.1:${PORT}`;
const SITE_URL_RECORD = path.join(root, '.next', 'e2e-site-url');

function builtForSiteUrl() {
  return existsSync(SITE_URL_RECORD) ? readFileSync(SITE_URL_RECORD, 'utf8').trim() : undefined;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.once('listening', () => server.close(() => resolve(true)));
    server.listen(port, '127.0.0.1');
  });
}

const LABEL = process.argv.some((arg) => arg.includes('playwright.a11y.config')) ? 'test:a11y' : 'test:e2e';

function fail(message) {
  console.error(`${LABEL}: ${message}`);
  process.exit(1);
}

let browserPath;
try {
  browserPath = ensureBrowser();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (LABEL === 'test:e2e' && !process.env.BASE_URL) ensureNginx();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
if (browserPath) env.CHROMIUM_PATH = browserPath;

if (!process.env.BASE_URL) {
  if (process.env.E2E_SKIP_BUILD === '1') {
    console.log(`${LABEL}: E2E_SKIP_BUILD=1, using the existing build`);
    if (builtForSiteUrl() !== SITE_URL) {
      console.warn(`${LABEL}: warning: the build was not made for SITE_URL=${SITE_URL}; absolute URLs in prerendered pages will not match`);
    }
  } else if (!buildIsStale(root) && builtForSiteUrl() === SITE_URL) {
    console.log(`${LABEL}: .next is newer than every source file and built for ${SITE_URL}, skipping the build`);
  } else {
    console.log(`${LABEL}: building the production site (npm run build) with SITE_URL=${SITE_URL}`);
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, env: { ...env, SITE_URL }, stdio: 'inherit' });
    if (build.status !== 0) fail(`npm run build failed (exit ${build.status ?? build.signal})`);
    writeFileSync(SITE_URL_RECORD, `${SITE_URL}\n`);
  }
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    fail('no production build in .next (run npm run build, or unset E2E_SKIP_BUILD)');
  }
  // Playwright would also refuse (reuseExistingServer: false); say why in plain words.
  if (!(await portIsFree(PORT))) {
    fail(
      `port ${PORT} on 127.0.0.1 is already in use. A leftover server? ` +
        `Stop it (e.g. \`ss -ltnp 'sport = :${PORT}'\` shows its PID) so the tests run the code you just built.`,
    );
  }
}

// The preview specs sign links with the secret the server checks them with. Without one in the
// shell, this run gets a fresh random one (never printed; made after the build, which needs none),
// and the server gets it from playwright.config.ts. A BASE_URL audit needs the deployment's own.
if (!process.env.BASE_URL && !env.PREVIEW_SECRET) env.PREVIEW_SECRET = randomBytes(32).toString('base64');

const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
