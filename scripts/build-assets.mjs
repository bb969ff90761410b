#!/usr/bin/env node
// Builds the site's own static assets outside Next's CSS/JS pipeline, for HTML pages rendered
// without the framework runtime (decision 0018):
//   public/uswds/{fonts,img}          USWDS's fonts and images, copied (the CSS and the banner use them)
//   public/assets/site.<hash>.css     styles/uswds.scss compiled by Sass, compressed
//   public/assets/uswds.<hash>.js     lib/browser/uswds-behaviors.ts bundled by esbuild, minified
//   public/assets/manifest.json       { stylesheet, script, preloads }: what lib/assets.ts reads
// Names carry a hash of their content, so they are served `immutable` (next.config.js, nginx).
// Both folders are gitignored; `prebuild`, `dev` and `bench` run this.
//
//   node scripts/build-assets.mjs
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import * as sass from 'sass';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const require = createRequire(import.meta.url);
// The package's exports map hides package.json; its main entry lives in dist/js.
export const USWDS_DIST = path.resolve(path.dirname(require.resolve('@uswds/uswds')), '..');
/** Where `@use "uswds-core"` and `@forward "usa-banner"` are found: next.config.js `sassOptions` too. */
export const SASS_LOAD_PATHS = [path.join(ROOT, 'node_modules', '@uswds', 'uswds', 'packages')];

/**
 * The one font file painted above the fold on every template, preloaded so that it is fetched with
 * the stylesheet instead of after it: the headline's Merriweather Bold (decision 0018 has the numbers).
 * A path under USWDS's dist/fonts, as the compiled CSS refers to it under /uswds/fonts.
 */
export const PRELOAD_FONTS = ['merriweather/Latin-Merriweather-Bold.woff2'];

/** The first 16 hex digits of the SHA-256 of `content`: the part of a file name that changes with it. */
export function contentHash(content) {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

/** Copies USWDS's fonts and images to public/uswds, where the CSS (`$theme-font-path`) and the banner look. */
export function copyUswdsFiles(root = ROOT) {
  const target = path.join(root, 'public', 'uswds');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const dir of ['fonts', 'img']) cpSync(path.join(USWDS_DIST, dir), path.join(target, dir), { recursive: true });
  return target;
}

const FONT_TYPES = { '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };

/**
 * Compiles the stylesheet, bundles the script and writes them with the manifest to `outDir`
 * (emptied first, so no stale file is left to serve).
 * @param {{ root?: string, stylesheet?: string, script?: string, preloadFonts?: string[], outDir?: string }} [options]
 *   stylesheet, script: paths, relative to root or absolute; preloadFonts: paths under USWDS's dist/fonts
 * @returns {Promise<{ manifest: import('./build-assets.d.mts').AssetManifest, files: { file: string, raw: number, gzip: number }[] }>}
 */
export async function buildAssets({
  root = ROOT,
  stylesheet = 'styles/uswds.scss',
  script = 'lib/browser/uswds-behaviors.ts',
  preloadFonts = PRELOAD_FONTS,
  outDir = path.join(root, 'public', 'assets'),
} = {}) {
  const { css } = sass.compile(path.resolve(root, stylesheet), { loadPaths: SASS_LOAD_PATHS, style: 'compressed' });
  checkUswdsUrls(css, stylesheet);

  const bundle = await esbuild.build({
    entryPoints: [path.resolve(root, script)],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'iife',
    // The browsers USWDS 3 supports; esbuild lowers only syntax newer than this.
    target: 'es2020',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]?.contents;
  if (!js) throw new Error(`build-assets: esbuild wrote nothing for ${script}`);

  const preloads = preloadFonts.map((font) => {
    const href = `/uswds/fonts/${font}`;
    // A preload the stylesheet does not use is a second download, or a wasted one.
    if (!css.includes(`url(${href})`)) {
      throw new Error(`build-assets: the preloaded font ${href} is not used by ${stylesheet} (check PRELOAD_FONTS in scripts/build-assets.mjs)`);
    }
    const type = FONT_TYPES[path.extname(font)];
    if (!type) throw new Error(`build-assets: the preloaded font ${href} is not a .woff2, .woff or .ttf file`);
    return { href, as: /** @type {const} */ ('font'), type };
  });

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = [];
  const write = (name, ext, content) => {
    const file = `${name}.${contentHash(content)}.${ext}`;
    writeFileSync(path.join(outDir, file), content);
    files.push({ file, raw: Buffer.byteLength(content), gzip: gzipSync(content, { level: 9 }).length });
    return `/assets/${file}`;
  };
  const manifest = { stylesheet: write('site', 'css', css), script: write('uswds', 'js', js), preloads };
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, files };
}

/** Every `url(/uswds/…)` in the CSS names a file USWDS ships: a wrong theme path fails the build, not the page. */
function checkUswdsUrls(css, stylesheet) {
  for (const [, url] of css.matchAll(/url\(["']?(\/uswds\/[^)"']+)["']?\)/g)) {
    const file = path.join(USWDS_DIST, url.slice('/uswds/'.length));
    if (!existsSync(file)) throw new Error(`build-assets: ${stylesheet} refers to ${url}, which USWDS does not ship (${path.relative(ROOT, file)})`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  copyUswdsFiles(ROOT);
  const { files } = await buildAssets();
  const list = files.map(({ file, raw, gzip }) => `public/assets/${file} (${raw} B, ${gzip} B gzip)`).join(', ');
  console.log(`build-assets: public/uswds copied; ${list}; ${Date.now() - started} ms`);
}
