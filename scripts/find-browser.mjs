#!/usr/bin/env node
// Finds the Chromium the end-to-end tests drive, and installs one when there is none.
//
// Order: $CHROMIUM_PATH (must exist) → /usr/bin/chromium (Debian package) → Playwright's own
// download. Playwright's own download is last because `npx playwright install` needs
// cdn.playwright.dev, which build machines here cannot reach; the Debian package comes from the
// Debian mirror, which they can. Never use `channel`: it makes Playwright look for Chrome builds
// that are not installed, and `executablePath` is what selects the binary.
//
//   import { findBrowser, ensureBrowser } from './find-browser.mjs'
//   findBrowser()   → path to pass as launchOptions.executablePath, or undefined meaning
//                     "Playwright's own browser". Never installs anything (safe in a config file).
//   ensureBrowser() → same, but installs a browser when none is found; throws with instructions.
//
//   node scripts/find-browser.mjs            prints the path (installing when needed)
//   node scripts/find-browser.mjs --check    prints the path or fails; never installs
//   node scripts/find-browser.mjs --executable-path
//                                            prints findBrowser() ('' = Playwright's own or none);
//                                            used by playwright.config.ts; never installs
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const HOW_TO_INSTALL = [
  'No Chromium found for the end-to-end tests. Do one of:',
  '  - as root on Debian/Ubuntu: apt-get update && apt-get install -y chromium',
  '  - with access to cdn.playwright.dev: npx playwright install chromium',
  '  - point CHROMIUM_PATH at an existing Chromium/Chrome binary: CHROMIUM_PATH=/path/to/chromium npm run test:e2e',
].join('\n');

/** Path of the browser Playwright downloads itself, if that file exists. */
function playwrightOwnBrowser() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @returns {{ path: string | undefined, source: 'CHROMIUM_PATH' | 'debian' | 'playwright' } | null}
 *   null when no browser is available; `path` undefined means "let Playwright use its own".
 */
export function locateBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but that file does not exist.`);
    }
    return { path: fromEnv, source: 'CHROMIUM_PATH' };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' };
  if (playwrightOwnBrowser()) return { path: undefined, source: 'playwright' };
  return null;
}

/**
 * The executable for `launchOptions.executablePath`: a path, or undefined for Playwright's own
 * browser (also when none is installed; Playwright then fails with its own message).
 * Never installs anything.
 * @returns {string | undefined}
 */
export function findBrowser() {
  return locateBrowser()?.path;
}

function run(command, args) {
  console.error(`find-browser: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Like findBrowser, but installs Chromium when none is found: the Debian package when running as
 * root with apt-get, otherwise Playwright's download. Throws with install instructions on failure.
 * @returns {string | undefined}
 */
export function ensureBrowser() {
  const found = locateBrowser();
  if (found) return found.path;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get')) {
    if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium'])) {
      const after = locateBrowser();
      if (after) return after.path;
    }
  } else if (run('npx', ['playwright', 'install', 'chromium'])) {
    const after = locateBrowser();
    if (after) return after.path;
  }
  throw new Error(HOW_TO_INSTALL);
}

export const DEBIAN_NGINX = '/usr/sbin/nginx';

/**
 * The nginx e2e/nginx.spec.ts runs in front of the app: $NGINX_PATH, else Debian's, which is
 * installed (as root, with apt-get, without starting the service) when missing. Returns without
 * installing anything when it cannot; the spec then fails and says what to install.
 */
export function ensureNginx() {
  if (process.env.NGINX_PATH || existsSync(DEBIAN_NGINX)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) return;
  // Installing the package would start nginx on port 80: deny service starts while it installs.
  const policy = '/usr/sbin/policy-rc.d';
  const addPolicy = !existsSync(policy);
  if (addPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    if (run('apt-get', ['update'])) run('apt-get', ['install', '-y', 'nginx']);
  } finally {
    if (addPolicy) rmSync(policy, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--executable-path')) {
      console.log(findBrowser() ?? '');
      process.exit(0);
    }
    const checkOnly = process.argv.includes('--check');
    const found = checkOnly ? locateBrowser() : (ensureBrowser(), locateBrowser());
    if (!found) throw new Error(HOW_TO_INSTALL);
    console.log(found.path ?? `${playwrightOwnBrowser()} (Playwright's own browser)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
