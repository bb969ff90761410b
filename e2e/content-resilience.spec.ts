import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { DRAFT, PREVIEW_COOKIE, previewLink, previewSecret, previewSessionCookie, ROOT, SCHEDULED, startSecondServer, type SecondServer } from './support/preview';
import { SEED_SLUG } from './support/seed';

// Issue 12, finding 3: one hostile or broken content file must not stop the site. Each test runs
// its own production server (scripts/serve.mjs) on a temporary copy of content/ (CONTENT_DIR), so
// the hostile files never reach the main test server or the checkout.

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.once('listening', () => server.close(() => resolve(true)));
    server.listen(port, '127.0.0.1');
  });
}

/** A copy of content/ to break; removed after the test. */
function contentCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'content-resilience-'));
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

function draft(title: string, body: string, front: string[] = []): string {
  return [
    '---',
    `title: ${title}`,
    'summary: A draft built to stop the site, from the issue that found one file could.',
    'date: 2023-06-13',
    'topics: [Readiness]',
    'status: draft',
    ...front,
    '---',
    '',
    body,
  ].join('\n');
}

/** The hostile files of the issue and a few more: slug → contents. Line 9 is the body's first line. */
const HOSTILE: Record<string, { contents: () => string; problem: RegExp }> = {
  'hostile-nested-quotes': { contents: () => draft('Nested Quotes', '> '.repeat(50_000) + 'a'), problem: /Line 9: body: line nests 50,000 block quotes/ },
  'hostile-emphasis-run': { contents: () => draft('Emphasis Run', '*a'.repeat(62_500) + '[a'.repeat(62_500)), problem: /Line 9: body: line is 250,000 characters long/ },
  'hostile-nested-list': {
    contents: () => draft('Nested List', Array.from({ length: 3_000 }, (_, depth) => `${' '.repeat(depth * 2)}- item`).join('\n')),
    problem: /Line 1: size: the file is [\d,]+ KB; the limit is 256 KB/,
  },
  'hostile-twenty-megabytes': { contents: () => draft('Twenty Megabytes', 'a'.repeat(20 * 1024 * 1024)), problem: /Line 1: size: the file is 20,481 KB/ },
  'hostile-table-columns': { contents: () => draft('Wide Table', `${'|a'.repeat(2_000)}|\n${'|-'.repeat(2_000)}|`), problem: /Line 9: body: line has 2,001 table cell separators/ },
  'hostile-yaml-alias': { contents: () => draft('Alias', 'Text.', ['a: &a [x, x, x, x]', 'b: [*a, *a, *a, *a]']), problem: /Line 8: frontmatter: YAML aliases \(\*a\) are not allowed/ },
};

interface Running {
  server: SecondServer;
  api: APIRequestContext;
  dir: string;
}

