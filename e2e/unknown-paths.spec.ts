/**
 * Made-up content paths (/news/<slug>, /topics/<topic>, listing pages, topic feeds, content images)
 * are answered 404 from the content index before any route renders (lib/edge/public-paths.ts), with
 * the site's designed 404 page: a flood of them costs no render and no page-cache entry, and a
 * draft's path is the same answer as a slug that never existed
 * (docs/decisions/0015-app-side-hardening.md).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { APIResponse } from '@playwright/test';
import { expect, NOT_FOUND_RESOURCE, test } from './fixtures';
import { publicArticles, topicSlug } from './support/content';
import { DRAFT, previewSecret, SCHEDULED, startSecondServer, type SecondServer } from './support/preview';
import { SEED_SLUG } from './support/seed';

/** The designed 404 page (app/not-found.tsx), not a bare text. */
const NOT_FOUND_HEADING = /<h1[^>]*>Page not found<\/h1>/;

const random = () => randomBytes(6).toString('hex');
const topic = () => {
  const name = publicArticles().flatMap((article) => article.topics)[0];
  if (!name) throw new Error('no public article has a topic');
  return topicSlug(name);
};

/** One made-up path of each content route, different on every call. */
function madeUpPaths(): string[] {
  const huge = () => String(100_000 + Math.floor(Math.random() * 800_000_000));
  return [
    `/news/${random()}-${random()}`,
    `/topics/${random()}`,
    `/news/page/${huge()}`,
    `/topics/${topic()}/page/${huge()}`,
    `/topics/${random()}/rss.xml`,
    `/images/news/${random()}/${random()}.jpg`,
  ];
}

/** The server process's resident memory, in MB (Linux). */
function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/**
 * Headers that differ between any two responses (time, connection), and the cache's state: the one
 * 404 copy is HIT, or STALE for the request that starts its regeneration a minute on.
 */
const VOLATILE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'x-nextjs-cache']);
const stableHeaders = (response: APIResponse) =>
  Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !VOLATILE.has(name)));

