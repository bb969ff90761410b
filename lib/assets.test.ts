import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAssetManifest, siteAssets } from './assets';

const MANIFEST = {
  stylesheet: '/assets/site.0123456789abcdef.css',
  script: '/assets/uswds.fedcba9876543210.js',
  preloads: [{ href: '/uswds/fonts/merriweather/Latin-Merriweather-Bold.woff2', as: 'font', type: 'font/woff2' }],
};

let root: string;
let file: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'assets-'));
  file = path.join(root, 'public', 'assets', 'manifest.json');
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

const write = (value: unknown) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
};

describe('siteAssets', () => {
  it('says which file is missing and how to build it', () => {
    vi.spyOn(process, 'cwd').mockReturnValue(root);
    expect(() => siteAssets()).toThrow(`${file} is missing: run npm run build (or node scripts/build-assets.mjs) to build the site's CSS and JavaScript`);
  });

  it('reads public/assets/manifest.json under the working directory once', () => {
    vi.spyOn(process, 'cwd').mockReturnValue(root);
    write(MANIFEST);
    expect(siteAssets()).toEqual(MANIFEST);
    // Read once: a later change on disk (a rebuild under a running server) is not picked up.
    write({ ...MANIFEST, stylesheet: '/assets/site.1111111111111111.css' });
    expect(siteAssets().stylesheet).toBe(MANIFEST.stylesheet);
  });
});

describe('readAssetManifest', () => {
  it('names the file and the field that is wrong', () => {
    write({ ...MANIFEST, script: 'uswds.js', preloads: [{ ...MANIFEST.preloads[0], as: 'style' }] });
    expect(() => readAssetManifest(file)).toThrow(
      `${file}: script: expected a site path starting with /; preloads.0.as: Invalid input: expected "font"; run npm run build to write it again`,
    );
  });

  it('refuses a file that is not JSON', () => {
    write('{"stylesheet":');
    expect(() => readAssetManifest(file)).toThrow(`${file}: not JSON`);
  });
});
