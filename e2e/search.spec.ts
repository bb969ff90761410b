import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, NOT_FOUND_RESOURCE, test } from './fixtures';
import { publicArticles, unpublishedArticles } from './support/content';
import { leakNeedles, leaksIn, previewLink, ROOT, SENTINELS } from './support/preview';
import { terms } from '../lib/search/words';
import { seed } from './support/seed';
import { TITLE_SUFFIX } from './support/site';

const PER_PAGE = 10;
const MAX_LENGTH = 200;
const BAD_REQUEST = /Failed to load resource: the server responded with a status of 400/;

/** An element's markup with attributes in name order (the 404 page's header is built by React in the browser). */
function markup(node: Element): string {
  const attributes = [...node.attributes]
    .map((attribute) => `${attribute.name}="${attribute.value}"`)
    .sort()
    .join(' ');
  const children = [...node.childNodes].map((child) => (child instanceof Element ? markup(child) : (child.textContent ?? ''))).join('');
  return `<${node.tagName.toLowerCase()} ${attributes}>${children}</${node.tagName.toLowerCase()}>`;
}

function headerSearch(page: Page): Locator {
  return page.locator('header.usa-header').getByRole('search', { name: 'Site search' });
}

function pageSearch(page: Page): Locator {
  return page.getByRole('main').getByRole('search', { name: 'Search news articles' });
}

function results(page: Page): Locator {
  return page.getByRole('list', { name: 'Search results' }).locator(':scope > li');
}

async function resultPaths(page: Page): Promise<string[]> {
  return results(page)
    .getByRole('heading', { level: 2 })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => new URL(a.getAttribute('href') ?? '', location.href).pathname));
}

/** "3 results for “nato”" → 3; undefined when the page shows no count. */
async function resultCount(page: Page): Promise<number | undefined> {
  const count = page.locator('main .site-search-count');
  if ((await count.count()) === 0) return undefined;
  const match = /^(\d+) results? for “/.exec((await count.textContent()) ?? '');
  return match ? Number(match[1]) : undefined;
}

function searchPath(q: string, page?: string): string {
  const params = new URLSearchParams({ q });
  if (page !== undefined) params.set('page', page);
  return `/search?${params.toString()}`;
}

/** Lower-case words of letters only, as a reader would type them. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/** Whether a search for `word` could also reach `other`: a word it starts, or one typo away. */
function reaches(word: string, other: string): boolean {
  if (other.startsWith(word)) return true;
  if (Math.abs(word.length - other.length) > 1) return false;
  let i = 0;
  while (i < word.length && word[i] === other[i]) i += 1;
  // One substitution, one letter more, or one letter less.
  return word.slice(i + 1) === other.slice(i + 1) || word.slice(i) === other.slice(i + 1) || word.slice(i + 1) === other.slice(i);
}

/** The first word of `source` (at least `min` letters) that no word of `elsewhere` could match. */
function wordOnlyIn(source: string[], elsewhere: string[], min: number): string {
  const others = new Set(elsewhere.flatMap(wordsOf));
  const found = source.flatMap(wordsOf).find((word) => word.length >= min && ![...others].some((other) => reaches(word, other)));
  if (!found) throw new Error(`no word of ${min}+ letters only in: ${source.join(' | ')}`);
  return found;
}

const captions = seed.figures.flatMap((figure) => [figure.title, figure.caption]);
const CAPTION_WORD = wordOnlyIn(captions, [seed.title, seed.deck, ...seed.paragraphs], 5);
const BODY_WORD = wordOnlyIn(seed.paragraphs, [seed.title, seed.deck, ...captions], 8);

