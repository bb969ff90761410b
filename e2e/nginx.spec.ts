/**
 * The documented nginx configuration (deploy/nginx/newsroom.conf, run through
 * scripts/nginx-config.mjs unchanged but for its ports, cache path and host names) in front of the
 * server under test, as an attacker would meet it: two host names on one nginx, the public site
 * (127.0.0.1:<port>) and the preview site (preview.localhost:<port>, sent as a Host header).
 * The public site caches and ignores every cookie; the preview site never caches; no header,
 * cookie or query parameter from outside puts another body under a cached key or skips the cache.
 *
 * E2E_NGINX_CONFIG=<path to another nginx-config.mjs> runs the same tests against another
 * configuration (how the tests were shown to fail on the configuration before issue 12).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NginxConfigOptions } from '../scripts/nginx-config.mjs';
import { filesUnder } from './support/files';
import { expect, test } from './fixtures';
import { buildPreviewModeId, DRAFT, DRAFT_MODE_COOKIE, DRAFT_SENTINEL, PREVIEW_COOKIE, previewLink } from './support/preview';
import { SEED_SLUG } from './support/seed';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DENIED_FEATURES } = require('../lib/security/headers.js') as { DENIED_FEATURES: string[] };

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const ARTICLE = `/news/${SEED_SLUG}`;
const PUBLIC_HOST = `127.0.0.1:${PORT}`;
/**
 * The preview site's name as clients send it to nginx. When the server under test has a PREVIEW_HOST
 * (set for the run), nginx listens for that name and sends the app exactly PREVIEW_HOST as Host.
 */
const APP_PREVIEW_HOST = process.env.PREVIEW_HOST || undefined;
const PREVIEW_HOST = `${APP_PREVIEW_HOST?.replace(/:\d+$/, '') ?? 'preview.localhost'}:${PORT}`;

let nginx: ChildProcess | undefined;
let workDir = '';
let origin = '';
const ROOT = path.join(__dirname, '..');

/** scripts/nginx-config.mjs's renderNginxConfig, through its command line (it is an ES module). */
function renderNginxConfig(options: NginxConfigOptions): string {
  const script = process.env.E2E_NGINX_CONFIG ? path.resolve(process.env.E2E_NGINX_CONFIG) : path.join(ROOT, 'scripts', 'nginx-config.mjs');
  return execFileSync(process.execPath, [script, JSON.stringify(options)], { encoding: 'utf8' });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request to nginx with exactly the method, Host and header lines given (an array value is sent
 * as that many header lines, as an attacker can): Playwright's request API cannot repeat a header.
 */
function send(target: string, options: { method?: string; host?: string; headers?: Record<string, string | string[]> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: PORT, path: target, method: options.method ?? 'GET', agent: false, headers: { Host: options.host ?? PUBLIC_HOST, ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** Next's own Draft Mode cookie value for this build: what a real preview sets (and its revalidation secret). */

/** Entries in nginx's cache folder. */
const cacheEntries = () => filesUnder(path.join(workDir, 'cache')).length;

/** The headers the site gives every response (lib/security/headers.js): nginx's own answers need them too. */
function expectSecurityHeaders(answer: Answer, label: string) {
  expect(answer.headers['content-security-policy'] ?? '', label).toContain("frame-ancestors 'none'");
  expect(answer.headers['x-content-type-options'], label).toBe('nosniff');
  expect(answer.headers['x-frame-options'], label).toBe('DENY');
  expect(answer.headers['referrer-policy'], label).toBe('strict-origin-when-cross-origin');
  expect(answer.headers['permissions-policy'], label).toBe(DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '));
}

const errorLog = () => (workDir && existsSync(path.join(workDir, 'error.log')) ? readFileSync(path.join(workDir, 'error.log'), 'utf8') : '');

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(!!socket.end()));
    socket.once('error', () => resolve(false));
  });
}

// One nginx for the file: its cache is what the tests look at.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  if (!existsSync(NGINX)) {
    throw new Error(
      `nginx is not installed at ${NGINX}: install Debian's (\`apt-get install -y nginx\`; .ci/run does it in CI), or set NGINX_PATH to an nginx binary.`,
    );
  }
  const app = new URL(baseURL!);
  expect(app.hostname, 'the app under test runs on this machine (nginx proxies to 127.0.0.1)').toBe('127.0.0.1');
  expect(await listening(PORT), `port ${PORT} is free for nginx`).toBe(false);
  workDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-'));
  const cacheDir = path.join(workDir, 'cache');
  mkdirSync(cacheDir);
  const conf = path.join(workDir, 'nginx.conf');
  writeFileSync(
    conf,
    renderNginxConfig({
      listenPort: PORT,
      upstreamPort: Number(app.port),
      cacheDir,
      workDir,
      workerProcesses: 1,
      accessLog: true,
      publicHost: PUBLIC_HOST,
      previewHost: PREVIEW_HOST,
      appPreviewHost: APP_PREVIEW_HOST,
      // Started as root, nginx's workers would otherwise run as nobody, who cannot write workDir.
      user: process.getuid?.() === 0 ? 'root' : undefined,
    }),
  );
  const check = spawnSync(NGINX, ['-t', '-c', conf, '-e', path.join(workDir, 'error.log')], { encoding: 'utf8' });
  expect(check.status, `nginx -t:\n${check.stderr}`).toBe(0);
  nginx = spawn(NGINX, ['-c', conf, '-e', path.join(workDir, 'error.log')], { stdio: 'ignore' });
  for (const started = Date.now(); !(await listening(PORT)); ) {
    expect(nginx.exitCode, `nginx exited:\n${errorLog()}`).toBeNull();
    expect(Date.now() - started, `nginx listens within 10 s:\n${errorLog()}`).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  origin = `http://127.0.0.1:${PORT}`;
});

