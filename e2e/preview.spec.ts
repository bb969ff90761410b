import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { inflateSync } from 'node:zlib';
import path from 'node:path';
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, NOT_FOUND_RESOURCE, test } from './fixtures';
import { unpublishedArticles, type UnpublishedArticle } from './support/content';
import {
  buildPreviewModeId,
  crawl,
  DRAFT,
  DRAFT_MODE_COOKIE,
  filesContaining,
  textFilesUnder,
  leakNeedles,
  leaksIn,
  PREVIEW_COOKIE,
  previewLink,
  previewSecret,
  previewSessionCookie,
  previewToken,
  ROOT,
  STAFF_COOKIE,
  staffSessionCookie,
  SCHEDULED,
  SCHEDULED_SENTINEL,
  SENTINELS,
  startSecondServer,
} from './support/preview';
import { seed } from './support/seed';
import { articleCards } from './support/site';
import { readSitemap } from './support/sitemap';


/**
 * /preview is the staff desk, behind staff sign-in (e2e/staff.spec.ts): without a staff session it
 * is never the desk, whatever preview cookie comes with the request. It sends the visitor to sign
 * in, or says sign-in is not configured (a server started without it).
 */
async function deskClosed(response: APIResponse): Promise<boolean> {
  if (response.status() === 307) return response.headers().location === '/api/auth/sign-in?returnTo=/preview';
  const body = await response.text();
  return response.status() === 200 && body.includes('Staff sign-in is not configured') && leaksIn(body, leakNeedles()).length === 0;
}

/**
 * Public endpoints the site may grow (feeds, sitemap, search, topics). Each is checked for leaks
 * once it answers 200, and crawled from; until then its 404 is fine.
 */
const OPTIONAL_ENDPOINTS = [
  '/sitemap.xml',
  '/robots.txt',
  '/news/rss.xml',
  '/news/atom.xml',
  '/news/feed.json',
  '/search?q=sentinel',
  '/search?q=draft',
  '/search?q=embargoed',
  '/topics',
];

function article(slug: string): UnpublishedArticle {
  const found = unpublishedArticles().find((candidate) => candidate.slug === slug);
  if (!found) throw new Error(`content/news has no draft or scheduled article "${slug}" (a fixture of these tests)`);
  return found;
}

/** Preview headers: no shared cache keeps the response and no search engine indexes it. */
function expectPreviewHeaders(response: APIResponse | { headers(): Record<string, string> }, label: string): void {
  const headers = response.headers();
  expect.soft(headers['x-robots-tag'] ?? '', `${label}: X-Robots-Tag`).toContain('noindex');
  expect.soft(headers['cache-control'] ?? '', `${label}: Cache-Control`).toContain('private');
  expect.soft(headers['cache-control'] ?? '', `${label}: Cache-Control`).toContain('no-store');
}

/**
 * The RSC payload of a page, as a client-side navigation gets it. Next answers `RSC: 1` with a
 * 307 to the same path plus its cache-busting `_rsc` parameter, so the redirect is followed.
 */
/**
 * What a request with Next's `RSC: 1` header gets: the pages have no RSC payload (decision 0017),
 * so the same HTML; checked anyway, since a client-side navigation would ask this way.
 */
async function rscPayload(request: APIRequestContext, path: string): Promise<{ status: number; body: string }> {
  const response = await request.get(path, { headers: { RSC: '1' } });
  const type = response.headers()['content-type'] ?? '';
  if (!type.startsWith('text/html') && !type.startsWith('text/x-component')) {
    throw new Error(`${path} with RSC: 1 answered ${response.status()} ${type}`);
  }
  return { status: response.status(), body: await response.text() };
}

function alertOf(page: Page) {
  return page.getByRole('region', { name: 'Draft preview' });
}

async function previewCookie(page: Page) {
  return (await page.context().cookies()).find((cookie) => cookie.name === PREVIEW_COOKIE);
}

