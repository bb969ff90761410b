/**
 * The documented nginx configuration (deploy/nginx/newsroom.conf, run through
 * scripts/nginx-config.mjs unchanged but for its ports and cache path) in front of the server under
 * test: it caches public pages, never staff preview, and keeps /_next/image copies per image format.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NginxConfigOptions } from '../scripts/nginx-config.mjs';
import { expect, test } from './fixtures';
import { buildPreviewModeId, DRAFT, DRAFT_SENTINEL, PREVIEW_COOKIE, previewLink } from './support/preview';
import { SEED_SLUG } from './support/seed';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const ARTICLE = `/news/${SEED_SLUG}`;

let nginx: ChildProcess | undefined;
let workDir = '';
let origin = '';
const ROOT = path.join(__dirname, '..');

/** scripts/nginx-config.mjs's renderNginxConfig, through its command line (it is an ES module). */
function renderNginxConfig(options: NginxConfigOptions): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'nginx-config.mjs'), JSON.stringify(options)], { encoding: 'utf8' });
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
    // Not /sitemap.xml or /robots.txt: Next marks its metadata routes `public, max-age=0, must-revalidate`.
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

test('staff preview is never cached, and the public never gets the draft', async ({ playwright }) => {
  const staff = await playwright.request.newContext({ baseURL: origin });
  const visitor = await playwright.request.newContext({ baseURL: origin });
  try {
    // The signed link starts a preview session: through nginx, uncached.
    const link = await staff.get(previewLink(DRAFT.slug), { maxRedirects: 0 });
    expect(link.status()).toBe(307);
    expect(link.headers()['x-cache-status'] ?? '', '/api/preview is not cached').toBe('');
    expect((await staff.storageState()).cookies.map((cookie) => cookie.name)).toContain(PREVIEW_COOKIE);

    for (const target of [DRAFT.path, '/', ARTICLE]) {
      for (let i = 0; i < 2; i++) {
        const response = await staff.get(target);
        expect(response.status(), `${target} in preview`).toBe(200);
        expect(response.headers()['x-cache-status'], `${target} in preview: request ${i + 1}`).toBe('BYPASS');
        expect(response.headers()['cache-control'] ?? '', `${target} in preview`).toMatch(/^private, (.+, )?no-store\b/);
      }
      // Right after the preview, the public gets the public answer, from the cache or the app.
      const visit = await visitor.get(target);
      expect(await visit.text(), `${target} right after a preview`).not.toContain(DRAFT_SENTINEL);
      if (target === DRAFT.path) {
        expect(visit.status(), 'the draft is not found by the public').toBe(404);
      } else {
        expect(visit.status(), target).toBe(200);
        expect(visit.headers()['cache-control'] ?? '', `${target} right after a preview`).not.toMatch(/private|no-store/);
        // The copy cached by the first test (STALE or UPDATING once its 60 s are up): not the preview's.
        expect(visit.headers()['x-cache-status'], `${target}: the public copy, from the cache`).toMatch(/^(HIT|STALE|UPDATING)$/);
      }
    }
  } finally {
    await staff.dispose();
    await visitor.dispose();
  }
});

test('the revalidation secret sent through nginx revalidates nothing', async ({ playwright, baseURL }) => {
  // Next skips the app's proxy for a request that carries its real previewModeId, so only the edge
  // can drop the header for everyone (decision 0012). Here the value is read from the build itself.
  const headers = { 'x-prerender-revalidate': buildPreviewModeId() };
  const api = await playwright.request.newContext({ baseURL: origin });
  const direct = await playwright.request.newContext({ baseURL });
  try {
    // A query string nginx has never seen is a cache miss, so the request reaches the app.
    const fresh = () => `/news?revalidate-probe=${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const through = await api.get(fresh(), { headers });
    expect(through.status()).toBe(200);
    expect(through.headers()['x-cache-status'], 'the request reached the app').toBe('MISS');
    expect(through.headers()['x-nextjs-cache'] ?? '', 'through nginx: not revalidated').toMatch(/^(HIT|STALE)$/);
    // Straight to the app the same request does revalidate: what nginx must keep from it.
    expect((await direct.get(fresh(), { headers })).headers()['x-nextjs-cache'], 'straight to the app').toBe('REVALIDATED');
  } finally {
    await api.dispose();
    await direct.dispose();
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
