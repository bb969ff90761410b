/**
 * Security and caching headers on every kind of response (next.config.js, lib/security/headers.js,
 * docs/decisions/0008-security-headers-and-csp.md, 0019-strict-content-security-policy.md). That the
 * strict policy blocks nothing the site needs, in Chromium on every template: e2e/budgets.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { USWDS_INIT_SCRIPT_HASH } from '../lib/security/headers.js';
import { expect, test } from './fixtures';
import { publicArticles, topicSlug } from './support/content';
import { parseCsp } from './support/page-scripts';
import { DRAFT, PREVIEW_COOKIE, previewLink, ROOT } from './support/preview';
import { SEED_SLUG } from './support/seed';

const SECURITY_HEADERS: Record<string, string | RegExp> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': /^(?=.*\bcamera=\(\))(?=.*\bmicrophone=\(\))(?=.*\bgeolocation=\(\))(?=.*\bpayment=\(\))(?=.*\busb=\(\))(?=.*\bbrowsing-topics=\(\))/,
};

const ARTICLE = `/news/${SEED_SLUG}`;
/** Pages a shared cache may keep: prerendered or ISR. */
const CACHEABLE_PAGES = ['/', ARTICLE, '/news', '/topics', '/about', '/feeds'];

function expectSecurityHeaders(response: APIResponse, label: string): void {
  const headers = response.headers();
  for (const [name, expected] of Object.entries(SECURITY_HEADERS)) {
    const value = headers[name] ?? '';
    if (typeof expected === 'string') expect.soft(value, `${label}: ${name}`).toBe(expected);
    else expect.soft(value, `${label}: ${name}`).toMatch(expected);
  }
  expect.soft(headers['x-powered-by'], `${label}: X-Powered-By`).toBeUndefined();
  expect.soft(headers['content-security-policy'], `${label}: Content-Security-Policy`).toBeTruthy();
  // The tests talk to 127.0.0.1: no HSTS for a host that cannot have a certificate.
  expect.soft(headers['strict-transport-security'], `${label}: no HSTS on 127.0.0.1`).toBeUndefined();
}