test.afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (nginx.exitCode === null && nginx.signalCode === null) nginx.kill('SIGKILL');
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('a public page is fetched once, then served from the cache', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: origin });
  try {
    // Not /robots.txt: Next marks its metadata routes `public, max-age=0, must-revalidate`.
    for (const page of ['/', ARTICLE, '/news', '/about', '/news/rss.xml', '/news/feed.json']) {
      const first = await api.get(page);
      expect(first.status(), page).toBe(200);
      expect(first.headers()['x-cache-status'], `${page}: first request`).toBe('MISS');
      const second = await api.get(page);
      expect(second.headers()['x-cache-status'], `${page}: second request`).toBe('HIT');
      expect(await second.text(), `${page}: the cached copy is the page`).toBe(await first.text());
      // The app's security headers pass through the cache.
      expect(second.headers()['content-security-policy'], page).toContain("frame-ancestors 'none'");
    }
    // nginx compresses what it serves from the cache.
    const gzipped = await api.get('/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipped.headers()['content-encoding']).toBe('gzip');
    expect(gzipped.headers()['x-cache-status']).toBe('HIT');
    // Search results are dynamic: never stored.
    for (let i = 0; i < 2; i++) {
      expect((await api.get('/search?q=nato')).headers()['x-cache-status']).toBe('MISS');
    }
  } finally {
    await api.dispose();
  }
});

test("the site's built CSS and JS are cached for good, and a name this deploy lacks is not", async ({ playwright }) => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'public', 'assets', 'manifest.json'), 'utf8')) as { stylesheet: string; script: string };
  const api = await playwright.request.newContext({ baseURL: origin });
  try {
    for (const asset of [manifest.stylesheet, manifest.script]) {
      const first = await api.get(asset);
      expect(first.status(), asset).toBe(200);
      expect(first.headers()['cache-control'], asset).toBe('public, max-age=31536000, immutable');
      const second = await api.get(asset);
      expect(second.headers()['x-cache-status'], `${asset}: second request`).toBe('HIT');
      expect(second.headers()['cache-control'], `${asset}: from the cache`).toBe('public, max-age=31536000, immutable');
    }
    // A page from another deploy asking for its own file name mid-rollout: not remembered as missing.
    const missing = await api.get('/assets/site.0000000000000000.css');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['cache-control']).toBe('no-store');
  } finally {
    await api.dispose();
  }
});

