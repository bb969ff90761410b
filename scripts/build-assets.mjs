#!/usr/bin/env node
// Builds the site's own static assets outside Next's CSS/JS pipeline, for HTML pages rendered
// without the framework runtime (decision 0018):
//   public/uswds/{fonts,img}          USWDS's fonts and images, copied (the CSS and the banner use them)
//   public/assets/site.<hash>.css     styles/uswds.scss compiled by Sass, compressed
//   public/assets/uswds.<hash>.js     lib/browser/uswds-behaviors.ts bundled by esbuild, minified
//   public/assets/fonts/*.<hash>.woff2  USWDS's Public Sans faces cut to the Latin range (the full
//                                     files stay in public/uswds for other characters)
//   public/assets/manifest.json       { stylesheet, script, preloads }: what lib/assets.ts reads
// Names carry a hash of their content, so they are served `immutable` (next.config.js, nginx).
// Both folders are gitignored; `prebuild`, `dev` and `bench` run this.
//
//   node scripts/build-assets.mjs
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import * as sass from 'sass';
import subsetFont from 'subset-font';

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

/**
 * Google Fonts' "latin" range: every character of the site's English text. USWDS's Public Sans
 * files cover Latin Extended, Vietnamese and more (32 KB each); cut to this range they are 21 KB
 * (decision 0018). Its other fonts (Merriweather, Roboto Mono) ship as Latin subsets already.
 */
export const LATIN_RANGES = [
  [0x0000, 0x00ff], [0x0131, 0x0131], [0x0152, 0x0153], [0x02bb, 0x02bc], [0x02c6, 0x02c6], [0x02da, 0x02da],
  [0x02dc, 0x02dc], [0x0304, 0x0304], [0x0308, 0x0308], [0x0329, 0x0329], [0x2000, 0x206f], [0x20ac, 0x20ac],
  [0x2122, 0x2122], [0x2191, 0x2191], [0x2193, 0x2193], [0x2212, 0x2212], [0x2215, 0x2215], [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];
/** The font folders (under USWDS's dist/fonts) whose files are cut to LATIN_RANGES. */
export const SUBSET_FONT_DIRS = ['public-sans'];

const hex = (code) => code.toString(16).toUpperCase().padStart(4, '0');
const unicodeRange = (ranges) => ranges.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(',');
/** Every code point LATIN_RANGES leaves out: the full file's share, fetched only by a page that uses one. */
function restOf(ranges) {
  const rest = [];
  let next = 0;
  for (const [from, to] of ranges) {
    if (from > next) rest.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= 0x10ffff) rest.push([next, 0x10ffff]);
  return rest;
}

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
  const compiled = sass.compile(path.resolve(root, stylesheet), { loadPaths: SASS_LOAD_PATHS, style: 'compressed' }).css;
  checkUswdsUrls(compiled, stylesheet);

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = [];
  const write = (name, ext, content) => {
    const file = `${name}.${contentHash(content)}.${ext}`;
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    writeFileSync(path.join(outDir, file), content);
    files.push({ file, raw: Buffer.byteLength(content), gzip: gzipSync(content, { level: 9 }).length });
    return `/assets/${file}`;
  };
  const { css, moved } = await subsetFontFaces(compiled, (name, content) => write(`fonts/${name}`, 'woff2', content));

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
    const href = moved.get(`/uswds/fonts/${font}`) ?? `/uswds/fonts/${font}`;
    // A preload the stylesheet does not use is a second download, or a wasted one.
    if (!css.includes(`url(${href})`)) {
      throw new Error(`build-assets: the preloaded font ${href} is not used by ${stylesheet} (check PRELOAD_FONTS in scripts/build-assets.mjs)`);
    }
    const type = FONT_TYPES[path.extname(font)];
    if (!type) throw new Error(`build-assets: the preloaded font ${href} is not a .woff2, .woff or .ttf file`);
    return { href, as: /** @type {const} */ ('font'), type };
  });

  const manifest = { stylesheet: write('site', 'css', css), script: write('uswds', 'js', js), preloads };
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, files };
}

/**
 * Each @font-face of a SUBSET_FONT_DIRS file becomes two: the file cut to LATIN_RANGES, written by
 * `write` (hashed, under /assets/fonts), with that unicode-range, and the full USWDS file for every
 * other character. A browser fetches a face only when the page has a character in its range, so an
 * English page fetches the small file, and a name such as Błaszczak still renders in the same type.
 * @param {string} css
 * @param {(name: string, content: Uint8Array) => string} write returns the file's URL
 * @returns {Promise<{ css: string, moved: Map<string, string> }>} moved: full file URL → subset URL
 */
async function subsetFontFaces(css, write) {
  const text = LATIN_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))).join('');
  const moved = new Map();
  const faces = [...css.matchAll(/@font-face\{([^}]*)\}/g)];
  const replacements = await Promise.all(
    faces.map(async ([face, body]) => {
      const url = /src:url\((\/uswds\/fonts\/([^)/]+)\/([^)/]+)\.woff2)\)/.exec(body);
      if (!url || !SUBSET_FONT_DIRS.includes(url[2])) return face;
      const full = url[1];
      const subset = await subsetFont(readFileSync(path.join(USWDS_DIST, 'fonts', url[2], `${url[3]}.woff2`)), text, { targetFormat: 'woff2' });
      const href = write(url[3], subset);
      moved.set(full, href);
      // USWDS lists only the woff2 file: every browser it supports reads woff2.
      const latin = body.replace(/src:[^;]*/, `src:url(${href}) format("woff2")`);
      return `@font-face{${latin};unicode-range:${unicodeRange(LATIN_RANGES)}}@font-face{${body};unicode-range:${unicodeRange(restOf(LATIN_RANGES))}}`;
    }),
  );
  let index = 0;
  return { css: css.replace(/@font-face\{([^}]*)\}/g, () => replacements[index++]), moved };
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