/** The same-origin paths of `<script src>` and stylesheet links in a page. */
async function assetPaths(request: APIRequestContext, page: string) {
  const html = await (await request.get(page)).text();
  const js = [...html.matchAll(/<script[^>]+src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const css = [...html.matchAll(/<link[^>]+href="(\/assets\/[^"]+\.css)"/g)].map((m) => m[1]!);
  const images = [...html.matchAll(/src="(\/images\/news\/[^"]+)"/g)].map((m) => m[1]!);
  const optimized = [...html.matchAll(/src="(\/_next\/image\?[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  return { js, css, images, optimized };
}

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with any method and raw headers: Playwright and fetch refuse TRACE, TRACK and CONNECT. */
function rawRequest(baseURL: string, method: string, target: string, host: string, headers: http.OutgoingHttpHeaders = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path: target, method, headers: { Host: host, ...headers }, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.setTimeout(15_000, () => request.destroy(new Error(`timeout: ${method} ${target}`)));
    request.end();
  });
}

function uswdsFont(): string {
  const dir = path.join(ROOT, 'public', 'uswds', 'fonts', 'public-sans');
  const font = readdirSync(dir).find((name) => name.endsWith('.woff2'));
  if (!font) throw new Error(`no .woff2 in ${dir}`);
  return `/uswds/fonts/public-sans/${font}`;
}

test.describe('security headers', () => {
  test('every kind of response carries the security headers', async ({ request }) => {
    const topic = publicArticles().flatMap((article) => article.topics)[0];
    expect(topic, 'a public article with a topic').toBeTruthy();
    const assets = await assetPaths(request, ARTICLE);
    expect(assets.js.length, 'script files on the article page').toBeGreaterThan(0);
    expect(assets.css.length, 'stylesheets on the article page').toBeGreaterThan(0);
    expect(assets.images.length + assets.optimized.length, 'figures on the article page').toBeGreaterThan(0);
    const contentImage = assets.images[0] ?? new URL(assets.optimized[0]!, 'http://x').searchParams.get('url')!;

    const targets: Array<[string, number]> = [
      ['/', 200],
      [ARTICLE, 200],
      ['/news', 200],
      [`/topics/${topicSlug(topic!)}`, 200],
      ['/search?q=nato', 200],
      ['/about', 200],
      ['/no-such-page-for-headers', 404],
      ['/news/rss.xml', 200],
      ['/news/atom.xml', 200],
      ['/news/feed.json', 200],
      ['/sitemap.xml', 200],
      ['/robots.txt', 200],
      ['/.well-known/security.txt', 200],
      [assets.js[0]!, 200],
      [assets.css[0]!, 200],
      [uswdsFont(), 200],
      [contentImage, 200],
      ...(assets.optimized[0] ? ([[assets.optimized[0], 200]] as Array<[string, number]>) : []),
    ];
    for (const [target, status] of targets) {
      const response = await request.get(target, { maxRedirects: 0 });
      expect.soft(response.status(), `${target}: status`).toBe(status);
      expectSecurityHeaders(response, target);
    }
    expect(assets.optimized.length, 'the article has a /_next/image figure').toBeGreaterThan(0);
  });

  test('the Content-Security-Policy allows only the site itself and the init script by its hash', async ({ request }) => {
    const response = await request.get('/');
    const csp = parseCsp(response.headers()['content-security-policy'] ?? '');
    test.info().annotations.push({ type: 'Content-Security-Policy', description: response.headers()['content-security-policy'] });
    for (const [directive, sources] of csp) {
      expect.soft(sources, `${directive}: no 'unsafe-eval'`).not.toContain("'unsafe-eval'");
      expect.soft(sources, `${directive}: no 'unsafe-inline'`).not.toContain("'unsafe-inline'");
      // DAP is off in the tests (no DAP_AGENCY): nothing but the site's own origin.
      for (const source of sources) {
        expect.soft(["'self'", "'none'", USWDS_INIT_SCRIPT_HASH], `${directive} source ${source}`).toContain(source);
      }
    }
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    // The only inline script is the USWDS init, allowed by its hash (decision 0019).
    expect(csp.get('script-src')).toEqual(["'self'", USWDS_INIT_SCRIPT_HASH]);
    // Stylesheets only from the site; no <style>, no style attributes.
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.has('style-src-attr'), 'no style-src-attr').toBe(false);
    for (const directive of ['img-src', 'font-src', 'connect-src']) expect(csp.get(directive), directive).toEqual(["'self'"]);
    expect(csp.has('upgrade-insecure-requests'), 'no upgrade to https on 127.0.0.1').toBe(false);
  });

  test('HSTS and upgrade-insecure-requests go to real hosts only', async ({ request }) => {
    for (const host of ['www.defense.gov', 'news.example.gov:8443']) {
      const response = await request.get('/', { headers: { Host: host } });
      expect(response.headers()['strict-transport-security'], `Host: ${host}`).toBe('max-age=63072000; includeSubDomains');
      expect(parseCsp(response.headers()['content-security-policy'] ?? '').has('upgrade-insecure-requests'), `Host: ${host}`).toBe(true);
    }
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:3000']) {
      const response = await request.get('/', { headers: { Host: host } });
      expect(response.headers()['strict-transport-security'], `Host: ${host}`).toBeUndefined();
    }
  });
});