test('a preview cookie, made up or real, never skips the public cache and never shows a draft', async () => {
  const cookies = [
    `${DRAFT_MODE_COOKIE}=made-up`,
    `${DRAFT_MODE_COOKIE}=${buildPreviewModeId()}`,
    '__next_preview_data=made-up',
    'newsroom_preview=made-up; newsroom_staff=made-up',
  ];
  for (const cookie of cookies) {
    for (const target of ['/', ARTICLE]) {
      const answer = await send(target, { headers: { Cookie: cookie } });
      expect(answer.status, `${target} with ${cookie}`).toBe(200);
      // Cached by the first test: with the cookie, still the cached public copy.
      expect(answer.headers['x-cache-status'], `${target} with ${cookie}`).toMatch(/^(HIT|STALE|UPDATING)$/);
      expect(answer.headers['cache-control'] ?? '', `${target} with ${cookie}`).not.toMatch(/private|no-store/);
    }
    const draft = await send(DRAFT.path, { headers: { Cookie: cookie } });
    expect(draft.status, `the draft with ${cookie} on the public host`).toBe(404);
    expect(draft.body, `the draft with ${cookie} on the public host`).not.toContain(DRAFT_SENTINEL);
  }
});

test('the preview host never stores anything, and the public host never serves preview', async () => {
  // A preview link opened on the preview host: the app's cookies come back and are passed on.
  const link = await send(previewLink(DRAFT.slug), { host: PREVIEW_HOST });
  expect(link.status, 'the link on the preview host').toBe(307);
  const setCookies = link.headers['set-cookie'] ?? [];
  expect(setCookies.map((line) => line.split('=')[0]), 'the preview session cookie').toEqual([PREVIEW_COOKIE]);
  const cookie = setCookies.map((line) => line.split(';')[0]).join('; ');

  for (const target of [DRAFT.path, '/', ARTICLE, '/news']) {
    for (let i = 1; i <= 2; i++) {
      const answer = await send(target, { host: PREVIEW_HOST, headers: { Cookie: cookie } });
      expect(answer.status, `${target} on the preview host`).toBe(200);
      expect(answer.headers['x-cache-status'], `${target} on the preview host, request ${i}: not from or into the cache`).toBeUndefined();
      expect(answer.headers['cache-control'], `${target} on the preview host`).toBe('private, no-store');
      expect(answer.headers['x-robots-tag'], `${target} on the preview host`).toBe('noindex');
      if (target === DRAFT.path) expect(answer.body, 'the draft, in preview').toContain(DRAFT_SENTINEL);
    }
  }
  // Without a cookie too: the preview host's copies of public pages are not shared.
  const bare = await send('/topics', { host: PREVIEW_HOST });
  expect(bare.headers['x-cache-status']).toBeUndefined();
  expect(bare.headers['cache-control']).toBe('private, no-store');

  // The same cookie on the public host: the public answer.
  const draft = await send(DRAFT.path, { headers: { Cookie: cookie } });
  expect(draft.status, 'the draft on the public host, with the preview cookies').toBe(404);
  expect(draft.body).not.toContain(DRAFT_SENTINEL);

  // Preview and sign-in addresses on the public host send the browser to the preview host, setting nothing.
  for (const target of [previewLink(DRAFT.slug), '/preview', '/api/preview/exit', '/api/auth/login']) {
    const answer = await send(target, { headers: { Cookie: cookie } });
    expect(answer.status, `${target} on the public host`).toBe(307);
    expect(answer.headers.location, `${target} on the public host`).toBe(`http://${PREVIEW_HOST}${target}`);
    expect(answer.headers['set-cookie'], `${target} on the public host`).toBeUndefined();
    expectSecurityHeaders(answer, `${target} on the public host`);
  }
});

