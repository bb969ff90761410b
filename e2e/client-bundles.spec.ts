/**
 * Code that must never reach a browser stays on the server (STYLE.md; decision 0019): the files a
 * browser can load — the behaviour file and anything else in public/assets/, and every script Next
 * emits under .next/static/ — contain none of the strings that only server modules hold. The ESLint
 * rule for lib/browser/ (eslint.config.mjs) stops such an import at the source; this checks what
 * the build made of it, whatever the bundler.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { STAFF_COOKIE } from '../lib/auth/staff-session';
import { PREVIEW_COOKIE } from '../lib/preview/session';
import { expect, test } from './fixtures';
import { filesUnder } from './support/files';
import { assetManifest } from './support/page-scripts';

const ROOT = path.join(__dirname, '..');

/**
 * Strings that only server modules contain, each with the module it comes from (checked below to
 * be there). Spelled out where the module cannot be imported here: lib/preview/secret.ts imports
 * 'server-only', which throws outside the react-server condition.
 */
const SERVER_MARKERS: Array<{ marker: string; from: string }> = [
  { marker: PREVIEW_COOKIE, from: 'lib/preview/session.ts' },
  { marker: STAFF_COOKIE, from: 'lib/auth/staff-session.ts' },
  { marker: 'PREVIEW_SECRET', from: 'lib/preview/secret.ts' },
  { marker: 'development-only-preview-secret', from: 'lib/preview/secret.ts' },
  // The content limits' error message (lib/content, read on the server only).
  { marker: 'split it into several articles', from: 'lib/content/limits.ts' },
];

const scripts = (dir: string) => (existsSync(dir) ? filesUnder(dir).filter((file) => /\.(m?js|cjs)$/.test(file)) : []);
const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

test.describe('server-only code never reaches a browser', () => {
  test('the markers are real: each is in its server module and in the server build', () => {
    const serverBuild = scripts(path.join(ROOT, '.next', 'server')).map((file) => readFileSync(file, 'utf8'));
    expect(serverBuild.length, '.next/server has the built server code').toBeGreaterThan(0);
    for (const { marker, from } of SERVER_MARKERS) {
      expect(readFileSync(path.join(ROOT, from), 'utf8'), `${from} holds "${marker}"`).toContain(marker);
      expect(
        serverBuild.some((text) => text.includes(marker)),
        `"${marker}" is in the built server code (else it cannot show a leak)`,
      ).toBe(true);
    }
  });

  test('no file a browser can load holds a server-only string', () => {
    const assets = scripts(path.join(ROOT, 'public', 'assets'));
    // The check must see the behaviour file, or it proves nothing about it.
    const servedAssets = assets.map((file) => `/${relative(file).replace(/^public\//, '')}`);
    let behaviour: string;
    try {
      behaviour = assetManifest().script;
    } catch (error) {
      behaviour = `(${error instanceof Error ? error.message : String(error)})`;
    }
    expect.soft(servedAssets, 'the behaviour file is in public/assets').toContain(behaviour);
    const clientFiles = [...assets, ...scripts(path.join(ROOT, '.next', 'static'))];
    const leaks = clientFiles.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return SERVER_MARKERS.filter(({ marker }) => text.includes(marker)).map(({ marker, from }) => `${relative(file)}: "${marker}" (${from})`);
    });
    console.log(`checked ${clientFiles.length} client files (${assets.length} in public/assets) for ${SERVER_MARKERS.length} server-only strings`);
    expect(leaks).toEqual([]);
  });
});