test.describe('made-up content paths', () => {
  test('a flood of unknown slugs gets the 404 page without a render per slug: memory stays flat', async ({ playwright }) => {
    test.slow();
    test.setTimeout(300_000);
    // +1 is the scheduled-publication test's server, which may run at the same time in CI.
    const PORT = Number(process.env.E2E_PORT ?? 3100) + 3;
    const server: SecondServer = startSecondServer(PORT, { PREVIEW_SECRET: previewSecret() });
    const api = await playwright.request.newContext({ baseURL: server.baseURL });
    try {
      const until = Date.now() + 30_000;
      for (let up = false; !up; ) {
        expect(server.child.exitCode, `the server exited:\n${server.output()}`).toBeNull();
        expect(Date.now(), `the server answers within 30 s:\n${server.output()}`).toBeLessThan(until);
        up = await api
          .get(`/news/${SEED_SLUG}`, { timeout: 5_000 })
          .then((response) => response.status() === 200)
          .catch(() => false);
        if (!up) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const pid = server.child.pid!;
      const failures: string[] = [];
      const burst = async (total: number, concurrency: number, deadline: number) => {
        let sent = 0;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (sent < total && Date.now() < deadline) {
              const paths = madeUpPaths();
              const target = paths[sent++ % paths.length]!;
              const response = await fetch(`${server.baseURL}${target}`, { signal: AbortSignal.timeout(10_000) }).catch((error: unknown) => error);
              if (!(response instanceof Response)) {
                failures.push(`${target}: ${String(response)}`);
                continue;
              }
              const body = await response.text();
              if (response.status !== 404) failures.push(`${target}: status ${response.status}`);
              // Rendered for this path and stored in the page cache: what the flood used to do.
              else if (response.headers.get('x-nextjs-cache') === 'MISS') failures.push(`${target}: rendered and cached (x-nextjs-cache: MISS)`);
              else if (!target.startsWith('/images/') && !target.endsWith('.xml') && !NOT_FOUND_HEADING.test(body)) {
                failures.push(`${target}: not the site's 404 page`);
              }
            }
          }),
        );
        return sent;
      };
      // Warm up: every route and the 404 page loaded, the heap near its working size (it levels
      // off after a few thousand requests; RSS still swings by tens of MB with garbage collection,
      // hence the bound below).
      await burst(3_000, 20, Date.now() + 90_000);
      const before = rssMb(pid);
      const started = Date.now();
      // The deadline only bounds the test: the old behaviour managed about 16 a second here.
      const sent = await burst(2_000, 20, started + 120_000);
      const seconds = (Date.now() - started) / 1000;
      const after = rssMb(pid);
      test.info().annotations.push({
        type: 'flood',
        description: `${sent} made-up paths in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s); RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB`,
      });
      expect(failures.slice(0, 10), `${failures.length} of ${sent} answers were not the 404`).toEqual([]);
      expect(sent, 'all 2,000 answered within 120 s').toBe(2_000);
      // The old behaviour rendered each 404 and kept it in the page cache: over 200 MB for 2,000.
      expect(after - before, `RSS grew from ${before.toFixed(0)} to ${after.toFixed(0)} MB`).toBeLessThan(100);
      // Refused methods are answered before Next, which used to log a stack trace for each.
      for (const method of ['TRACE', 'TRACK', 'PROPFIND']) {
        const status = await new Promise<number>((resolve, reject) => {
          const { hostname, port } = new URL(server.baseURL);
          http
            .request({ host: hostname, port, path: '/news', method, agent: false }, (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            })
            .on('error', reject)
            .end();
        });
        expect(status, method).toBe(405);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(server.output(), 'the server log after the flood and the refused methods').not.toMatch(/Error|\n\s+at /);
    } finally {
      await api.dispose();
      await server.stop();
    }
  });

  test("a draft's or a scheduled article's path is exactly the 404 of a slug that never existed", async ({ request }) => {
    const unknown = await request.get(`/news/${random()}`);
    expect(unknown.status()).toBe(404);
    const unknownBody = await unknown.text();
    expect(unknownBody).toMatch(NOT_FOUND_HEADING);
    for (const path of [DRAFT.path, SCHEDULED.path, `/news/${random()}`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(stableHeaders(response), `${path}: headers`).toEqual(stableHeaders(unknown));
      expect(await response.text(), `${path}: body`).toBe(unknownBody);
    }
  });

  test('listing pages past the end, page numbers written oddly, unknown topics, impossible archive dates and unknown sitemap files are the same 404', async ({ request }) => {
    const reference = await request.get(`/news/${random()}`);
    const body = await reference.text();
    for (const path of ['/news/page/99999', '/news/page/02', '/news/page/1e3', `/topics/${random()}`, `/topics/${random()}/page/1`, `/topics/${topic()}/page/99999`, `/topics/${random()}/atom.xml`, '/news/2023/13', '/news/0999', '/news/1900', `/sitemaps/${random()}.xml`]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect.soft(response.status(), path).toBe(404);
      expect.soft(await response.text(), `${path}: the 404 page`).toBe(body);
    }
    // What exists still answers.
    for (const path of [`/news/${SEED_SLUG}`, `/topics/${topic()}`, `/topics/${topic()}/rss.xml`, '/news/rss.xml', '/news/feed.json', '/sitemap.xml', '/sitemaps/site.xml']) {
      expect.soft((await request.get(path)).status(), path).toBe(200);
    }
    expect((await request.get('/news/page/1', { maxRedirects: 0 })).status()).toBe(308);
  });

  test('the 404 for a made-up slug is the designed page, with the headers a page 404 had', async ({ page, request, consoleErrors }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    const response = await page.goto(`/news/${random()}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Browse the latest news' })).toBeVisible();
    await expect(page).toHaveTitle(/^Page not found/);
    const headers = (await request.get(`/news/${random()}`)).headers();
    // A shared cache may keep it a minute, as a page's own 404: a scheduled article's path goes live then.
    expect(headers['cache-control']).toBe('s-maxage=60, stale-while-revalidate=86340');
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
