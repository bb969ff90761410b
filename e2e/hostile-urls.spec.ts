/**
 * Addresses made to break out of the site: path traversal (raw and encoded), encoded slashes and
 * backslashes, null bytes, very long paths, invalid UTF-8, markup in search and in path segments,
 * and a flood of searches. The server answers 400 or 404, never 500, never a file outside the site,
 * and keeps answering.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, NOT_FOUND_RESOURCE, test } from './fixtures';
import { DRAFT, DRAFT_SENTINEL, ROOT } from './support/preview';
import { SEED_SLUG } from './support/seed';

interface Raw {
  status: number;
  body: string;
  location?: string;
}

/**
 * GET with the path exactly as written: Playwright and fetch normalize `..` and some escapes before
 * sending, which would test the client instead of the server.
 */
function rawGet(baseURL: string, rawPath: string): Promise<Raw> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path: rawPath, method: 'GET', agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, location: response.headers.location }));
    });
    request.on('error', reject);
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout: ${rawPath}`)));
    request.end();
  });
}

/**
 * rawGet, following redirects that stay on the site (Next answers `//` in a path with a 308 to the
 * path with single slashes); the answer at the end of them.
 */
async function rawGetFollowing(baseURL: string, rawPath: string): Promise<Raw & { hops: string[] }> {
  const hops: string[] = [];
  let answer = await rawGet(baseURL, rawPath);
  while (answer.status >= 300 && answer.status < 400 && answer.location && hops.length < 3) {
    const next = new URL(answer.location, baseURL);
    if (next.origin !== new URL(baseURL).origin) break;
    hops.push(`${answer.status} → ${next.pathname}${next.search}`);
    answer = await rawGet(baseURL, next.pathname + next.search);
  }
  return { ...answer, hops };
}