test.describe('redirects and refused methods carry the security headers', () => {
  const REAL_HOST = { Host: 'www.defense.gov' };

  test('every kind of redirect carries the security headers', async ({ playwright, baseURL }) => {
    const topic = publicArticles().flatMap((article) => article.topics)[0]!;
    // Next's own, before routing: a trailing slash, a doubled slash; the listings' page 1.
    const redirects: Array<[string, number, string]> = [
      ['/news/', 308, '/news'],
      ['/about/', 308, '/about'],
      [`${ARTICLE}/`, 308, ARTICLE],
      ['//news', 308, '/news'],
      ['/search/?q=nato', 308, '/search?q=nato'],
      ['/news/page/1', 308, '/news'],
      [`/topics/${topicSlug(topic)}/page/1`, 308, `/topics/${topicSlug(topic)}`],
    ];
    const local = new URL(baseURL!).host;
    for (const [target, status, location] of redirects) {
      for (const host of [REAL_HOST.Host, local]) {
        // Raw: Playwright would read `//news` as another host.
        const answer = await rawRequest(baseURL!, 'GET', target, host);
        const label = `${target} (Host: ${host})`;
        expect.soft(answer.status, `${label}: status`).toBe(status);
        expect.soft(answer.headers['location'], `${label}: Location`).toBe(location);
        for (const [name, expected] of Object.entries(SECURITY_HEADERS)) {
          const value = String(answer.headers[name] ?? '');
          if (typeof expected === 'string') expect.soft(value, `${label}: ${name}`).toBe(expected);
          else expect.soft(value, `${label}: ${name}`).toMatch(expected);
        }
        expect.soft(answer.headers['content-security-policy'] ?? '', `${label}: CSP`).toContain("frame-ancestors 'none'");
        expect
          .soft(answer.headers['strict-transport-security'], `${label}: HSTS on real hosts only`)
          .toBe(host === local ? undefined : 'max-age=63072000; includeSubDomains');
      }
    }
    // Route handlers: a preview link (307) and leaving preview (303).
    const staff = await playwright.request.newContext({ baseURL });
    try {
      const link = await staff.get(previewLink(DRAFT.slug), { maxRedirects: 0 });
      expect(link.status()).toBe(307);
      expectSecurityHeaders(link, 'preview link 307');
      const exit = await staff.post('/api/preview/exit', { form: { returnTo: '/news' }, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
      expect(exit.status()).toBe(303);
      expectSecurityHeaders(exit, 'exit preview 303');
    } finally {
      await staff.dispose();
    }
  });

  for (const method of ['TRACE', 'TRACK', 'PROPFIND', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    test(`${method} gets 405 with Allow and the security headers, never a server error`, async ({ baseURL }) => {
      for (const target of ['/', ARTICLE, '/news/rss.xml', '/api/preview', '/_next/image?url=%2Fimages%2Fx.jpg&w=640&q=75', uswdsFont()]) {
        const answer = await rawRequest(baseURL!, method, target, REAL_HOST.Host);
        expect.soft(answer.status, `${method} ${target}`).toBe(405);
        expect.soft(answer.headers['allow'], `${method} ${target}: Allow`).toBe('GET, HEAD, POST');
        expect.soft(answer.headers['x-frame-options'], `${method} ${target}: X-Frame-Options`).toBe('DENY');
        expect.soft(answer.headers['strict-transport-security'], `${method} ${target}: HSTS`).toBe('max-age=63072000; includeSubDomains');
        expect.soft(answer.headers['content-security-policy'] ?? '', `${method} ${target}: CSP`).toContain("default-src 'self'");
        expect.soft(answer.body, `${method} ${target}: no stack trace in the answer`).not.toMatch(/Error|at /);
      }
    });
  }

  test('an RSC request header gets the same HTML page: there is no RSC payload to give', async ({ baseURL }) => {
    const host = new URL(baseURL!).host;
    const plain = await rawRequest(baseURL!, 'GET', ARTICLE, host);
    for (const rsc of ['1', ['1', '1'], '2']) {
      let answer = await rawRequest(baseURL!, 'GET', ARTICLE, host, { RSC: rsc });
      // Next first sends a router request to the same path with its `_rsc` cache key; the page route answers that too.
      const next = answer.headers['location'] ? new URL(answer.headers['location'], baseURL) : undefined;
      if (answer.status === 307 && next?.searchParams.has('_rsc')) answer = await rawRequest(baseURL!, 'GET', next.pathname + next.search, host, { RSC: rsc });
      expect(answer.status, `RSC: ${String(rsc)}`).toBe(200);
      expect(answer.headers['content-type'], `RSC: ${String(rsc)}`).toMatch(/^text\/html/);
      expect(answer.body, `RSC: ${String(rsc)}`).toBe(plain.body);
    }
  });
});

test.describe('caching headers', () => {
  test('public pages tell shared caches how long to keep them, and revalidate with ETags', async ({ request }) => {
    for (const page of CACHEABLE_PAGES) {
      const response = await request.get(page);
      expect.soft(response.status(), page).toBe(200);
      const cacheControl = response.headers()['cache-control'] ?? '';
      expect.soft(cacheControl, `${page}: Cache-Control`).toMatch(/\bs-maxage=\d+/);
      expect.soft(cacheControl, `${page}: Cache-Control`).toMatch(/\bstale-while-revalidate=\d+/);
      expect.soft(cacheControl, `${page}: Cache-Control`).not.toMatch(/private|no-store/);
      let etag = response.headers()['etag'];
      expect.soft(etag, `${page}: ETag`).toBeTruthy();
      if (!etag) continue;
      let again = await request.get(page, { headers: { 'If-None-Match': etag } });
      // A stale ISR page is regenerated in the background after the first request: the next one may
      // be the new version, with a new ETag. Then that ETag must answer 304.
      if (again.status() === 200 && again.headers()['etag'] !== etag) {
        etag = again.headers()['etag'] ?? '';
        again = await request.get(page, { headers: { 'If-None-Match': etag } });
      }
      expect.soft(again.status(), `${page}: If-None-Match answers 304`).toBe(304);
      expect.soft((await again.body()).length, `${page}: 304 has no body`).toBe(0);
    }
    // The article route revalidates every 60 s; a stale copy may be served for at most a day.
    expect((await request.get(ARTICLE)).headers()['cache-control']).toBe('s-maxage=60, stale-while-revalidate=86340');
  });

  test('assets: hashed files are immutable, USWDS files and images are public', async ({ request }) => {
    const assets = await assetPaths(request, ARTICLE);
    for (const asset of [assets.js[0]!, assets.css[0]!]) {
      expect((await request.get(asset)).headers()['cache-control'], asset).toBe('public, max-age=31536000, immutable');
    }
    expect((await request.get(uswdsFont())).headers()['cache-control']).toBe('public, max-age=86400, stale-while-revalidate=604800');
    // The site's own CSS and JS (scripts/build-assets.mjs), named after a hash of their content.
    const built = JSON.parse(readFileSync(path.join(ROOT, 'public', 'assets', 'manifest.json'), 'utf8')) as { stylesheet: string; script: string };
    for (const asset of [built.stylesheet, built.script]) {
      const response = await request.get(asset);
      expect(response.status(), asset).toBe(200);
      expect(response.headers()['cache-control'], asset).toBe('public, max-age=31536000, immutable');
    }
    for (const image of [...assets.images.slice(0, 1), ...assets.optimized.slice(0, 1)]) {
      const cacheControl = (await request.get(image)).headers()['cache-control'] ?? '';
      expect.soft(cacheControl, image).toMatch(/^public, max-age=\d+/);
    }
  });

  test('preview responses are private and never stored, with the security headers', async ({ playwright, baseURL }) => {
    // A context of its own: the preview cookie must not reach the other tests' requests.
    const staff = await playwright.request.newContext({ baseURL });
    try {
      const link = await staff.get(previewLink(DRAFT.slug), { maxRedirects: 0 });
      expect(link.status()).toBe(307);
      expect(link.headers()['cache-control']).toBe('private, no-store');
      expect((await staff.storageState()).cookies.map((cookie) => cookie.name)).toContain(PREVIEW_COOKIE);
      for (const target of [DRAFT.path, '/', ARTICLE, '/news']) {
        const response = await staff.get(target);
        expect.soft(response.status(), target).toBe(200);
        // Next writes its own no-store line for Draft Mode renders; what matters is private and no-store.
        expect.soft(response.headers()['cache-control'] ?? '', `${target} in preview`).toMatch(/^private, (.+, )?no-store\b/);
        expect.soft(response.headers()['etag'], `${target} in preview: no ETag`).toBeUndefined();
        expectSecurityHeaders(response, `${target} in preview`);
      }
    } finally {
      await staff.dispose();
    }
  });
});
