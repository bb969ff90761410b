import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { APIRequestContext } from '@playwright/test';
import { expect, NOT_FOUND_RESOURCE, test } from './fixtures';
import { filesUnder } from './support/files';

// Byte budgets, in bytes of gzip (level 9; servers and CDNs send about this or less).
const CSS_BUDGET = 20_000;
const SITE_JS_BUDGET = 5_000;

const ROOT = path.join(__dirname, '..');
const NEXT_DIR = path.join(ROOT, '.next');

/** One page per template. */
const TEMPLATES = [
  { name: 'home', path: '/' },
  { name: 'article', path: '/news/biden-stoltenberg-confer-before-nato-summit' },
  { name: 'news index', path: '/news' },
  { name: 'topic', path: '/topics/alliances' },
  { name: 'search', path: '/search?q=nato' },
  { name: 'static', path: '/about' },
  { name: 'feeds', path: '/feeds' },
  { name: '404', path: '/no-such-page', status: 404 },
];

interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

const sum = (assets: Asset[], key: 'raw' | 'gzip') => assets.reduce((total, asset) => total + asset[key], 0);
const table = (assets: Asset[]) =>
  [...assets.map((a) => `${a.file}  ${a.raw} B raw, ${a.gzip} B gzip`), `total  ${sum(assets, 'raw')} B raw, ${sum(assets, 'gzip')} B gzip`].join('\n');

async function fetchAsset(request: APIRequestContext, url: string): Promise<Asset> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const body = await response.body();
  return { file: new URL(url, 'http://x').pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/**
 * The framework's own JavaScript, read from this build rather than listed by hand:
 *  - runtime: build-manifest.json `rootMainFiles` (webpack runtime, React, the App Router) and
 *    `polyfillFiles` (nomodule, fetched by legacy browsers only) — every App Router page loads them;
 *  - components: the chunks holding Next's own client components that the page uses (next/link,
 *    next/image), found through the page's client reference manifest: a chunk counts as the
 *    framework's when it contains one of those modules and none of the site's.
 * Everything else the page loads is the site's own.
 */
function frameworkFiles(route: string): { runtime: Set<string>; components: Set<string> } {
  const build = JSON.parse(readFileSync(path.join(NEXT_DIR, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
    polyfillFiles: string[];
  };
  const runtime = new Set([...build.rootMainFiles, ...build.polyfillFiles].map((file) => `/_next/${file}`));

  const manifestFile = path.join(NEXT_DIR, 'server', 'app', route, 'page_client-reference-manifest.js');
  const sandbox: { __RSC_MANIFEST?: Record<string, { clientModules: Record<string, { id: string | number; chunks: string[] }> }> } = {};
  runInNewContext(readFileSync(manifestFile, 'utf8'), { globalThis: sandbox });
  const manifest = Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
  expect(manifest, `client reference manifest in ${manifestFile}`).toBeDefined();

  const owner = new Map<string, 'next' | 'site'>();
  for (const [modulePath, { id, chunks }] of Object.entries(manifest?.clientModules ?? {})) {
    const who = modulePath.includes(`${path.sep}node_modules${path.sep}next${path.sep}`) ? 'next' : 'site';
    const files = chunks.filter((_, index) => index % 2 === 1);
    for (const file of files) {
      // The chunk that defines the module (webpack: `{…,8437:(e,t,r)=>…}`), not the ones that merely load with it.
      const text = readFileSync(path.join(NEXT_DIR, decodeURIComponent(file)), 'utf8');
      if (!new RegExp(`[{,]${id}:`).test(text)) continue;
      const key = `/_next/${file}`;
      if (owner.get(key) !== 'site') owner.set(key, who);
    }
  }
  const components = new Set([...owner].filter(([, who]) => who === 'next').map(([file]) => file));
  return { runtime, components };
}

test.describe('byte budgets', () => {
  for (const template of TEMPLATES) {
    test(`the ${template.name} page loads at most ${CSS_BUDGET} B of CSS (gzip)`, async ({ request }) => {
      const response = await request.get(template.path);
      expect(response.status()).toBe(template.status ?? 200);
      const html = await response.text();
      const hrefs = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)].map((match) => /href="([^"]+)"/.exec(match[0])?.[1] ?? '');
      expect(hrefs.length, 'stylesheets').toBeGreaterThan(0);
      const css = await Promise.all(hrefs.map((href) => fetchAsset(request, href)));
      await test.info().attach(`css ${template.name}.txt`, { body: table(css), contentType: 'text/plain' });
      console.log(`CSS ${template.name} ${template.path}: ${sum(css, 'raw')} B raw, ${sum(css, 'gzip')} B gzip`);
      expect(sum(css, 'gzip'), table(css)).toBeLessThanOrEqual(CSS_BUDGET);
    });
  }

  test(`an article page loads at most ${SITE_JS_BUDGET} B of the site's own JavaScript (gzip)`, async ({ page, request, consoleErrors }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    const scripts = new Set<string>();
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.add(new URL(req.url()).pathname);
    });
    await page.goto(TEMPLATES[1]?.path ?? '');
    // The banner and menu behaviours are imported when the page has hydrated; wait for them.
    await page.locator('html:not(.usa-js-loading)').waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');

    // Legacy browsers fetch the polyfills too: count them in the baseline, as the build lists them.
    const { runtime, components } = frameworkFiles(path.join('news', '[slug]'));
    const all = await Promise.all([...new Set([...scripts, ...runtime])].sort().map((file) => fetchAsset(request, file)));
    // Paths as the browser requests them; the manifests spell them the same way (`%5Bslug%5D`).
    const isRuntime = (asset: Asset) => runtime.has(asset.file);
    const isComponent = (asset: Asset) => components.has(asset.file);
    const baseline = all.filter(isRuntime);
    const nextComponents = all.filter((asset) => !isRuntime(asset) && isComponent(asset));
    const own = all.filter((asset) => !isRuntime(asset) && !isComponent(asset));

    const report = [
      `Framework runtime (build-manifest rootMainFiles + polyfillFiles):\n${table(baseline)}`,
      `Next's client components the page uses (next/link, next/image):\n${table(nextComponents)}`,
      `The site's own JavaScript:\n${table(own)}`,
    ].join('\n\n');
    await test.info().attach('javascript article.txt', { body: report, contentType: 'text/plain' });
    console.log(report);

    expect(baseline.length, 'the framework runtime files are found in the build').toBeGreaterThan(0);
    expect(own.length, 'the banner/menu behaviour is loaded').toBeGreaterThan(0);
    expect(sum(own, 'gzip'), report).toBeLessThanOrEqual(SITE_JS_BUDGET);
  });

  test('only the banner/menu behaviour and the error boundary are client components', () => {
    // app/error.tsx must be one: Next.js error boundaries are client components.
    const sources = ['app', 'components', 'lib'].flatMap((dir) =>
      filesUnder(path.join(ROOT, dir)).filter((file) => /\.(tsx?|jsx?|mjs)$/.test(file) && !/\.test\./.test(file)),
    );
    const clientFiles = sources
      .filter((file) => /^\s*(['"])use client\1/m.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
      .sort();
    expect(clientFiles).toEqual(['app/error.tsx', 'components/uswds-behaviors.tsx']);
  });
});
