import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAssets, ROOT, USWDS_DIST } from './build-assets.mjs';

// The real behaviour script; a small stylesheet, so the test does not compile all of USWDS.
const SCRIPT = path.join(ROOT, 'lib', 'browser', 'uswds-behaviors.ts');
const FONT = 'merriweather/Latin-Merriweather-Bold.woff2';
const STYLESHEET = `@font-face { font-family: "Merriweather Web"; font-weight: 700; src: url(/uswds/fonts/${FONT}) format("woff2"); }
.site-deck { color: #1b1b1b; }
`;

let root: string;
let outDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'build-assets-'));
  outDir = path.join(root, 'public', 'assets');
  mkdirSync(path.join(root, 'styles'));
  writeFileSync(path.join(root, 'styles', 'site.scss'), STYLESHEET);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const build = (options: { preloadFonts?: string[] } = {}) =>
  buildAssets({ root, stylesheet: 'styles/site.scss', script: SCRIPT, outDir, preloadFonts: [FONT], ...options });
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const served = (url: string) => path.join(root, 'public', ...url.split('/').filter(Boolean));

describe('buildAssets', () => {
  it('names each file after the SHA-256 of its content and lists exactly those files in the manifest', async () => {
    writeFileSync(path.join(root, 'stale'), '');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'site.0000000000000000.css'), 'old');

    const { manifest } = await build();

    expect(manifest.stylesheet).toMatch(/^\/assets\/site\.[0-9a-f]{16}\.css$/);
    expect(manifest.script).toMatch(/^\/assets\/uswds\.[0-9a-f]{16}\.js$/);
    for (const url of [manifest.stylesheet, manifest.script]) {
      const hash = /\.([0-9a-f]{16})\.\w+$/.exec(url)?.[1];
      expect(sha256(served(url)).slice(0, 16), url).toBe(hash);
    }
    // The manifest on disk is the one returned, and the stale file from an earlier build is gone.
    expect(JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    expect(readdirSync(outDir).sort()).toEqual(['manifest.json', path.basename(manifest.script), path.basename(manifest.stylesheet)].sort());
    expect(readFileSync(served(manifest.stylesheet), 'utf8')).toContain('.site-deck{color:#1b1b1b}');
    expect(manifest.preloads).toEqual([{ href: `/uswds/fonts/${FONT}`, as: 'font', type: 'font/woff2' }]);
  });

  it('gives a changed source a new name and an unchanged one the same name', async () => {
    const first = (await build()).manifest;
    expect((await build()).manifest).toEqual(first);
    writeFileSync(path.join(root, 'styles', 'site.scss'), `${STYLESHEET}.site-meta { color: #565c65; }\n`);
    const second = (await build()).manifest;
    expect(second.stylesheet).not.toBe(first.stylesheet);
    expect(second.script).toBe(first.script);
  });

  it('bundles the USWDS banner and header behaviours into one script within the 5 KB gzip budget', async () => {
    const { manifest, files } = await build();
    const script = readFileSync(served(manifest.script));
    const gzip = gzipSync(script, { level: 9 });
    expect(gunzipSync(gzip).equals(script)).toBe(true);
    expect(files.find((file) => manifest.script.endsWith(file.file))?.gzip).toBe(gzip.length);
    expect(gzip.length).toBeLessThanOrEqual(5_000);
    // USWDS's selectors and the end of the loading state are in it: it is the real bundle, not an empty one.
    const text = script.toString('utf8');
    for (const marker of ['-banner__header', '-menu-btn', 'usa-js-loading', '.on(document.body)']) expect(text).toContain(marker);
    expect(text).not.toMatch(/\brequire\(/);
  });

  it('cuts Public Sans to the Latin range and keeps the full file for every other character', async () => {
    const regular = '/uswds/fonts/public-sans/PublicSans-Regular.woff2';
    writeFileSync(
      path.join(root, 'styles', 'site.scss'),
      `${STYLESHEET}@font-face { font-family: "Public Sans Web"; font-weight: 400; src: url(${regular}) format("woff2"); }\n`,
    );
    const { manifest } = await build({ preloadFonts: [FONT, 'public-sans/PublicSans-Regular.woff2'] });
    const css = readFileSync(served(manifest.stylesheet), 'utf8');
    const faces = [...css.matchAll(/@font-face\{[^}]*Public Sans Web[^}]*\}/g)].map(([face]) => face);
    expect(faces).toHaveLength(2);
    const subset = /src:url\((\/assets\/fonts\/PublicSans-Regular\.([0-9a-f]{16})\.woff2)\)/.exec(faces[0] ?? '');
    expect(subset, faces[0]).not.toBeNull();
    expect(faces[0]).toContain('unicode-range:U+0000-00FF,U+0131,U+0152-0153,');
    expect(faces[1]).toContain(`src:url(${regular}) format("woff2")`);
    expect(faces[1]).toContain('unicode-range:U+0100-0130,U+0132-0151,U+0154-02BA,');
    expect(faces[1]).toContain(',U+FFFE-10FFFF}');
    // A real font, a third smaller, named after its content; Merriweather (already Latin) is left alone.
    const file = served(subset?.[1] ?? '');
    expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(readFileSync(file).length).toBeLessThan(0.7 * readFileSync(path.join(USWDS_DIST, 'fonts', 'public-sans', 'PublicSans-Regular.woff2')).length);
    expect(sha256(file).slice(0, 16)).toBe(subset?.[2]);
    expect(css).toContain(`url(/uswds/fonts/${FONT})`);
    // A preload names the file the Latin face uses.
    expect(manifest.preloads.map((preload) => preload.href)).toEqual([`/uswds/fonts/${FONT}`, subset?.[1]]);
  });

  it('refuses to preload a font the stylesheet does not use', async () => {
    await expect(build({ preloadFonts: ['public-sans/PublicSans-Bold.woff2'] })).rejects.toThrow(
      'build-assets: the preloaded font /uswds/fonts/public-sans/PublicSans-Bold.woff2 is not used by styles/site.scss (check PRELOAD_FONTS in scripts/build-assets.mjs)',
    );
  });

  it('refuses a stylesheet that refers to a USWDS file USWDS does not ship', async () => {
    writeFileSync(path.join(root, 'styles', 'site.scss'), `${STYLESHEET}.x { background: url(/uswds/img/no-such.svg); }\n`);
    await expect(build()).rejects.toThrow('build-assets: styles/site.scss refers to /uswds/img/no-such.svg, which USWDS does not ship');
  });
});