async function start(
  playwright: { request: { newContext(options: { baseURL: string }): Promise<APIRequestContext> } },
  port: number,
  dir: string,
  env: Record<string, string> = {},
): Promise<Running> {
  expect(await portIsFree(port), `port ${port} is free for a second server`).toBe(true);
  const server = startSecondServer(port, { CONTENT_DIR: dir, PREVIEW_SECRET: previewSecret(), ...env });
  const api = await playwright.request.newContext({ baseURL: server.baseURL });
  for (let answered = false; !answered; ) {
    expect(server.child.exitCode, `the server exited:\n${server.output()}`).toBeNull();
    expect(Date.now() - server.spawnedAt, `the server answers within 60 s:\n${server.output()}`).toBeLessThan(60_000);
    answered = await api
      .get('/robots.txt', { timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (!answered) await sleep(200);
  }
  return { server, api, dir };
}

async function stop(running: Running | undefined): Promise<void> {
  if (!running) return;
  await test.info().attach('second server.log', { body: running.server.output(), contentType: 'text/plain' });
  await running.api.dispose();
  await running.server.stop();
  rmSync(running.dir, { recursive: true, force: true });
}

/** Opens a preview link for `slug` in `api`: that article's preview session. */
async function enterPreview(api: APIRequestContext, slug: string = DRAFT.slug): Promise<void> {
  const opened = await api.get(previewLink(slug), { maxRedirects: 0 });
  expect(opened.status(), await opened.text()).toBe(307);
}

/** Milliseconds a public request takes, and its status (0 when it got no answer within 10 s). */
async function timed(api: APIRequestContext, url: string): Promise<{ ms: number; status: number }> {
  const started = Date.now();
  try {
    const response = await api.get(url, { maxRedirects: 0, timeout: 10_000 });
    await response.body();
    return { ms: Date.now() - started, status: response.status() };
  } catch {
    return { ms: Date.now() - started, status: 0 };
  }
}

test.describe('content cannot stop the site', () => {
  test('each hostile draft shows its own error in preview, while the public site answers within 1 s', async ({ playwright }) => {
    test.setTimeout(240_000);
    let running: Running | undefined;
    try {
      running = await start(playwright, BASE_PORT + 4, contentCopy());
      const { api, dir, server } = running;
      await enterPreview(api);
      const publicApi = await playwright.request.newContext({ baseURL: server.baseURL });
      // Warm both paths once, so the timings below are about the hostile files, not a cold start.
      expect((await timed(publicApi, '/search?q=readiness')).status).toBe(200);
      expect((await api.get(DRAFT.path)).status()).toBe(200);

      for (const [slug, hostile] of Object.entries(HOSTILE)) {
        writeFileSync(path.join(dir, 'news', `${slug}.md`), hostile.contents());
        const started = Date.now();
        // That article's preview session, as its link would open it (the link route parses the file too).
        const preview = api
          .get(`/news/${slug}`, { maxRedirects: 0, timeout: 60_000, headers: { Cookie: `${PREVIEW_COOKIE}=${previewSessionCookie(slug)}` } })
          .then(async (response) => ({ status: response.status(), body: await response.text() }))
          .catch((error: unknown) => ({ status: 0, body: String(error) }));
        const [home, search] = await Promise.all([timed(publicApi, '/'), timed(publicApi, '/search?q=readiness')]);
        expect(home, `${slug}: / meanwhile`).toMatchObject({ status: 200 });
        expect(search, `${slug}: search meanwhile`).toMatchObject({ status: 200 });
        expect(Math.max(home.ms, search.ms), `${slug}: the public site answered within 1 s meanwhile`).toBeLessThan(1_000);
        const { status, body } = await preview;
        const took = Date.now() - started;
        expect(status, `${slug}: the preview answers with the article's problems`).toBe(200);
        expect(body, `${slug}: names the file`).toContain(`content/news/${slug}.md`);
        expect(body.replace(/<!-- -->/g, ''), `${slug}: says which line and why`).toMatch(hostile.problem);
        expect(took, `${slug}: the preview answered within the bound`).toBeLessThan(10_000);
      }

      // Other previews and the public pages are untouched by the hostile files.
      expect((await api.get(DRAFT.path)).status(), 'another draft still previews').toBe(200);
      expect((await publicApi.get(`/news/${SEED_SLUG}`)).status()).toBe(200);
      // A new, good draft is parsed by the worker inside the production build and shown.
      writeFileSync(path.join(dir, 'news', 'fresh-good-draft.md'), draft('Fresh Good Draft', 'A *good* draft, written while the server runs.'));
      const fresh = await api.get('/news/fresh-good-draft', { headers: { Cookie: `${PREVIEW_COOKIE}=${previewSessionCookie('fresh-good-draft')}` } });
      expect(fresh.status()).toBe(200);
      expect(await fresh.text()).toContain('Fresh Good Draft');
      await publicApi.dispose();
    } finally {
      await stop(running);
    }
  });

  test('search finds what the files say now, not what the build indexed: an article edited and one added after the build', async ({ playwright }) => {
    test.setTimeout(180_000);
    const dir = contentCopy();
    const seedFile = path.join(dir, 'news', `${SEED_SLUG}.md`);
    // Words no file has: search can only know them from the files as they are now.
    const edited = 'quillwortedit';
    const added = 'marramgrassnew';
    writeFileSync(seedFile, `${readFileSync(seedFile, 'utf8')}\nAdded after the build: ${edited}.\n`);
    writeFileSync(
      path.join(dir, 'news', 'added-after-the-build.md'),
      draft('Added After the Build', `Published after the build: ${added}.`).replace('status: draft', 'status: published'),
    );
    let running: Running | undefined;
    try {
      running = await start(playwright, BASE_PORT + 6, dir);
      const { api } = running;
      const found = async (q: string) => {
        const response = await api.get(`/search?q=${q}`);
        expect(response.status(), q).toBe(200);
        return [...(await response.text()).matchAll(/<h2[^>]*><a href="(\/news\/[a-z0-9-]+)"/g)].map((m) => m[1]);
      };
      expect(await found(edited), 'the edited article, by its new word').toEqual([`/news/${SEED_SLUG}`]);
      expect(await found(added), 'the added article').toEqual(['/news/added-after-the-build']);
      expect(await found('Stoltenberg'), 'the rest of the build’s index').toContain(`/news/${SEED_SLUG}`);
    } finally {
      if (running) await stop(running);
      else rmSync(dir, { recursive: true, force: true });
    }
  });

  test('with a broken file when the server starts, search, images, pages and scheduled publication keep the last good content', async ({
    playwright,
  }) => {
    test.slow();
    test.setTimeout(300_000);
    const dir = contentCopy();
    const seedFile = path.join(dir, 'news', `${SEED_SLUG}.md`);
    const seedSource = readFileSync(seedFile, 'utf8');
    const seedTitle = /^title: (.*)$/m.exec(seedSource)?.[1]?.trim() ?? '';
    const seedImage = `/images/news/${SEED_SLUG}/${/^ {2}src: (.*)$/m.exec(seedSource)?.[1]?.trim()}`;
    // The seed article broken (raw HTML, an error before this issue too), and a new broken file
    // (nested past the limit) that no build has seen.
    writeFileSync(seedFile, seedSource.replace(/\n---\n/, '\n---\n<script>alert(1)</script>\n\n'));
    writeFileSync(path.join(dir, 'news', 'broken-new-file.md'), draft('Broken New File', '<iframe src="https://example.com/"></iframe>\n\n' + '> '.repeat(40) + 'deep'));

    // The server's clock starts a little before the scheduled article's time (lib/clock.ts).
    const LEAD = 15_000;
    const clockStart = SCHEDULED.publishAt - LEAD;
    let running: Running | undefined;
    try {
      // Every preview parse is stopped after 1 ms here: the worker's bound, in the production build.
      running = await start(playwright, BASE_PORT + 5, dir, { NEWSROOM_CLOCK_START: new Date(clockStart).toISOString(), PREVIEW_PARSE_TIMEOUT_MS: '1' });
      const { api, server } = running;
      const serverClock = () => clockStart + (Date.now() - server.spawnedAt);

      expect((await api.get(SCHEDULED.path, { maxRedirects: 0 })).status(), 'the scheduled article before its time').toBe(404);
      expect(serverClock(), 'the first request came before the scheduled time').toBeLessThan(SCHEDULED.publishAt);

      const search = await api.get(`/search?q=${encodeURIComponent('Stoltenberg')}`);
      expect(search.status(), 'search').toBe(200);
      expect(await search.text(), 'search finds the broken article as the build validated it').toContain(`href="/news/${SEED_SLUG}"`);
      const image = await api.get(seedImage);
      expect(image.status(), `${seedImage}`).toBe(200);
      expect(image.headers()['content-type']).toBe('image/jpeg');
      for (const page of ['/', '/news', '/topics', `/news/${SEED_SLUG}`]) {
        expect((await api.get(page)).status(), page).toBe(200);
      }
      expect(await (await api.get(`/news/${SEED_SLUG}`)).text()).toContain(seedTitle);

      // A scheduled article still goes live (the page regenerates at most every 60 s).
      let live = false;
      const until = Date.now() + 100_000;
      while (!live && Date.now() < until) {
        const response = await api.get(SCHEDULED.path, { maxRedirects: 0 });
        live = response.status() === 200;
        if (!live) await sleep(2_000);
      }
      expect(live, `the scheduled article went live with a broken file present\n${server.output()}`).toBe(true);
      expect((await api.get(SCHEDULED.image)).status(), 'its lead image once live').toBe(200);

      // The log names each broken file and what is served instead, once however many requests came.
      const log = server.output();
      const seedLines = log.split('\n').filter((line) => line.includes(`content/news/${SEED_SLUG}.md:`));
      expect(seedLines, log).toEqual([
        expect.stringContaining(`serving the last good version of content/news/${SEED_SLUG}.md (validated by the build) until it is fixed`),
      ]);
      expect(log.split('\n').filter((line) => line.includes('content/news/broken-new-file.md:')), log).toEqual([
        expect.stringContaining('content/news/broken-new-file.md is left out until it is fixed'),
      ]);

      // Preview of a file changed after the start goes through the worker, whose 1 ms bound stops it:
      // the error shows on that article's preview alone.
      writeFileSync(path.join(dir, 'news', 'late-draft.md'), draft('Late Draft', 'Written after the server started.'));
      await enterPreview(api, 'late-draft');
      const late = await api.get('/news/late-draft');
      expect(late.status()).toBe(200);
      expect((await late.text()).replace(/<!-- -->/g, '')).toContain('Line 1: body: parsing took longer than 1 ms and was stopped');
      expect((await api.get('/')).status(), 'the home page in preview').toBe(200);
    } finally {
      if (running) await stop(running);
      else rmSync(dir, { recursive: true, force: true });
    }
  });
});