test.describe('site search', () => {
  test('the header search form sits in the same place, upper right, on every kind of page', async ({ page, consoleErrors }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    const paths = ['/', '/news', seed.path, '/about', '/topics', searchPath('nato'), '/search', '/news/does-not-exist'];
    const seen: { path: string; box: { x: number; y: number; width: number; height: number }; html: string }[] = [];
    for (const path of paths) {
      await page.goto(path);
      const form = headerSearch(page);
      await expect(form, path).toBeVisible();
      // What the Site Scanning engine and USWDS expect.
      await expect(form).toHaveClass(/\busa-search\b/);
      await expect(form).toHaveAttribute('action', '/search');
      const input = form.getByRole('searchbox', { name: 'Search', exact: true });
      await expect(input).toHaveAttribute('type', 'search');
      await expect(input).toHaveAttribute('name', 'q');
      await expect(form.locator('label.usa-sr-only')).toHaveAttribute('for', (await input.getAttribute('id'))!);
      const button = form.getByRole('button', { name: 'Search', exact: true });
      await expect(button).toBeVisible();
      await expect(button.locator('img.usa-search__submit-icon')).toHaveAttribute('src', '/uswds/img/usa-icons-bg/search--white.svg');
      const box = (await form.boundingBox())!;
      expect(box.x, `${path}: form x`).toBeGreaterThan(640);
      expect(box.y, `${path}: form y`).toBeLessThan(250);
      seen.push({ path, box, html: await form.evaluate(markup) });
    }
    const [first, ...rest] = seen;
    for (const other of rest) {
      for (const side of ['x', 'y', 'width', 'height'] as const) {
        expect(Math.abs(other.box[side] - first!.box[side]), `${other.path}: ${side} vs ${first!.path}`).toBeLessThanOrEqual(1);
      }
      expect(other.html, `${other.path}: the same form markup as ${first!.path}`).toBe(first!.html);
    }
  });

  test('submitting the header form with JavaScript off lands on the results', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto('/');
      await headerSearch(page).getByRole('searchbox').fill('Stoltenberg');
      await headerSearch(page).getByRole('searchbox').press('Enter');
      await expect(page).toHaveURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'Stoltenberg');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results');
      expect(await resultPaths(page)).toContain(seed.path);
      await expect(pageSearch(page).getByRole('searchbox')).toHaveValue('Stoltenberg');
    } finally {
      await context.close();
    }
  });

  test('on a phone without JavaScript, the header links to a search page with its own form', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    try {
      await page.goto(seed.path);
      // The header form is behind the Menu button, which needs JavaScript.
      await expect(headerSearch(page)).toBeHidden();
      const link = page.locator('header.usa-header').getByRole('link', { name: 'Search', exact: true });
      await expect(link).toBeVisible();
      await link.click();
      await expect(page).toHaveURL((url) => url.pathname === '/search');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
      const input = pageSearch(page).getByRole('searchbox');
      await expect(input).toBeVisible();
      await input.fill('NATO');
      await pageSearch(page).getByRole('button', { name: 'Search' }).click();
      await expect(page).toHaveURL((url) => url.searchParams.get('q') === 'NATO');
      expect(await resultPaths(page)).toContain(seed.path);
    } finally {
      await context.close();
    }
  });

  test(`the seed article is found by a word of its body ("${BODY_WORD}") and by a word only in a figure caption ("${CAPTION_WORD}")`, async ({
    page,
  }) => {
    for (const word of [BODY_WORD, CAPTION_WORD]) {
      await test.step(word, async () => {
        const response = await page.goto(searchPath(word));
        expect(response?.status()).toBe(200);
        expect(await resultPaths(page)).toContain(seed.path);
        const result = results(page).filter({ has: page.locator(`h2 a[href="${seed.path}"]`) });
        // The passage under the result is where the word was found, and shows it marked.
        const marked = await result.locator('.site-search-result__snippet mark').allTextContents();
        expect(marked.map((text) => text.toLowerCase())).toContain(word);
      });
    }
  });

  test('matched words are highlighted in <mark> in the title, summary and passage, and nowhere else', async ({ page }) => {
    await page.goto(searchPath('Stoltenberg'));
    const result = results(page).filter({ has: page.locator(`h2 a[href="${seed.path}"]`) });
    await expect(result.locator('h2 a mark')).toHaveText(['Stoltenberg']);
    const summary = await result.locator('.site-search-result__summary mark').allTextContents();
    expect(summary.length, 'marks in the summary').toBe(seed.deck.split('Stoltenberg').length - 1);
    const all = await page.locator('main mark').allTextContents();
    expect(all.length).toBeGreaterThan(2);
    expect(all.filter((text) => text.toLowerCase() !== 'stoltenberg')).toEqual([]);
    // Plain text around the marks, not markup.
    await expect(result.locator('h2 a')).toHaveText(seed.title);
  });

  test('results come best match first: an article with the word in its title before one with it only in the text', async ({ page }) => {
    // The seed's title words are in other articles' text too ("NATO"): the seed must come first among them.
    await page.goto(searchPath('Stoltenberg Biden'));
    const paths = await resultPaths(page);
    expect(paths[0]).toBe(seed.path);
  });

  test('results past one page are split by USWDS pagination, ten to a page, without repeats', async ({ page }) => {
    await page.goto(searchPath('the'));
    const total = await resultCount(page);
    expect(total, 'a count of results for “the”').toBeGreaterThan(0);
    const pageCount = Math.ceil(total! / PER_PAGE);
    const nav = page.getByRole('navigation', { name: 'Search results pages' });
    const seen: string[] = [];
    for (let n = 1; n <= pageCount; n += 1) {
      await test.step(`page ${n} of ${pageCount}`, async () => {
        if (n > 1) {
          await nav.getByRole('link', { name: 'Next page' }).click();
          await expect(page).toHaveURL((url) => url.searchParams.get('page') === String(n));
        }
        const paths = await resultPaths(page);
        expect(paths.length).toBe(n < pageCount ? PER_PAGE : total! - PER_PAGE * (pageCount - 1));
        seen.push(...paths);
        if (pageCount === 1) {
          await expect(nav).toHaveCount(0);
          return;
        }
        await expect(nav).toHaveClass(/usa-pagination/);
        await expect(nav.locator('[aria-current="page"]')).toHaveText(String(n));
        await expect(nav.getByRole('link', { name: 'Previous page' })).toHaveCount(n > 1 ? 1 : 0);
        await expect(nav.getByRole('link', { name: 'Next page' })).toHaveCount(n < pageCount ? 1 : 0);
      });
    }
    expect(new Set(seen).size, 'distinct results across pages').toBe(total);
    // One page past the end says so, with a way back.
    const response = await page.goto(searchPath('the', String(pageCount + 1)));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('main')).toContainText(`There is no page ${pageCount + 1} of results for “the”`);
    await expect(page.getByRole('link', { name: 'Go to the first page of results' })).toHaveAttribute('href', searchPath('the'));
  });

  test('the page has a unique title, a description and noindex', async ({ page }) => {
    await page.goto(searchPath('nato'));
    await expect(page).toHaveTitle(`Search results for “nato”${TITLE_SUFFIX}`);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length ?? 0).toBeGreaterThanOrEqual(50);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await page.goto('/search');
    await expect(page).toHaveTitle(`Search news articles${TITLE_SUFFIX}`);
  });

  test.describe('hard queries get a clear answer, never an error page', () => {
    test('empty and whitespace-only queries ask for words (200)', async ({ page }) => {
      for (const path of ['/search', '/search?q=', searchPath('   \t ')]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
        await expect(page.getByRole('main')).toContainText('Enter a word or phrase to search the news articles.');
        await expect(pageSearch(page).getByRole('searchbox')).toHaveValue('');
        await expect(results(page)).toHaveCount(0);
      }
    });

    test(`a query over ${MAX_LENGTH} characters is refused with 400 and a message`, async ({ page, consoleErrors }) => {
      consoleErrors.allow(BAD_REQUEST);
      const long = `${'readiness '.repeat(20)}x`;
      expect(long.length).toBe(MAX_LENGTH + 1);
      const response = await page.goto(searchPath(long));
      expect(response?.status()).toBe(400);
      await expect(page.getByRole('main')).toContainText(
        `Your search is ${MAX_LENGTH + 1} characters long. A search can be at most ${MAX_LENGTH} characters`,
      );
      await expect(page).toHaveTitle(`Search query too long${TITLE_SUFFIX}`);
      await expect(headerSearch(page)).toBeVisible();
      // Exactly the limit is fine.
      expect((await page.goto(searchPath(long.slice(0, MAX_LENGTH))))?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results');
    });

    for (const q of ['Zürich', '東京', 'Tromsø NATO', '🎉']) {
      test(`a Unicode query (${q}) is searched or explained, and shown as typed`, async ({ page }) => {
        const response = await page.goto(searchPath(q));
        expect(response?.status()).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results');
        await expect(pageSearch(page).getByRole('searchbox')).toHaveValue(q);
        await expect(page.getByRole('main')).toContainText(
          q === '🎉' ? `“${q}” has no words to search for` : new RegExp(`(No articles match|results? for) “${q}”`),
        );
      });
    }

    for (const q of ['!!!', '<>', '...']) {
      test(`a punctuation-only query (${q}) says there are no words to search for`, async ({ page }) => {
        const response = await page.goto(searchPath(q));
        expect(response?.status()).toBe(200);
        await expect(page.getByRole('main')).toContainText(`“${q}” has no words to search for.`);
        await expect(results(page)).toHaveCount(0);
      });
    }

    for (const q of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']) {
      test(`markup in the query (${q}) is shown as text, never run`, async ({ page, request }) => {
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        const response = await page.goto(searchPath(q));
        expect(response?.status()).toBe(200);
        await expect(page.getByRole('main')).toContainText(`“${q}”`);
        await expect(pageSearch(page).getByRole('searchbox')).toHaveValue(q);
        await expect(page.locator('img[src="x"], main script')).toHaveCount(0);
        const html = await (await request.get(searchPath(q))).text();
        expect(html).not.toContain(q);
        expect(html).not.toMatch(/<img src=x/i);
        expect(dialogs).toEqual([]);
      });
    }

    test('repeated q parameters search the first one', async ({ page }) => {
      await page.goto('/search?q=Stoltenberg&q=zzzzzz');
      await expect(pageSearch(page).getByRole('searchbox')).toHaveValue('Stoltenberg');
      expect(await resultPaths(page)).toContain(seed.path);
    });

    for (const value of ['abc', '-1', '0', '1.5', '']) {
      test(`page=${value || '(empty)'} shows the first page`, async ({ page }) => {
        const response = await page.goto(`${searchPath('nato')}&page=${encodeURIComponent(value)}`);
        expect(response?.status()).toBe(200);
        const first = await resultPaths(page);
        expect(first.length).toBeGreaterThan(0);
        await page.goto(searchPath('nato'));
        expect(await resultPaths(page)).toEqual(first);
      });
    }

    test('a huge page number says there is no such page (200)', async ({ page }) => {
      const response = await page.goto(searchPath('nato', '99999'));
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('main')).toContainText('There is no page 99999 of results for “nato”');
      await expect(results(page)).toHaveCount(0);
    });

    test('a query with no matches says so and suggests what to try', async ({ page }) => {
      const response = await page.goto(searchPath('qqxqzzy'));
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('main')).toContainText('No articles match “qqxqzzy”.');
      await expect(page.getByRole('main').getByRole('link', { name: 'all news articles' })).toHaveAttribute('href', '/news');
      await expect(results(page)).toHaveCount(0);
    });
  });

  test('drafts and scheduled articles are never found, by their markers, titles or words, even in staff preview', async ({ page }) => {
    const unpublished = unpublishedArticles();
    expect(new Set(unpublished.map((a) => a.state)), 'the draft and scheduled examples').toEqual(new Set(['draft', 'scheduled']));
    const hidden = new Set(unpublished.map((a) => `/news/${a.slug}`));
    const queries = [
      ...SENTINELS,
      ...unpublished.map((a) => a.title),
      // The title's words without its marker, which public articles may share.
      ...unpublished.map((a) => a.title.replace(/\(.*\)/, '').replace(/[^\p{L}\s]/gu, ' ').trim()),
    ];
    const check = async (label: string) => {
      for (const q of queries) {
        const response = await page.goto(searchPath(q));
        expect(response?.status(), `${label}: ${q}`).toBe(200);
        const found = (await resultPaths(page)).filter((path) => hidden.has(path));
        expect(found, `${label}: ${q}`).toEqual([]);
      }
      for (const sentinel of SENTINELS) {
        await page.goto(searchPath(sentinel));
        await expect(page.getByRole('main')).toContainText(`No articles match “${sentinel}”.`);
      }
    };
    await check('public');
    const draft = unpublished.find((a) => a.state === 'draft')!;
    expect((await page.goto(previewLink(draft.slug)))?.status(), 'preview opened').toBe(200);
    await check('staff preview');
  });

  test('the search page does not make the pages around it dynamic', async ({ request }) => {
    // Prerendered (ISR) pages answer with Next's cache header; a dynamic page does not.
    for (const path of ['/', '/news', seed.path]) {
      const response = await request.get(path);
      expect(response.headers()['x-nextjs-cache'], path).toMatch(/^(HIT|STALE)$/);
    }
    expect((await request.get(searchPath('nato'))).headers()['x-nextjs-cache']).toBeUndefined();
  });

  test.describe('accessibility', () => {
    const pages: [string, string][] = [
      ['results', searchPath('nato')],
      ['no results', searchPath('qqxqzzy')],
      ['empty query', '/search'],
      ['no words', searchPath('!!!')],
      ['page out of range', searchPath('nato', '99')],
    ];
    for (const [label, path] of pages) {
      test(`axe finds no violations on the ${label} page`, async ({ page, expectNoAxeViolations }) => {
        await page.goto(path);
        await expectNoAxeViolations(page, `search: ${label}`);
      });
    }

    test('axe finds no violations on the too-long page (400)', async ({ page, consoleErrors, expectNoAxeViolations }) => {
      consoleErrors.allow(BAD_REQUEST);
      const response = await page.goto(searchPath('a'.repeat(MAX_LENGTH + 1)));
      expect(response?.status()).toBe(400);
      await expectNoAxeViolations(page, 'search: too long');
    });
  });
});