test('/_next/image is cached once per image format the browser accepts', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: origin });
  try {
    const html = await (await api.get(ARTICLE)).text();
    const src = html.match(/src="(\/_next\/image\?[^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
    expect(src, 'the article has a /_next/image figure').toBeTruthy();
    const get = (accept: string) => api.get(src!, { headers: { Accept: accept } });

    const webp = await get('image/webp,image/*,*/*;q=0.8');
    expect(webp.headers()['content-type']).toBe('image/webp');
    expect(webp.headers()['x-cache-status']).toBe('MISS');
    // Another browser's Accept in the same family: the same cached copy.
    const webpAgain = await get('image/webp,*/*');
    expect(webpAgain.headers()['x-cache-status']).toBe('HIT');
    expect(webpAgain.headers()['content-type']).toBe('image/webp');

    // A browser without WebP must not get the WebP copy: its own miss, then its own hit.
    const plain = await get('image/png,image/*;q=0.8');
    expect(plain.headers()['x-cache-status']).toBe('MISS');
    expect(plain.headers()['content-type']).not.toBe('image/webp');
    const plainAgain = await get('*/*');
    expect(plainAgain.headers()['x-cache-status']).toBe('HIT');
    expect(plainAgain.headers()['content-type']).toBe(plain.headers()['content-type']);
  } finally {
    await api.dispose();
  }
});