/** Signs the page's browser in as staff (the sealed cookie the staff sign-in sets). */
async function actAsStaff(page: Page, baseURL: string) {
  await page.context().addCookies([{ name: STAFF_COOKIE, value: staffSessionCookie(), url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
}

/** Opens a signed link in the page and waits for the article it leads to. */
async function openPreview(page: Page, slug: string) {
  const response = await page.goto(previewLink(slug));
  expect(response?.status(), `preview of ${slug}`).toBe(200);
  await expect(page).toHaveURL((url) => url.pathname === `/news/${slug}`);
  await expect(alertOf(page)).toBeVisible();
  return response!;
}

test.describe('staff preview', () => {
  test('drafts and scheduled articles leak into no public response', async ({ request, baseURL }) => {
    const unpublished = unpublishedArticles();
    expect(unpublished.map((a) => a.slug), 'the fixture draft and scheduled article').toEqual(
      expect.arrayContaining([DRAFT.slug, SCHEDULED.slug]),
    );
    const needles = leakNeedles(unpublished);
    const problems: string[] = [];
    const check = (what: string, body: string, against = needles) => {
      for (const leak of leaksIn(body, against)) problems.push(`${what}: ${leak}`);
    };

    const existing: string[] = [];
    for (const endpoint of OPTIONAL_ENDPOINTS) {
      const status = (await request.get(endpoint, { maxRedirects: 0 })).status();
      if (status === 200) existing.push(endpoint);
      else if (status !== 404) problems.push(`${endpoint}: status ${status} (expected 200, or 404 while it does not exist)`);
    }
    // The sitemap index's files, each checked like the index.
    if (existing.includes('/sitemap.xml')) existing.push(...(await readSitemap(request)).files.map((file) => file.path).filter((path) => path !== '/sitemap.xml'));
    test.info().annotations.push({ type: 'optional endpoints that exist', description: existing.join(', ') || 'none' });

    // Home, /news, every article and page linked from them (identifier pages, related stories,
    // topic pages once they exist), and the optional endpoints and whatever they link to.
    const pages = await crawl(request, baseURL!, ['/', '/news', ...existing]);
    for (const fetched of pages) {
      if (fetched.status >= 500) problems.push(`${fetched.path}: status ${fetched.status}`);
      if (fetched.setCookie?.includes(DRAFT_MODE_COOKIE)) problems.push(`${fetched.path}: sets ${DRAFT_MODE_COOKIE}`);
      check(fetched.path, fetched.body);
    }
    // The RSC payloads a client-side navigation fetches instead of the HTML.
    for (const fetched of pages.filter((p) => p.status === 200 && !/\.(xml|json|txt)$/.test(p.path.split('?')[0]!))) {
      const response = await rscPayload(request, fetched.path);
      if (response.status !== 200) problems.push(`${fetched.path} (RSC payload): status ${response.status}`);
      check(`${fetched.path} (RSC payload)`, response.body);
    }

    const crawled = pages.map((p) => p.path);
    expect(crawled, 'the crawl reached the seed article').toContain(seed.path);
    expect(crawled.filter((p) => p.startsWith('/news/')).length, 'articles crawled').toBeGreaterThan(3);

    // The unpublished URLs themselves: 404, and the 404 says nothing of the article. (Its own path
    // is no leak there: Next's payload names the requested path.)
    const withoutPaths = leakNeedles(unpublished, { paths: false });
    for (const { slug } of unpublished) {
      const page = await request.get(`/news/${slug}`, { maxRedirects: 0 });
      const payload = await rscPayload(request, `/news/${slug}`);
      for (const [what, status, body] of [
        [`/news/${slug}`, page.status(), await page.text()],
        [`/news/${slug} (RSC payload)`, payload.status, payload.body],
      ] as const) {
        if (status !== 404) problems.push(`${what}: status ${status}, expected 404`);
        check(what, body, withoutPaths);
      }
    }
    const staffPage = await request.get('/preview', { maxRedirects: 0 });
    if (!(await deskClosed(staffPage))) problems.push(`/preview without preview: status ${staffPage.status()}, expected the desk closed`);
    check('/preview', await staffPage.text());

    expect(problems).toEqual([]);
  });

  test('a valid preview link shows the draft with its figure and the status alert, uncached and unindexed', async ({
    page,
    request,
    expectNoAxeViolations,
  }) => {
    const draft = article(DRAFT.slug);
    const response = await openPreview(page, DRAFT.slug);

    const link = response.request().redirectedFrom();
    expect(link, 'the link redirected to the article').not.toBeNull();
    const linkResponse = await link!.response();
    expect(linkResponse?.status(), 'the link answers with a redirect').toBe(307);
    expect(linkResponse?.headers()['location'], 'it redirects to the article path').toBe(DRAFT.path);
    // headers() leaves out cookie headers; allHeaders() has them.
    const setCookie = (await linkResponse!.allHeaders())['set-cookie'] ?? '';
    expect(setCookie, 'it starts the link session').toContain(`${PREVIEW_COOKIE}=`);
    expect(setCookie, 'Next.js Draft Mode cookie (its value is the revalidation secret) never reaches the browser').not.toContain(
      DRAFT_MODE_COOKIE,
    );
    const cookie = await previewCookie(page);
    expect(cookie, 'the link session cookie').toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expectPreviewHeaders(linkResponse!, '/api/preview');
    expectPreviewHeaders(response, DRAFT.path);

    const alert = alertOf(page);
    await expect(alert).toHaveClass(/\busa-site-alert\b/);
    expect(
      await page.locator('main').evaluate((main) => main.querySelector('section.usa-site-alert') === main.firstElementChild),
      'the alert is the first thing in <main>',
    ).toBe(true);
    const status = alert.getByRole('status');
    await expect(status).toContainText('Draft preview — not public');
    await expect(status).toContainText('Status: Draft');
    const exit = alert.getByRole('button', { name: 'Exit preview' });
    await expect(exit).toBeVisible();
    const form = alert.locator('form', { has: page.getByRole('button', { name: 'Exit preview' }) });
    await expect(form).toHaveAttribute('method', /^post$/i);
    await expect(form).toHaveAttribute('action', '/api/preview/exit');
    await expect(form.locator('input[type="hidden"][name="returnTo"]')).toHaveValue(DRAFT.path);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(draft.title);
    await expect(page.locator('h1')).toHaveCount(1);
    const figure = page.locator('main article figure').filter({ hasText: 'VIRIN: 261120-D-ZZ123-1001' });
    await expect(figure).toHaveCount(1);
    const caption = figure.locator('figcaption');
    await expect(caption).toContainText('Credit: DOD photo');
    await expect(caption).toContainText('VIRIN: 261120-D-ZZ123-1001');
    const image = figure.locator('img');
    await expect(image).toHaveAttribute('alt', 'A placeholder photo for a draft article about base housing.');
    const src = await image.getAttribute('src');
    expect((await page.request.get(src!)).status(), `the figure's image ${src} in preview`).toBe(200);
    expect((await request.get(src!)).status(), `the figure's image ${src} without the preview cookie`).toBe(404);

    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /\bnoindex\b/);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');

    await expectNoAxeViolations(page, 'draft preview');
  });

  test('a scheduled article previews as "Scheduled for Jan. 1, 2099 9:00 AM ET" with its lead image', async ({ page }) => {
    const scheduled = article(SCHEDULED.slug);
    const response = await openPreview(page, SCHEDULED.slug);
    expectPreviewHeaders(response, SCHEDULED.path);
    const status = alertOf(page).getByRole('status');
    await expect(status.getByText(/^Status:/)).toHaveText('Status: Scheduled for Jan. 1, 2099 9:00 AM ET');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(scheduled.title);
    await expect(page.locator('main article figure').filter({ hasText: 'VIRIN: 990101-D-ZZ123-1001' })).toHaveCount(1);
  });

  test('the seed article in preview lists its content warnings for staff', async ({ page }) => {
    await openPreview(page, seed.slug);
    const status = alertOf(page).getByRole('status');
    await expect(status.getByText(/^Status:/)).toHaveText('Status: Published June 13, 2023');
    await expect(status).toContainText('Content warnings for staff:');
    const warnings = status.getByRole('listitem');
    await expect(warnings).toHaveCount(3);
    const texts = await warnings.allTextContents();
    expect(texts.filter((text) => /legacy 3-digit sequence/.test(text)), texts.join('\n')).toHaveLength(2);
    expect(texts.filter((text) => /summary is 165 characters/.test(text)), texts.join('\n')).toHaveLength(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  });

  test('for staff, listings tag drafts and scheduled articles', async ({ page, baseURL }) => {
    const unpublished = unpublishedArticles();
    const tagFor = (state: UnpublishedArticle['state']) => (state === 'draft' ? 'Draft' : 'Scheduled');
    await actAsStaff(page, baseURL!);

    for (const listing of ['/', '/news']) {
      await test.step(listing, async () => {
        const response = await page.goto(listing);
        expect(response?.status()).toBe(200);
        expectPreviewHeaders(response!, listing);
        await expect(alertOf(page)).toBeVisible();
        const cards = await articleCards(page);
        const shown = unpublished.filter((a) => cards.some((card) => card.path === `/news/${a.slug}`));
        // Home shows the newest few only; /news shows them all.
        if (listing === '/news') expect(shown.map((a) => a.slug).sort()).toEqual(unpublished.map((a) => a.slug).sort());
        expect(new Set(shown.map((a) => a.state)), `${listing} shows a draft and a scheduled article`).toEqual(
          new Set(['draft', 'scheduled']),
        );
        for (const a of shown) {
          const card = page.locator('main .usa-card').filter({ has: page.locator(`a[href="/news/${a.slug}"]`) });
          await expect(card.locator('.usa-tag'), `${listing}: tag on ${a.slug}`).toHaveText(tagFor(a.state));
        }
        const publicCard = page.locator('main .usa-card').filter({ has: page.locator(`a[href="${seed.path}"]`) });
        if (listing === '/news') await expect(publicCard.locator('.usa-tag'), 'no tag on a published article').toHaveCount(0);
      });
    }
  });

  test('exit is a POST that returns to the public view and ends preview', async ({ page, consoleErrors }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);

    const exitAndLand = async (path: string) => {
      const exitResponse = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/preview/exit');
      const landing = page.waitForResponse(
        (r) => new URL(r.url()).pathname === path && r.request().method() === 'GET' && r.request().isNavigationRequest(),
      );
      await alertOf(page).getByRole('button', { name: 'Exit preview' }).click();
      const exit = await exitResponse;
      expect(exit.request().method()).toBe('POST');
      expect(exit.status()).toBe(303);
      expect(exit.headers()['location']).toBe(path);
      return landing;
    };

    await test.step('from a draft: the home page (a draft has no public address to return to)', async () => {
      await openPreview(page, DRAFT.slug);
      const landing = await exitAndLand('/');
      expect(landing.status()).toBe(200);
      await expect(page).toHaveURL((url) => url.pathname === '/');
      await expect(alertOf(page)).toHaveCount(0);
      await expect(page.locator('body')).not.toContainText(SENTINELS[0]!);
      expect(await previewCookie(page), 'link session cookie after exit').toBeUndefined();
      expect((await page.goto(DRAFT.path))?.status(), 'the draft after exit').toBe(404);
      expect(await deskClosed(await page.request.get('/preview', { maxRedirects: 0 })), '/preview after exit').toBe(true);
    });

    await test.step('from a published article: its public page without the alert', async () => {
      await openPreview(page, seed.slug);
      const landing = await exitAndLand(seed.path);
      expect(landing.status()).toBe(200);
      expect(landing.headers()['x-robots-tag'] ?? '', 'the public page is indexable').not.toContain('noindex');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
      await expect(alertOf(page)).toHaveCount(0);
      expect(await previewCookie(page), 'link session cookie after exit').toBeUndefined();
      expect(await deskClosed(await page.request.get('/preview', { maxRedirects: 0 })), '/preview after exit').toBe(true);
    });
  });

  test('a GET to /api/preview/exit does not end preview', async ({ page }) => {
    await openPreview(page, DRAFT.slug);
    const response = await page.request.get('/api/preview/exit', { maxRedirects: 0 });
    expect(response.status(), 'GET /api/preview/exit').toBe(405);
    expect(response.headers()['set-cookie'] ?? '', 'no cookie change').not.toContain(PREVIEW_COOKIE);
    expect(await previewCookie(page), 'link session cookie after the GET').toBeDefined();
    expect((await page.goto(DRAFT.path))?.status(), 'the draft after the GET').toBe(200);
    await expect(alertOf(page)).toBeVisible();
  });

  test('forged, tampered, expired, malformed and missing tokens are refused with 401 and set no cookie', async ({
    playwright,
    baseURL,
  }) => {
    const valid = previewToken(DRAFT.slug);
    const [slug, expires, signature] = valid.split('.') as [string, string, string];
    const NOT_ISSUED = 'This preview link was not issued by this site.';
    const DAMAGED = 'This preview link is damaged or incomplete.';
    const cases: { name: string; token: string | undefined; says: string }[] = [
      { name: 'forged (signed with another secret)', token: previewToken(DRAFT.slug, { secret: randomBytes(32).toString('base64') }), says: NOT_ISSUED },
      { name: 'tampered slug', token: `${SCHEDULED.slug}.${expires}.${signature}`, says: NOT_ISSUED },
      { name: 'tampered expiry', token: `${slug}.${Number(expires) + 86_400}.${signature}`, says: NOT_ISSUED },
      { name: 'expired', token: previewToken(DRAFT.slug, { expiresAt: new Date(Date.now() - 60_000) }), says: 'This preview link has expired.' },
      { name: 'truncated signature', token: valid.slice(0, -2), says: DAMAGED },
      { name: 'non-base64 signature', token: `${slug}.${expires}.${'!'.repeat(43)}`, says: DAMAGED },
      { name: 'garbage', token: 'not-a-token', says: DAMAGED },
      { name: 'three garbage parts', token: 'a.b.c', says: DAMAGED },
      { name: 'empty', token: '', says: 'This address has no preview token.' },
      { name: 'missing', token: undefined, says: 'This address has no preview token.' },
    ];
    for (const { name, token, says } of cases) {
      await test.step(name, async () => {
        const api = await playwright.request.newContext({ baseURL });
        try {
          const url = token === undefined ? '/api/preview' : `/api/preview?token=${encodeURIComponent(token)}`;
          const response = await api.get(url, { maxRedirects: 0 });
          expect.soft(response.status(), `${name}: status`).toBe(401);
          expect.soft(response.headers()['set-cookie'], `${name}: Set-Cookie`).toBeUndefined();
          expect.soft(response.headers()['location'], `${name}: Location`).toBeUndefined();
          const body = await response.text();
          expect.soft(body, `${name}: page`).toContain('This preview link does not work');
          expect.soft(body, `${name}: reason`).toContain(says);
          expectPreviewHeaders(response, name);
          expect.soft((await api.get(DRAFT.path, { maxRedirects: 0 })).status(), `${name}: the draft afterwards`).toBe(404);
          expect.soft((await api.storageState()).cookies, `${name}: cookies kept`).toEqual([]);
        } finally {
          await api.dispose();
        }
      });
    }
  });

  test('a made-up Draft Mode cookie opens nothing', async ({ request }) => {
    // Next accepts only the build's own preview id as the cookie's value.
    const headers = { Cookie: `${DRAFT_MODE_COOKIE}=${randomBytes(16).toString('hex')}` };
    for (const url of [DRAFT.path, SCHEDULED.path]) {
      expect((await request.get(url, { headers, maxRedirects: 0 })).status(), `${url} with a made-up cookie`).toBe(404);
    }
    expect(await deskClosed(await request.get('/preview', { headers, maxRedirects: 0 })), '/preview with a made-up cookie').toBe(true);
    for (const url of ['/', '/news']) {
      const body = await (await request.get(url, { headers, maxRedirects: 0 })).text();
      expect(leaksIn(body, leakNeedles()), `${url} with a made-up cookie`).toEqual([]);
    }
  });

  test('a validly signed link to an unknown slug answers 404 and sets no cookie', async ({ request }) => {
    const response = await request.get(previewLink('no-such-article-anywhere'), { maxRedirects: 0 });
    expect(response.status()).toBe(404);
    expect(response.headers()['set-cookie']).toBeUndefined();
    expect(response.headers()['location']).toBeUndefined();
    expect(await response.text()).toContain('The article this link points to no longer exists.');
    expectPreviewHeaders(response, 'unknown slug');
    expect(await deskClosed(await request.get('/preview', { maxRedirects: 0 })), '/preview afterwards').toBe(true);
  });

  test('preview links and exit never redirect off the site', async ({ playwright, baseURL }) => {
    const [, expires, signature] = previewToken(DRAFT.slug).split('.') as [string, string, string];
    const withApi = async (run: (api: APIRequestContext) => Promise<void>) => {
      const api = await playwright.request.newContext({ baseURL });
      try {
        await run(api);
      } finally {
        await api.dispose();
      }
    };

    await test.step('redirect parameters next to a valid token are ignored', async () => {
      await withApi(async (api) => {
        const evil = encodeURIComponent('https://evil.example/');
        const response = await api.get(
          `${previewLink(DRAFT.slug)}&redirect=${evil}&returnTo=${evil}&next=${evil}&url=${evil}&slug=..%2f..%2f`,
          { maxRedirects: 0 },
        );
        expect(response.status()).toBe(307);
        expect(response.headers()['location']).toBe(DRAFT.path);
        // Also shows that the refusals' missing Set-Cookie is no blind spot of headers().
        expect(response.headers()['set-cookie'] ?? '').toContain(`${PREVIEW_COOKIE}=`);
      });
    });

    for (const slug of ['..%2f..%2fevil', '%2f%2fevil.example', '..', 'https:%2f%2fevil.example']) {
      await test.step(`a token whose slug is ${slug}`, async () => {
        await withApi(async (api) => {
          const response = await api.get(`/api/preview?token=${slug}.${expires}.${signature}`, { maxRedirects: 0 });
          expect(response.status()).toBe(401);
          expect(response.headers()['location']).toBeUndefined();
          expect(response.headers()['set-cookie']).toBeUndefined();
        });
      });
    }

    for (const [returnTo, expected] of [
      ['https://evil.example/', '/'],
      ['//evil.example', '/'],
      ['/\\evil.example', '/'],
      ['/news/../../evil', '/'],
      [seed.path, seed.path],
    ] as const) {
      await test.step(`exit with returnTo=${returnTo}`, async () => {
        await withApi(async (api) => {
          const response = await api.post('/api/preview/exit', {
            form: { returnTo },
            headers: { Origin: new URL(baseURL!).origin },
            maxRedirects: 0,
          });
          expect(response.status()).toBe(303);
          expect(response.headers()['location']).toBe(expected);
        });
      });
    }
  });
});

function expiredAlertOf(page: Page) {
  return page.getByRole('region', { name: 'Preview expired' });
}

/** Whether a response deletes `name` (a Set-Cookie for it expiring in the past). */
function deletesCookie(setCookie: string | undefined, name: string): boolean {
  return (setCookie ?? '').split('\n').some((line) => line.startsWith(`${name}=;`) && /Expires=Thu, 01 Jan 1970/.test(line));
}

/** The public pages a link's session might see drafts on, when its scope were wider than its article. */
const LISTINGS = ['/', '/news', '/topics', '/topics/readiness'];

test.describe('preview link sessions: one article, until the link expires', () => {
  test('an expired link session shows the public site and says the link expired, then deletes its cookie', async ({
    page,
    baseURL,
    expectNoAxeViolations,
    consoleErrors,
  }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    // Sealed exactly as /api/preview does, with the server's secret, but expired a minute ago.
    const expired = previewSessionCookie(DRAFT.slug, { expiresAt: new Date(Date.now() - 60_000) });
    await page.context().addCookies([{ name: PREVIEW_COOKIE, value: expired, url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);

    const draft = await page.goto(DRAFT.path);
    expect(draft?.status(), 'the draft with an expired session').toBe(404);
    await expect(expiredAlertOf(page)).toContainText('This preview link has expired');
    await expect(expiredAlertOf(page)).toContainText('ask the person who sent you the link for a new one');
    await expect(alertOf(page)).toHaveCount(0);
    expect(leaksIn(await page.content(), leakNeedles(unpublishedArticles(), { paths: false }))).toEqual([]);
    expect(deletesCookie((await draft!.allHeaders())['set-cookie'], PREVIEW_COOKIE), 'the response deletes the cookie').toBe(true);
    expect(await previewCookie(page), 'the browser dropped it').toBeUndefined();

    // The same again on a listing, which must be the public one.
    await page.context().addCookies([{ name: PREVIEW_COOKIE, value: expired, url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);
    const home = await page.goto('/');
    expect(home?.status()).toBe(200);
    await expect(expiredAlertOf(page)).toBeVisible();
    expect(leaksIn(await page.content(), leakNeedles())).toEqual([]);
    await expectNoAxeViolations(page, 'expired preview notice');

    // Once the cookie is gone, the plain public site without the notice.
    await page.goto('/news');
    await expect(expiredAlertOf(page)).toHaveCount(0);
  });

  test('a link that expires while the reviewer reads ends the preview with the expired notice', async ({ page, consoleErrors }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    const expiresAt = new Date(Math.ceil((Date.now() + 4_000) / 1000) * 1000);
    const opened = await page.goto(previewLink(DRAFT.slug, { expiresAt }));
    expect(opened?.status()).toBe(200);
    await expect(alertOf(page)).toBeVisible();
    await sleep(Math.max(0, expiresAt.getTime() - Date.now()) + 1_000);
    const after = await page.reload();
    expect(after?.status(), 'the draft after its link expired').toBe(404);
    await expect(expiredAlertOf(page)).toBeVisible();
    await expect(alertOf(page)).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(SENTINELS[0]!);
  });

  test('a link opens its own article and nothing else: no other draft, image, listing or /preview', async ({
    page,
    baseURL,
    consoleErrors,
  }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    await openPreview(page, DRAFT.slug);
    const other = await page.goto(SCHEDULED.path);
    expect(other?.status(), 'the scheduled article with the draft’s link session').toBe(404);
    await expect(page.locator('body')).not.toContainText(SCHEDULED_SENTINEL);
    expect((await page.request.get(SCHEDULED.image)).status(), 'the scheduled article’s image').toBe(404);
    expect(await deskClosed(await page.request.get('/preview', { maxRedirects: 0 })), '/preview with a link session').toBe(true);
    const others = unpublishedArticles().filter((a) => a.slug !== DRAFT.slug);
    for (const listing of LISTINGS) {
      const response = await page.goto(listing);
      expect(response?.status(), listing).toBe(200);
      const body = await page.content();
      expect(leaksIn(body, leakNeedles()), `${listing} with a link session`).toEqual([]);
      expect(body, `${listing}: no draft tag`).not.toMatch(/class="usa-tag[^"]*"[^>]*>(Draft|Scheduled)</);
    }
    expect(others.length, 'there is another unpublished article to be kept from').toBeGreaterThan(0);
    // Still its own article, after all that.
    expect((await page.goto(DRAFT.path))?.status()).toBe(200);
    await expect(alertOf(page)).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });

  test('Next’s previewModeId, sent as the Draft Mode cookie without a link session, opens nothing', async ({ page, request }) => {
    await openPreview(page, DRAFT.slug);
    const id = buildPreviewModeId();
    const held = await page.context().cookies();
    expect(
      held.filter((cookie) => cookie.value.includes(id)).map((cookie) => cookie.name),
      'a previewing browser holds no cookie carrying the build’s previewModeId',
    ).toEqual([]);
    expect(held.map((cookie) => cookie.name)).toEqual([PREVIEW_COOKIE]);

    const headers = { Cookie: `${DRAFT_MODE_COOKIE}=${id}` };
    for (const url of [DRAFT.path, SCHEDULED.path, SCHEDULED.image]) {
      expect((await request.get(url, { headers, maxRedirects: 0 })).status(), `${url} with the real bypass value alone`).toBe(404);
    }
    expect(await deskClosed(await request.get('/preview', { headers, maxRedirects: 0 })), '/preview with the real bypass value alone').toBe(true);
    for (const url of LISTINGS) {
      const response = await request.get(url, { headers, maxRedirects: 0 });
      expect(leaksIn(await response.text(), leakNeedles()), `${url} with the real bypass value alone`).toEqual([]);
      expect(deletesCookie(response.headers()['set-cookie'], DRAFT_MODE_COOKIE), `${url} deletes the bypass cookie`).toBe(true);
    }
  });

  test('revalidation headers with anything a visitor was given trigger no revalidation', async ({ page, request }) => {
    await openPreview(page, DRAFT.slug);
    const given = (await page.context().cookies()).map((cookie) => cookie.value);
    // Warm: the cached /news.
    await request.get('/news');
    for (const value of [...given, randomBytes(16).toString('hex')]) {
      for (const header of ['x-prerender-revalidate', 'x-prerender-revalidate-if-generated']) {
        const headers = { 'x-prerender-revalidate': value, ...(header === 'x-prerender-revalidate' ? {} : { [header]: '1' }) };
        const response = await request.get('/news', { headers, maxRedirects: 0 });
        expect.soft(response.status(), `${header}`).toBe(200);
        expect.soft(response.headers()['x-nextjs-cache'], `${header}: served from the cache, not revalidated`).toMatch(/^(HIT|STALE)$/);
      }
    }
  });

  test('exit returns only to public addresses, and only for a form sent from the site itself', async ({ playwright, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const api = await playwright.request.newContext({ baseURL });
    try {
      const exit = (returnTo: string, headers: Record<string, string> = { Origin: origin }) =>
        api.post('/api/preview/exit', { form: { returnTo }, headers, maxRedirects: 0 });
      for (const [returnTo, expected] of [
        [DRAFT.path, '/'],
        [SCHEDULED.path, '/'],
        ['/news/no-such-article-anywhere', '/'],
        ['/news/page/999', '/'],
        ['/topics/no-such-topic', '/'],
        [seed.path, seed.path],
        ['/news', '/news'],
        ['/news/page/2', '/news/page/2'],
        ['/topics/readiness', '/topics/readiness'],
        ['/about', '/about'],
      ] as const) {
        const response = await exit(returnTo);
        expect.soft(response.status(), returnTo).toBe(303);
        expect.soft(response.headers()['location'], `exit to ${returnTo}`).toBe(expected);
      }
      for (const [label, headers] of [
        ['another site', { Origin: 'https://evil.example' }],
        ['a look-alike host', { Origin: `${origin}.evil.example` }],
        ['an opaque origin', { Origin: 'null' }],
        ['no Origin', {}],
      ] as const) {
        const response = await exit(seed.path, headers);
        expect.soft(response.status(), `exit from ${label}`).toBe(403);
        expect.soft(response.headers()['location'], `exit from ${label}`).toBeUndefined();
        expect.soft(response.headers()['set-cookie'], `exit from ${label}: no cookie change`).toBeUndefined();
      }
      const get = await api.get(`/api/preview/exit?returnTo=${encodeURIComponent(DRAFT.path)}`, { maxRedirects: 0 });
      expect(get.status(), 'GET does nothing').toBe(405);
      expect(get.headers()['location']).toBeUndefined();
    } finally {
      await api.dispose();
    }
  });
});

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.once('listening', () => server.close(() => resolve(true)));
    server.listen(port, '127.0.0.1');
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// These need the local build and content files; a BASE_URL audit (a deployment) has neither.
// The describe is registered only without BASE_URL, so no test is ever skipped.
if (!process.env.BASE_URL) {
  test.describe('staff preview against the local build', () => {
    test('no file of the build output contains a sentinel', () => {
      expect(existsSync(path.join(ROOT, '.next', 'BUILD_ID')), 'a production build in .next (npm run build)').toBe(true);
      // .next/cache holds the compiler's and image optimizer's caches, not the build output.
      // .next/dev is `next dev`'s output (a colleague's dev server previews drafts there).
      const skip = (full: string) => ['cache', 'dev'].map((dir) => path.join(ROOT, '.next', dir)).includes(full);
      const files = [...textFilesUnder(path.join(ROOT, '.next'), skip), ...textFilesUnder(path.join(ROOT, 'public'))];
      const count = (ext: string) => files.filter((file) => file.endsWith(ext)).length;
      expect(count('.html'), 'prerendered HTML files scanned').toBeGreaterThan(0);
      expect(count('.rsc'), 'RSC payload files scanned').toBeGreaterThan(0);
      expect(count('.js'), 'JavaScript files scanned').toBeGreaterThan(0);
      // The indexes the build ships (decision 0024): SQLite files, scanned byte for byte like the rest.
      for (const index of ['content-index.db', 'search-index.db']) expect(files, `${index} scanned`).toContain(path.join(ROOT, '.next', index));
      test.info().annotations.push({ type: 'files scanned', description: String(files.length) });
      // The run's preview secret too: it must never be built into anything.
      const needles = [...SENTINELS, ...(process.env.PREVIEW_SECRET ? [process.env.PREVIEW_SECRET] : [])];
      expect(filesContaining(files, needles)).toEqual([]);
      // The index stores what search shows of each body deflated, where a byte scan cannot see: inflated, they are scanned too.
      const index = new Database(path.join(ROOT, '.next', 'content-index.db'), { readonly: true });
      try {
        const passages = (index.prepare('SELECT passages FROM details').pluck().all() as Buffer[]).map((blob) => inflateSync(blob).toString('utf8'));
        expect(passages.length, 'passages inflated').toBeGreaterThan(0);
        expect(needles.filter((needle) => passages.some((text) => text.includes(needle)))).toEqual([]);
      } finally {
        index.close();
      }
    });

    test('after PREVIEW_SECRET changes, an earlier link session grants nothing and says it expired', async ({ page, playwright }) => {
      test.slow();
      // +1 is the scheduled-publication test's, which may run beside this one on two workers.
      const PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
      expect(await portIsFree(PORT), `port ${PORT} is free for a second server`).toBe(true);
      await openPreview(page, DRAFT.slug);
      const cookies = await page.context().cookies();
      const server = startSecondServer(PORT, { PREVIEW_SECRET: randomBytes(32).toString('base64') });
      const api = await playwright.request.newContext({ baseURL: server.baseURL });
      try {
        for (let answered = false; !answered; ) {
          expect(server.child.exitCode, `the server exited:\n${server.output()}`).toBeNull();
          expect(Date.now() - server.spawnedAt, `the server answers within 30 s:\n${server.output()}`).toBeLessThan(30_000);
          answered = await api.get('/robots.txt', { timeout: 2_000 }).then(() => true, () => false);
          if (!answered) await sleep(200);
        }
        // Everything the first server's preview left in the browser, plus the bypass value of the old design.
        const cookie = [...cookies.map((c) => `${c.name}=${c.value}`), `${DRAFT_MODE_COOKIE}=${buildPreviewModeId()}`].join('; ');
        expect.soft(await deskClosed(await api.get('/preview', { headers: { Cookie: cookie }, maxRedirects: 0 })), '/preview after the rotation').toBe(true);
        for (const url of [DRAFT.path, SCHEDULED.path]) {
          const response = await api.get(url, { headers: { Cookie: cookie }, maxRedirects: 0 });
          expect.soft(response.status(), `${url} after the rotation`).toBe(404);
          const body = await response.text();
          expect.soft(leaksIn(body, leakNeedles(unpublishedArticles(), { paths: false })), url).toEqual([]);
          if (url === DRAFT.path) {
            expect.soft(body, `${url}: the expired notice`).toContain('This preview link has expired');
            expect.soft(deletesCookie(response.headers()['set-cookie'], PREVIEW_COOKIE), `${url}: deletes the cookie`).toBe(true);
          }
        }
        const home = await api.get('/', { headers: { Cookie: cookie } });
        const body = await home.text();
        expect(home.status()).toBe(200);
        expect(body, 'home after the rotation: the expired notice').toContain('This preview link has expired');
        expect(leaksIn(body, leakNeedles()), 'home after the rotation').toEqual([]);
      } finally {
        await test.info().attach('second server.log', { body: server.output(), contentType: 'text/plain' });
        await api.dispose();
        await server.stop();
      }
    });

    test('editing the draft file shows on reload without a rebuild', async ({ page }) => {
      const file = path.join(ROOT, DRAFT.file);
      const original = readFileSync(file);
      const { atime, mtime } = statSync(file);
      const sentence = `Edited by an end-to-end test, ${randomUUID()}.`;
      await openPreview(page, DRAFT.slug);
      await expect(page.locator('main article')).not.toContainText(sentence);
      try {
        writeFileSync(file, Buffer.concat([original, Buffer.from(`\n${sentence}\n`)]));
        await page.reload();
        await expect(page.locator('main article')).toContainText(sentence);
        await expect(alertOf(page)).toBeVisible();
      } finally {
        writeFileSync(file, original);
        // The old mtime too, so the build does not look older than its content.
        utimesSync(file, atime, mtime);
      }
      expect(readFileSync(file).equals(original), `${DRAFT.file} restored byte for byte`).toBe(true);
    });

    test('a scheduled article goes public on its own when its time comes, without a rebuild', async ({ playwright }) => {
      test.slow();
      test.setTimeout(240_000);
      const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
      // The server's clock starts this long before the article's time. It must cover the start and
      // the first, cold render (which reads and checks every content file) on a busy 2-core machine:
      // 5 s was too short once content/news held 19 articles.
      const LEAD = 15_000;
      const POLL = 2_000;
      expect(await portIsFree(PORT), `port ${PORT} is free for a second server`).toBe(true);
      const scheduled = article(SCHEDULED.slug);
      const searchFor = `/search?q=${SCHEDULED_SENTINEL}`;

      const clockStart = SCHEDULED.publishAt - LEAD;
      const server = startSecondServer(PORT, {
        NEWSROOM_CLOCK_START: new Date(clockStart).toISOString(),
        PREVIEW_SECRET: previewSecret(),
      });
      // The server's clock starts no earlier than the spawn, so this is the latest it can read.
      const serverClock = () => clockStart + (Date.now() - server.spawnedAt);
      const secondsAfter = (clock: number) => ((clock - SCHEDULED.publishAt) / 1000).toFixed(1);
      const api = await playwright.request.newContext({ baseURL: server.baseURL });
      const log: string[] = [];
      try {
        for (let answered = false; !answered; ) {
          expect(server.child.exitCode, `the server exited:\n${server.output()}`).toBeNull();
          expect(Date.now() - server.spawnedAt, `the server answers within 30 s:\n${server.output()}`).toBeLessThan(30_000);
          answered = await api
            .get('/api/preview', { maxRedirects: 0, timeout: 2_000 })
            .then(() => true)
            .catch(() => false);
          if (!answered) await sleep(100);
        }
        log.push(`server answered at ${secondsAfter(serverClock())} s`);

        let live: { clock: number; body: string } | undefined;
        let first = true;
        const pollUntil = Date.now() + 80_000;
        while (!live && Date.now() < pollUntil) {
          const response = await api.get(SCHEDULED.path, { maxRedirects: 0 });
          const clock = serverClock();
          const body = await response.text();
          log.push(`${secondsAfter(clock)} s: ${response.status()}`);
          if (first) {
            expect(clock, `the first request came before the scheduled time (server start took too long)\n${log.join('\n')}`).toBeLessThan(
              SCHEDULED.publishAt,
            );
            expect((await api.get(SCHEDULED.image)).status(), 'its lead image before its time').toBe(404);
            expect(await (await api.get(searchFor)).text(), 'search before its time').not.toContain(`href="${SCHEDULED.path}"`);
            first = false;
          }
          if (clock < SCHEDULED.publishAt) {
            expect(response.status(), `before its time\n${log.join('\n')}`).toBe(404);
          } else {
            expect([200, 404], log.join('\n')).toContain(response.status());
          }
          if (response.status() === 200) live = { clock, body };
          else {
            expect(SENTINELS.filter((s) => body.includes(s)), 'the 404 says nothing of the article').toEqual([]);
            await sleep(POLL);
          }
        }
        expect(live, `the article went live within 80 s of polling\n${log.join('\n')}\n${server.output()}`).toBeDefined();
        expect(live!.clock - SCHEDULED.publishAt, `seconds after its time\n${log.join('\n')}`).toBeLessThanOrEqual(75_000);
        const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(live!.body)?.[1] ?? '';
        expect(h1, 'the live page has the article title').toBe(scheduled.title);
        expect(live!.body, 'the live page is the public one').not.toContain('Draft preview');
        expect((await api.get(SCHEDULED.image)).status(), 'its lead image once live').toBe(200);
        // The search index is rebuilt for the new public set: no rebuild of the site needed.
        expect(await (await api.get(searchFor)).text(), 'search once live').toContain(`href="${SCHEDULED.path}"`);

        const listed = `href="${SCHEDULED.path}"`;
        let onNews: number | undefined;
        const newsUntil = Date.now() + 65_000;
        while (onNews === undefined && Date.now() < newsUntil) {
          const response = await api.get('/news', { maxRedirects: 0 });
          expect(response.status()).toBe(200);
          const clock = serverClock();
          const shown = (await response.text()).includes(listed);
          log.push(`${secondsAfter(clock)} s: /news ${shown ? 'lists it' : 'does not list it yet'}`);
          if (shown) onNews = clock;
          else await sleep(POLL);
        }
        expect(onNews, `/news listed the article within 65 s of it going live\n${log.join('\n')}`).toBeDefined();
        test.info().annotations.push({
          type: 'scheduled article',
          description: `${log[0]}; live ${secondsAfter(live!.clock)} s after its time; on /news ${secondsAfter(onNews!)} s after`,
        });
      } finally {
        await test.info().attach('second server.log', { body: `${log.join('\n')}\n\n${server.output()}`, contentType: 'text/plain' });
        await api.dispose();
        await server.stop();
      }
    });
  });
}