// The local build's own file; a BASE_URL audit (a deployment) has none. Registered only without
// BASE_URL, so no test is ever skipped.
if (!process.env.BASE_URL) {
  test.describe('the search index the build wrote', () => {
    test('holds every article public at the build and no draft or scheduled one, by slug, title or text', () => {
      const file = path.join(ROOT, '.next', 'search-index.db');
      const db = new Database(file, { readonly: true, fileMustExist: true });
      const builtAt = new Date(db.prepare("SELECT value FROM meta WHERE key = 'builtAt'").pluck().get() as string);
      const indexed = db.prepare('SELECT slug FROM docs').pluck().all() as string[];
      const words = new Set(db.prepare('SELECT term FROM terms').pluck().all() as string[]);
      db.close();
      expect(indexed.sort()).toEqual(publicArticles(builtAt).map((a) => a.slug).sort());
      const unpublished = unpublishedArticles(builtAt);
      expect(new Set(unpublished.map((a) => a.state)), 'a draft and a scheduled article in content').toEqual(new Set(['draft', 'scheduled']));
      // The file's bytes, read as Latin-1 so every byte is one character: no marker, title or path in any table.
      expect(leaksIn(readFileSync(file).toString('latin1'), leakNeedles(unpublished)), 'markers, titles and paths of unpublished articles').toEqual([]);
      // The index holds words as search reads them (lib/search/words.ts), so look for those too:
      // each marker's own code word, and each unpublished slug as a document.
      const codeWords = SENTINELS.flatMap((sentinel) => terms(sentinel).filter((word) => /\d/.test(word)));
      expect(codeWords, 'each marker has a code word').toHaveLength(SENTINELS.length);
      expect(codeWords.filter((word) => words.has(word)), 'marker words in the index').toEqual([]);
      expect(unpublished.filter((a) => indexed.includes(a.slug)).map((a) => a.slug), 'unpublished slugs in the index').toEqual([]);
      expect(indexed.includes(seed.slug), 'the seed article is indexed').toBe(true);
    });
  });
}