test('/_next/image answers 400 to anything but url, w and q as next/image writes them, before the cache', async () => {
  const html = (await send(ARTICLE)).body;
  const src = html.match(/src="(\/_next\/image\?[^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
  expect(src, 'the article has a /_next/image figure').toBeTruthy();
  const accept = { Accept: 'image/webp,*/*' };
  expect((await send(src!, { headers: accept })).headers['x-cache-status'], 'the figure, cached by now or now').toMatch(/^(HIT|MISS)$/);
  const entries = cacheEntries();

  const query = src!.slice(src!.indexOf('?') + 1);
  const params = new URLSearchParams(query);
  const busting = [
    `${src}&cb=${Math.random().toString(36).slice(2)}`,
    `${src}&cb=${Math.random().toString(36).slice(2)}`,
    `/_next/image?w=${params.get('w')}&url=${encodeURIComponent(params.get('url')!)}&q=${params.get('q')}`,
    `/_next/image?${query.replace('%2Fimages', '%2fimages')}`,
    `/_next/image?${query.replace('%2Fimages', '%2F%69mages')}`,
    `/_next/image?${query.replace(`w=${params.get('w')}`, `w=0${params.get('w')}`)}`,
    `/_next/image?${query}&url=%2Fimages%2Fother.jpg`,
    `/_next/image?${query.replace('%2Fimages', '%2F..%2Fimages')}`,
    `/_next/image?url=https%3A%2F%2Fexample.com%2Fa.jpg&w=${params.get('w')}&q=${params.get('q')}`,
  ];
  for (const target of busting) {
    const answer = await send(target, { headers: accept });
    expect(answer.status, target).toBe(400);
    expect(answer.body, target).toContain('/_next/image takes exactly url, w and q');
    expect(answer.headers['x-cache-status'], `${target}: never looked up in the cache`).toBeUndefined();
    expectSecurityHeaders(answer, target);
  }
  // Another spelling of the path is the same entry.
  expect((await send(src!.replace('/_next/image', '/_next//image'), { headers: accept })).headers['x-cache-status']).toBe('HIT');
  expect(cacheEntries(), 'no cache entry for any variant').toBe(entries);
});

test('router headers change nothing: every page key holds the page\'s HTML', async () => {
  // The pages have no RSC payload (decision 0017); Next's router headers, odd or not, still get
  // the HTML, and leave no other kind of answer in the cache for the next reader.
  const sets: Record<string, string | string[]>[] = [{ RSC: ['1', '1'] }, { RSC: '1' }, { RSC: 'true' }, { RSC: '1', 'Next-Router-Prefetch': '1' }, { 'Next-Router-Prefetch': '1' }, { 'Next-Router-State-Tree': '%5B%22%22%5D' }];
  for (const headers of sets) {
    for (const target of ['/feeds', '/feeds?_rsc=', '/topics?_rsc=']) {
      let answer = await send(target, { headers });
      // Next first sends a router request to the same path with its `_rsc` cache key; that is the page too.
      const location = answer.headers['location'];
      const next = location ? new URL(location, origin) : undefined;
      if (answer.status === 307 && next?.searchParams.has('_rsc')) answer = await send(next.pathname + next.search, { headers });
      expect(answer.status, `${target} with ${JSON.stringify(headers)}`).toBe(200);
      expect(answer.headers['content-type'], `${target} with ${JSON.stringify(headers)}`).toBe('text/html; charset=utf-8');
    }
    const page = await send('/feeds');
    expect(page.headers['content-type'], `the page after ${JSON.stringify(headers)}`).toBe('text/html; charset=utf-8');
    expect(page.body, `the page after ${JSON.stringify(headers)}`).toMatch(/^<!DOCTYPE html>/i);
  }
});

test('following a link through the public host loads the next page as HTML, with no router requests', async ({ page, expectNoAxeViolations }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${origin}/news`);
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(`${origin}/news/page/2`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(requests.filter((url) => new URL(url).searchParams.has('_rsc')), 'no RSC payload was fetched').toEqual([]);
  expect(requests.filter((url) => new URL(url).pathname.startsWith('/_next/static/')), 'no framework script was fetched').toEqual([]);
  await expectNoAxeViolations(page, '/news/page/2 through nginx');
});

test("Next's revalidation header never reaches the app from outside", async () => {
  // With the real secret the app regenerates the page (x-nextjs-cache: REVALIDATED); the query makes each request a cache miss.
  for (const host of [PUBLIC_HOST, PREVIEW_HOST]) {
    for (const header of ['X-Prerender-Revalidate', 'x-prerender-revalidate']) {
      const answer = await send(`${ARTICLE}?revalidate=${Math.random().toString(36).slice(2)}`, { host, headers: { [header]: buildPreviewModeId() } });
      expect(answer.status, `${header} on ${host}`).toBe(200);
      expect(answer.headers['x-nextjs-cache'], `${header} on ${host}: served, not regenerated on request`).not.toBe('REVALIDATED');
    }
  }
});

test('TRACE, TRACK and other methods are refused by nginx with the security headers', async () => {
  const cases: [string, string, string][] = [
    ['TRACE', PUBLIC_HOST, 'GET, HEAD'],
    ['TRACK', PUBLIC_HOST, 'GET, HEAD'],
    ['PROPFIND', PUBLIC_HOST, 'GET, HEAD'],
    ['DELETE', PUBLIC_HOST, 'GET, HEAD'],
    // POST would skip the cache on the public site; nothing public takes it.
    ['POST', PUBLIC_HOST, 'GET, HEAD'],
    ['TRACE', PREVIEW_HOST, 'GET, HEAD, POST'],
    ['TRACK', PREVIEW_HOST, 'GET, HEAD, POST'],
    ['PUT', PREVIEW_HOST, 'GET, HEAD, POST'],
  ];
  for (const [method, host, allow] of cases) {
    const answer = await send(ARTICLE, { method, host });
    expect(answer.status, `${method} on ${host}`).toBe(405);
    expect(answer.headers.allow, `${method} on ${host}`).toBe(allow);
    expectSecurityHeaders(answer, `${method} on ${host}`);
  }
});

// Last: it uses up this client's allowance.
test('search, the image optimiser and opening preview links are rate-limited per client: 429 past the burst', async () => {
  const src = (await send(ARTICLE)).body.match(/src="(\/_next\/image\?[^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
  const floods: [string, string, number][] = [
    ['/search?q=nato', PUBLIC_HOST, 40],
    [src!, PUBLIC_HOST, 300],
    [previewLink(DRAFT.slug), PREVIEW_HOST, 40],
  ];
  for (const [target, host, count] of floods) {
    const answers = await Promise.all(Array.from({ length: count }, () => send(target, { host })));
    const limited = answers.filter((answer) => answer.status === 429);
    const served = answers.filter((answer) => answer.status !== 429);
    expect(limited.length, `${count} requests for ${target} at once: some refused`).toBeGreaterThan(0);
    expect(served.length, `${count} requests for ${target} at once: the burst served`).toBeGreaterThan(0);
    expectSecurityHeaders(limited[0]!, `429 for ${target}`);
  }
});
