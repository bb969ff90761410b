/**
 * The staff desk behind sign-in: staff sign in at a real OpenID provider started by the harness
 * (e2e/support/oidc-test-provider.mjs, oidc-provider 9), and every way in that is not a fresh,
 * allow-listed sign-in is refused, tried from the outside as an attacker would.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { sealStaffSession, STAFF_COOKIE } from '../lib/auth/staff-session';
import { sealPreviewSession } from '../lib/preview/session';
import { verifyPreviewToken } from '../lib/preview/token';
import { expect, test } from './fixtures';
import { unpublishedArticles } from './support/content';
import { oidcIssuer, PORT } from './support/playwright-base';
import { DRAFT, DRAFT_MODE_COOKIE, DRAFT_SENTINEL, leakNeedles, leaksIn, previewSecret, ROOT, SCHEDULED, startSecondServer } from './support/preview';

const HOUR = 3_600_000;
const STAFF = { email: 'staff@agency.example.gov', name: 'Sam Staffer' };
const OUTSIDER = 'someone@example.com';
const UNVERIFIED = 'unverified@agency.example.gov';

const titleOf = (slug: string) => unpublishedArticles().find((article) => article.slug === slug)?.title ?? slug;

/** Goes to /preview, which sends a signed-out visitor to the provider, and signs in there as `email`. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/preview');
  await expect(page).toHaveURL((url) => url.href.startsWith(oidcIssuer));
  await page.getByRole('button', { name: `Sign in as ${email}` }).click();
}

async function staffCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === STAFF_COOKIE);
}

async function addStaffCookie(context: BrowserContext, value: string) {
  await context.addCookies([
    { name: STAFF_COOKIE, value, url: test.info().project.use.baseURL ?? '', httpOnly: true, secure: true, sameSite: 'Lax', expires: Date.now() / 1000 + 3600 },
  ]);
}

/** The desk shows nothing of a draft: no sentinel, no unpublished title or path. */
async function expectNothingRevealed(page: Page) {
  const body = await page.content();
  expect(leaksIn(body, leakNeedles()), 'draft details on the page').toEqual([]);
  await expect(page.getByRole('heading', { name: 'Drafts and scheduled articles', exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
}

/**
 * Where the provider would send this browser back after `account` signs in: the callback URL, not
 * opened. The browser starts the sign-in (so it holds the transaction cookie) and reaches the
 * provider's page; the provider's answer is then fetched with the browser's provider cookies, and
 * its redirects followed by hand up to the callback (Playwright cannot stop a redirect in the browser).
 */
async function answerFromProvider(page: Page, account: 'staff' | 'outsider'): Promise<URL> {
  await page.goto('/api/auth/sign-in?returnTo=/preview');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  const action = new URL((await page.locator('form').getAttribute('action')) ?? '', page.url());
  // All of the provider's cookies, whatever their path (context.cookies(url) leaves out /auth/<uid>'s).
  const providerHost = new URL(oidcIssuer).hostname;
  const jar = new Map(
    (await page.context().cookies()).filter((cookie) => cookie.domain === providerHost).map((cookie) => [cookie.name, cookie.value]),
  );
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  let response = await fetch(action, {
    method: 'POST',
    body: new URLSearchParams({ account }),
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  const hops: string[] = [];
  for (let hop = 0; hop < 5; hop++) {
    hops.push(`${response.status} ${response.headers.get('location') ?? ''}`);
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const location = new URL(response.headers.get('location') ?? '', action);
    if (location.pathname === '/api/auth/callback') return location;
    response = await fetch(location, { headers: { cookie: cookie() }, redirect: 'manual' });
  }
  throw new Error(`The provider never sent the browser back to the callback:\n${hops.join('\n')}`);
}

test.describe('the staff desk behind sign-in', () => {
  test('/preview without sign-in reveals no draft and sends the visitor to the provider', async ({ request }) => {
    const response = await request.get('/preview', { maxRedirects: 0 });
    expect([303, 307]).toContain(response.status());
    expect(response.headers().location).toBe('/api/auth/sign-in?returnTo=/preview');
    expect(leaksIn(await response.text(), leakNeedles())).toEqual([]);

    const start = await request.get('/api/auth/sign-in?returnTo=/preview', { maxRedirects: 0 });
    expect(start.status()).toBe(303);
    const location = new URL(start.headers().location ?? '');
    expect(location.origin).toBe(oidcIssuer);
    // Authorization code flow with PKCE S256, state and nonce.
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    for (const parameter of ['code_challenge', 'state', 'nonce']) expect(location.searchParams.get(parameter)?.length).toBeGreaterThanOrEqual(32);
    const transaction = start.headers()['set-cookie'] ?? '';
    expect(transaction).toMatch(/newsroom_oidc=[^;]+;/);
    expect(transaction).toMatch(/Path=\/api\/auth/);
    expect(transaction).toMatch(/HttpOnly/);
    expect(transaction).toMatch(/Secure/);
    expect(transaction).toMatch(/SameSite=lax/i);
  });

  test('without staff sign-in configured, /preview says so and reveals nothing', async ({ request }) => {
    // The same build, served without any OIDC_* or STAFF_* variable.
    const server = startSecondServer(PORT + 21, { PREVIEW_SECRET: previewSecret(), SITE_URL: `http://127.0.0.1:${PORT + 21}` });
    try {
      await expect.poll(async () => (await request.get(`${server.baseURL}/preview`).catch(() => undefined))?.status(), { timeout: 30_000 }).toBe(200);
      const response = await request.get(`${server.baseURL}/preview`, { maxRedirects: 0 });
      const body = await response.text();
      expect(body).toContain('Staff sign-in is not configured on this site, so the staff desk is closed.');
      expect(leaksIn(body, leakNeedles())).toEqual([]);
      expect((await request.get(`${server.baseURL}/api/auth/sign-in`, { maxRedirects: 0 })).status()).toBe(404);
    } finally {
      await server.stop();
    }
  });

  test('a staff member signs in, sees every draft and scheduled article with its warnings, and makes a link of a chosen expiry', async ({
    page,
    context,
    browser,
    blockScripts,
    expectNoAxeViolations,
  }) => {
    // A draft with a content warning (a summary past 160 characters), made for this test.
    const slug = `staff-desk-warning-${randomBytes(4).toString('hex')}`;
    const file = path.join(ROOT, 'content', 'news', `${slug}.md`);
    const folder = path.dirname(file);
    const { atime, mtime } = statSync(folder);
    writeFileSync(
      file,
      ['---', `title: Staff Desk Warning Example ${slug}`, `summary: ${'A summary that runs on well past what a search result shows. '.repeat(3)}`, 'date: 2026-11-01', 'topics: [Readiness]', 'status: draft', '---', 'Body.', ''].join('\n'),
    );
    // And a file with an error (an unknown status), which is in no list: the desk names it and its line.
    const broken = path.join(folder, `staff-desk-broken-${randomBytes(4).toString('hex')}.md`);
    writeFileSync(
      broken,
      ['---', 'title: Staff Desk Broken Example', `summary: ${'A summary long enough for the meta description rule. '.repeat(2)}`, 'date: 2026-11-01', 'topics: [Readiness]', 'status: pending', '---', 'Body.', ''].join('\n'),
    );
    try {
      await blockScripts(page);
      const before = Date.now();
      await signIn(page, STAFF.email);
      await expect(page).toHaveURL(/\/preview$/);
      await expect(page.getByText(`Signed in as ${STAFF.name} (${STAFF.email})`)).toBeVisible();

      const list = page.getByRole('list', { name: 'Drafts and scheduled articles, newest first' });
      for (const article of unpublishedArticles()) {
        const card = list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: article.title }) });
        await expect(card.locator('.usa-tag')).toHaveText(article.state === 'draft' ? 'Draft' : 'Scheduled');
      }
      const warned = list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Staff Desk Warning Example ${slug}` }) });
      await expect(warned).toContainText(/summary: summary is \d+ characters; search results and link previews show about 160/);
      await expect(list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: titleOf(DRAFT.slug) }) })).toContainText(
        'No content warnings.',
      );
      const errors = page.getByRole('region', { name: 'Files with errors' });
      await expect(errors.getByRole('heading', { name: `content/news/${path.basename(broken)}` })).toBeVisible();
      await expect(errors).toContainText(/Line 6: status: /);
      await expect(list).not.toContainText('Staff Desk Broken Example');
      await expectNoAxeViolations(page, 'staff desk');

      // The cookies: the staff session for 8 hours, same-site only; Next's Draft Mode cookie (its value is
      // also its revalidation secret) never reaches the browser (decision 0012).
      const session = await staffCookie(context);
      expect(session, 'newsroom_staff cookie').toBeDefined();
      expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
      expect(session!.expires * 1000).toBeGreaterThan(before + 8 * HOUR - 60_000);
      expect(session!.expires * 1000).toBeLessThan(Date.now() + 8 * HOUR + 60_000);
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(DRAFT_MODE_COOKIE);
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('newsroom_oidc');

      // A one-day link for the draft, made without JavaScript.
      const form = page.getByRole('form', { name: `Make a preview link for ${titleOf(DRAFT.slug)}` });
      const asked = Date.now();
      await form.getByRole('button', { name: '1 day' }).click();
      await expect(page).toHaveURL(`/preview?link=${DRAFT.slug}&expires=1d`);
      const made = page.getByRole('main').getByRole('status').filter({ hasText: 'Preview link for' });
      await expect(made).toContainText(titleOf(DRAFT.slug));
      const url = new URL((await page.getByTestId('preview-link').textContent()) ?? '');
      const verified = verifyPreviewToken(url.searchParams.get('token'), { secret: previewSecret() });
      expect(verified.ok && verified.slug).toBe(DRAFT.slug);
      const expiresAt = verified.ok ? verified.expiresAt.getTime() : 0;
      expect(expiresAt).toBeGreaterThanOrEqual(Math.floor((asked + 24 * HOUR) / 1000) * 1000 - 1000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 24 * HOUR);
      await expect(made.locator('time')).toHaveAttribute('datetime', new Date(expiresAt).toISOString());
      await expectNoAxeViolations(page, 'staff desk with a new link');

      // A slug that is not pending makes no link.
      await page.goto('/preview?link=not-an-article&expires=1d');
      await expect(page.getByRole('main').getByRole('alert')).toContainText('No link was made');
      await expect(page.getByTestId('preview-link')).toHaveCount(0);

      // Staff listings show drafts, tagged.
      await page.goto('/news');
      const draftCard = page.locator('main .usa-card').filter({ has: page.locator(`a[href="${DRAFT.path}"]`) });
      await expect(draftCard.locator('.usa-tag')).toHaveText('Draft');
      const scheduledCard = page.locator('main .usa-card').filter({ has: page.locator(`a[href="${SCHEDULED.path}"]`) });
      await expect(scheduledCard.locator('.usa-tag')).toHaveText('Scheduled');

      // The link opens the draft for someone who never signed in.
      const reviewer = await browser.newContext({ baseURL: test.info().project.use.baseURL });
      try {
        const other = await reviewer.newPage();
        await other.goto(url.pathname + url.search);
        await expect(other).toHaveURL(DRAFT.path);
        await expect(other.locator('main')).toContainText(DRAFT_SENTINEL);
        expect(await staffCookie(reviewer)).toBeUndefined();
      } finally {
        await reviewer.close();
      }
    } finally {
      // Nothing of the page may still be loading (Next prefetches the listing's links) when the file goes.
      await page.goto('about:blank');
      rmSync(file, { force: true });
      rmSync(broken, { force: true });
      // The folder's old mtime, so the build does not look older than its content.
      utimesSync(folder, atime, mtime);
    }
  });

  for (const [who, code, message] of [
    [OUTSIDER, 'not-staff', 'not on this site’s staff list'],
    [UNVERIFIED, 'email-unverified', 'did not confirm that your email address is verified'],
  ] as const) {
    test(`signing in as ${who}, not allowed, sets no staff cookie and says why`, async ({ page, context, expectNoAxeViolations }) => {
      await signIn(page, who);
      await expect(page).toHaveURL(`/preview?auth=${code}`);
      await expect(page.getByRole('main').getByRole('alert')).toContainText(message);
      expect(await staffCookie(context)).toBeUndefined();
      await expectNothingRevealed(page);
      await expectNoAxeViolations(page, `refused sign-in (${code})`);
      expect((await page.request.get(DRAFT.path, { maxRedirects: 0 })).status()).toBe(404);
    });
  }

  test('cancelling at the provider (error=access_denied) sets no staff cookie and says so', async ({ page, context }) => {
    await page.goto('/preview');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page).toHaveURL('/preview?auth=provider-refused');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('cancelled or refused at the sign-in provider');
    expect(await staffCookie(context)).toBeUndefined();
    await expectNothingRevealed(page);
  });

  test('a tampered state, or a callback this browser did not start, is refused', async ({ page, context, browser }) => {
    const callback = await answerFromProvider(page, 'staff');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    await page.goto(tampered.pathname + tampered.search);
    await expect(page).toHaveURL('/preview?auth=state-mismatch');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('did not match the sign-in this browser started');
    expect(await staffCookie(context)).toBeUndefined();
    await expectNothingRevealed(page);

    // The transaction is used up: the untouched answer no longer works either.
    await page.goto(callback.pathname + callback.search);
    await expect(page).toHaveURL('/preview?auth=transaction-expired');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Start again');
    expect(await staffCookie(context)).toBeUndefined();

    // Another browser's answer (login CSRF): this browser started its own sign-in, with another state.
    const attacker = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const answer = await answerFromProvider(await attacker.newPage(), 'staff');
      await page.goto('/api/auth/sign-in?returnTo=/preview');
      await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
      await page.goto(answer.pathname + answer.search);
      await expect(page).toHaveURL('/preview?auth=state-mismatch');
      expect(await staffCookie(context)).toBeUndefined();
      await expectNothingRevealed(page);
    } finally {
      await attacker.close();
    }
  });

  test('an expired staff session is refused and asks for a new sign-in', async ({ page, context }) => {
    const expired = sealStaffSession(
      { sid: randomBytes(16).toString('base64url'), sub: 'staff', iss: oidcIssuer, email: STAFF.email },
      { secret: previewSecret(), expiresAt: new Date(Date.now() - 60_000) },
    );
    await addStaffCookie(context, expired);
    await page.goto('/preview');
    await expect(page.getByRole('main').getByRole('status')).toContainText('Your staff session has expired');
    await expect(page.getByRole('button', { name: 'Sign in with the test provider' })).toBeVisible();
    await expectNothingRevealed(page);
    expect((await page.request.get(DRAFT.path, { maxRedirects: 0 })).status()).toBe(404);
  });

  test('a staff cookie sealed with another secret, or made for another purpose, is refused', async ({ page, context }) => {
    const staff = { sid: randomBytes(16).toString('base64url'), sub: 'staff', iss: oidcIssuer, email: STAFF.email };
    const expiresAt = new Date(Date.now() + HOUR);
    for (const [label, value] of [
      ['sealed with another secret', sealStaffSession(staff, { secret: randomBytes(32).toString('base64'), expiresAt })],
      ['made for another purpose', sealPreviewSession(DRAFT.slug, { secret: previewSecret(), expiresAt })],
      ['made up', 'made-up'],
    ] as const) {
      // Leave the last page first: its router's prefetches still carry the last cookie, and their
      // answers delete it, which would race the cookie set next.
      await page.goto('about:blank');
      await addStaffCookie(context, value);
      await page.goto('/preview');
      await expect(page.getByRole('main').getByRole('status'), label).toContainText('Your staff session has ended');
      await expectNothingRevealed(page);
      expect((await page.request.get(SCHEDULED.path, { maxRedirects: 0 })).status()).toBe(404);
    }
  });

  test('signing out ends the session, and replaying the old cookie is refused', async ({ page, context, request }) => {
    await signIn(page, STAFF.email);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const old = await staffCookie(context);
    expect(old).toBeDefined();

    // Only this site's pages can sign someone out.
    const forged = await request.post('/api/auth/sign-out', { headers: { Origin: 'https://attacker.example', Cookie: `${STAFF_COOKIE}=${old!.value}` } });
    expect(forged.status()).toBe(403);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL('/preview?auth=signed-out');
    await expect(page.getByRole('main').getByRole('status')).toContainText('You have signed out');
    expect(await staffCookie(context)).toBeUndefined();
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(DRAFT_MODE_COOKIE);

    await addStaffCookie(context, old!.value);
    await page.goto('/preview');
    await expect(page.getByRole('main').getByRole('status')).toContainText('Your staff session has ended');
    await expectNothingRevealed(page);
    expect((await page.request.get(DRAFT.path, { maxRedirects: 0 })).status()).toBe(404);
  });
});