/** The draft's own figure, which only staff preview may see. */
const draftImage = (() => {
  const text = readFileSync(path.join(ROOT, DRAFT.file), 'utf8');
  const match = text.match(/\/images\/news\/draft-article-example\/[^\s)"']+/);
  return match?.[0];
})();

/** Strings that only a file outside the site would contain. */
const SECRETS: Array<[string, RegExp]> = [
  ['package.json', /"name":\s*"gov-newsroom"/],
  ['/etc/passwd', /root:x?:0:0:/],
  ['a draft', new RegExp(DRAFT_SENTINEL)],
  ['an environment file', /PREVIEW_SECRET\s*=/],
  ['a TypeScript config', /"compilerOptions"/],
];

const TRAVERSALS = [
  '../../package.json',
  '..%2f..%2fpackage.json',
  '%2e%2e/%2e%2e/package.json',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '..%5c..%5cpackage.json',
  '%2e%2e%5c%2e%2e%5cpackage.json',
  '....//....//package.json',
  '..%252f..%252fpackage.json',
  '../../.env',
  '..%2f..%2f.env',
  '..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  '%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  '%2fetc%2fpasswd',
  '..%2f..%2ftsconfig.json',
  'package.json%00.jpg',
  'x%00',
  '%ff%fe',
  'a%ffb',
  '%c0%ae%c0%ae%2fpackage.json',
  `${'a'.repeat(5_000)}`,
];

/** Every route with a parameter, each with each hostile segment. */
function hostilePaths(): string[] {
  const paths = TRAVERSALS.flatMap((bad) => [
    `/news/${bad}`,
    `/topics/${bad}`,
    `/news/page/${bad}`,
    `/${bad}`,
    `/images/news/${bad}`,
    `/images/${bad}`,
    `/images/news/draft-article-example/${bad}`,
    `/images/news/${DRAFT.slug}/..%2f..%2f..%2f${bad}`,
    `/images/pages/about/${bad}`,
  ]);
  return [
    ...paths,
    // The draft's own image and markdown file through the images route: refused to the public.
    ...(draftImage ? [draftImage] : []),
    '/images/news/draft-article-example/..%2f..%2fnews%2fdraft-article-example.md',
    '/images/news/..%2fnews%2fdraft-article-example.md/x.jpg',
    '/images/news/draft-article-example/%2e%2e%2f%2e%2e%2fnews%2fdraft-article-example.md',
    '/content/news/draft-article-example.md',
    '/package.json',
    '/.env',
    '/.next/BUILD_ID',
    '/_next/static/..%2f..%2fpackage.json',
    '/_next/static/%2e%2e/%2e%2e/package.json',
    '/uswds/..%2f..%2fpackage.json',
    '/uswds/%2e%2e/%2e%2e/package.json',
    '/uswds/%ff%fe',
    '/_next/static/%ff%fe',
    '/favicon.ico%ff',
    '/_next/image?url=%2fimages%2fnews%2f..%2f..%2f..%2fpackage.json&w=640&q=75',
    '/_next/image?url=/images/../../package.json&w=640&q=75',
    '/_next/image?url=%ff%fe&w=640&q=75',
    '/_next/image?url=file:///etc/passwd&w=640&q=75',
    `/search/${'a'.repeat(5_000)}`,
  ];
}

test.describe('hostile addresses', () => {
  test('traversal, encoded slashes, null bytes, long paths and bad UTF-8 get 400 or 404 and nothing from outside the site', async ({ baseURL }) => {
    test.setTimeout(120_000);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const targets = hostilePaths();
    // A few at a time: enough to be quick, few enough that a slow first render does not time out.
    for (let i = 0; i < targets.length; i += 8) {
      await Promise.all(
        targets.slice(i, i + 8).map(async (target) => {
          const { status, body, hops } = await rawGetFollowing(baseURL!, target);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const shown = `${target.length > 120 ? `${target.slice(0, 100)}… (${target.length} chars)` : target}${hops.map((hop) => ` (${hop})`).join('')}`;
          if (status !== 400 && status !== 404) failures.push(`${shown}: status ${status}`);
          for (const [what, pattern] of SECRETS) if (pattern.test(body)) failures.push(`${shown}: the body has ${what}`);
        }),
      );
    }
    test.info().annotations.push({ type: 'statuses', description: JSON.stringify(Object.fromEntries(statuses)) });
    expect(failures, `${targets.length} hostile addresses`).toEqual([]);
  });

  test('the image optimizer refuses any parameter but url, w and q, so a made-up one cannot force a re-encode', async ({ request }) => {
    const html = await (await request.get('/news/' + SEED_SLUG)).text();
    const optimized = [...html.matchAll(/src="(\/_next\/image\?[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))[0];
    expect(optimized, 'the seed article has a /_next/image figure').toBeTruthy();
    const ok = await request.get(optimized!);
    expect(ok.status(), optimized).toBe(200);
    expect(ok.headers()['content-type']).toMatch(/^image\//);
    const url = new URL(optimized!, 'http://x').searchParams.get('url')!;
    for (const busted of [
      `${optimized}&cb=${Date.now()}`,
      `${optimized}&w=750`,
      `${optimized}&url=${encodeURIComponent(url)}`,
      `${optimized}&q=75`,
      `/_next/image?cb=1&url=${encodeURIComponent(url)}&w=640&q=75`,
      `${optimized}&`.replace(/&$/, '&x'),
    ]) {
      const response = await request.get(busted);
      expect.soft(response.status(), busted).toBe(400);
      expect.soft(response.headers()['content-type'] ?? '', busted).toMatch(/^text\/plain/);
      expect.soft(response.headers()['x-frame-options'], `${busted}: security headers`).toBe('DENY');
    }
  });

  test('hostile search queries are searched or refused, never a server error', async ({ baseURL }) => {
    const queries = ['%ff%fe', '%00', '..%2f..%2fpackage.json', '%2e%2e%5c%2e%2e', 'a%00b', '%c0%ae', `${'a'.repeat(5_000)}`, '%25', '%', '%zz'];
    const failures: string[] = [];
    for (const q of queries) {
      const { status, body } = await rawGet(baseURL!, `/search?q=${q}`);
      if (status !== 200 && status !== 400) failures.push(`q=${q.slice(0, 40)}: status ${status}`);
      for (const [what, pattern] of SECRETS) if (pattern.test(body)) failures.push(`q=${q.slice(0, 40)}: the body has ${what}`);
    }
    expect(failures).toEqual([]);
  });

  for (const markup of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']) {
    test(`markup (${markup}) in a search or a path is shown as text, never run`, async ({ page, consoleErrors }) => {
      consoleErrors.allow(NOT_FOUND_RESOURCE);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const search = await page.goto(`/search?q=${encodeURIComponent(markup)}`);
      expect(search?.status()).toBe(200);
      await expect(page.getByRole('main')).toContainText(markup);
      await expect(page.locator('img[src="x"], main script')).toHaveCount(0);
      for (const route of ['/news/', '/topics/', '/']) {
        const response = await page.goto(`${route}${encodeURIComponent(markup)}`);
        expect(response?.status(), `${route}<markup>`).toBe(404);
        await expect(page.locator('img[src="x"]')).toHaveCount(0);
      }
      expect(dialogs).toEqual([]);
    });
  }

  test('a flood of searches gets no server error, and the site answers normally afterwards', async ({ request, baseURL }) => {
    test.setTimeout(90_000);
    const words = ['nato', 'readiness', 'hurricane', 'logistics', '<script>', '%ff', 'a'.repeat(300), 'zzzz', '', '*'];
    const TOTAL = 200;
    const CONCURRENCY = 50;
    const statuses = new Map<number, number>();
    const errors: string[] = [];
    let next = 0;
    const started = Date.now();
    // 50 clients, each sending its next search as soon as the last one is answered.
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < TOTAL) {
          const word = words[next++ % words.length]!;
          try {
            const response = await fetch(`${baseURL}/search?q=${encodeURIComponent(word)}`, { signal: AbortSignal.timeout(30_000) });
            await response.arrayBuffer();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          } catch (error) {
            errors.push(String(error));
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    test.info().annotations.push({
      type: 'flood',
      description: `${TOTAL} searches, ${CONCURRENCY} at a time, in ${seconds.toFixed(1)} s (${Math.round(TOTAL / seconds)}/s): ${JSON.stringify(Object.fromEntries(statuses))}, ${errors.length} errors`,
    });
    expect(errors.slice(0, 5), 'connection errors during the flood').toEqual([]);
    expect([...statuses.keys()].filter((status) => status >= 500), '5xx during the flood').toEqual([]);
    expect(statuses.get(200) ?? 0, 'searches answered').toBeGreaterThan(TOTAL / 2);
    const after = await request.get('/news');
    expect(after.status()).toBe(200);
    expect(await after.text()).toContain('</html>');
  });
});
