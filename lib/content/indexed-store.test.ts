import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { inflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goodRoot, lines, makeTree, removeTrees } from './__fixtures__/make-tree';
import { buildContent, checkFile } from './build';
import { formatIssue } from './issues';
import { BUILT_INTO_INDEX, createIndexedStore } from './indexed-store';
import { createContentStore } from './store';
import { searchableText, STORED_PASSAGES } from '../search/text';
import type { Article } from './types';

afterAll(removeTrees);

const ZONE = 'America/New_York';
const NOW = new Date('2024-06-01T12:00:00Z');
const DRAFT_WORD = 'Zyzzogeton';
const SCHEDULED_WORD = 'Quokkafrost';

function story(title: string, options: { date?: string; status?: string; topics?: string; body?: string } = {}): string {
  return lines(
    '---',
    `title: ${title}`,
    'summary: A story with a summary long enough to be a meta description for search.',
    `date: ${options.date ?? '2023-06-13'}`,
    `topics: ${options.topics ?? '[NATO]'}`,
    `status: ${options.status ?? 'published'}`,
    '---',
    '',
    options.body ?? `The body of ${title}.`,
  );
}

/** A site: three public stories, a draft and a scheduled one (each with its own word), a page. */
function site(): string {
  return makeTree({
    'content/news/first-story.md': story('First Story', { date: '2023-01-02', topics: '[NATO, Ukraine]' }),
    'content/news/second-story.md': story('Second Story', { date: '2023-03-04', topics: '[NATO]' }),
    'content/news/third-story.md': story('Third Story', { date: '2024-02-03', topics: '[Ukraine]' }),
    'content/news/secret-draft.md': story(`Draft ${DRAFT_WORD}`, { status: 'draft', body: `Draft text ${DRAFT_WORD}.${' '.repeat(20)}` }),
    'content/news/later-story.md': story(`Scheduled ${SCHEDULED_WORD}`, { date: '2030-01-01T09:00:00-05:00', body: `Embargoed ${SCHEDULED_WORD}.` }),
    'content/pages/about.md': lines('---', 'title: About Us', 'summary: Who we are, what this newsroom publishes and how to reach the editors.', '---', '', 'We publish news.'),
  });
}

async function build(root: string, now = NOW) {
  return buildContent({ contentDir: path.join(root, 'content'), timeZone: ZONE, outDir: path.join(root, '.next/cache/content'), write: true, now });
}

const built = (article: Article) => (article as Article & { [BUILT_INTO_INDEX]?: true })[BUILT_INTO_INDEX] === true;

function open(root: string, steps?: { syncLimit: number; step: number; delay: number }) {
  const log: string[] = [];
  const store = createIndexedStore({
    indexFile: path.join(root, '.next/cache/content/index.db'),
    contentDir: path.join(root, 'content'),
    timeZone: ZONE,
    log: (message) => log.push(message),
    compare: true,
    clock: () => NOW.getTime(),
    ...steps,
  });
  return { store, log };
}

const slugs = (articles: Article[]) => articles.map((article) => article.slug);

/** Rewrites a file, its modification time a second later so its stamp surely differs. */
function edit(file: string, text: string) {
  const { mtime } = fs.statSync(file);
  fs.writeFileSync(file, text);
  fs.utimesSync(file, new Date(), new Date(mtime.getTime() + 1_000));
}

describe('the content build', () => {
  it('parses every file once, then only the file that changed', async () => {
    const root = site();
    const first = await build(root);
    expect([first.parsed, first.fromCache, first.articleFiles, first.pageFiles]).toEqual([6, 0, 5, 1]);
    expect((await build(root)).parsed).toBe(0);
    edit(path.join(root, 'content/news/second-story.md'), story('Second Story, Revised'));
    const third = await build(root);
    expect([third.parsed, third.fromCache]).toEqual([1, 5]);
    expect(open(root).store.getPublicArticle('second-story', NOW)?.title).toBe('Second Story, Revised');
  });

  it('writes no draft or scheduled word into the content index, the search index or the parse cache', async () => {
    const root = site();
    const result = await build(root);
    expect(result.index).toMatchObject({ articles: 3, withheld: 2 });
    const files = { [result.index!.file]: 'First Story', [result.search!.file]: 'first-story', [path.join(root, '.next/cache/content/parsed.db')]: 'First Story' };
    // What search shows of each body is stored deflated, where a byte scan cannot see: inflated and scanned as well.
    const index = new Database(result.index!.file, { readonly: true });
    const passages = Buffer.concat((index.prepare('SELECT passages FROM details').pluck().all() as Buffer[]).map((blob) => inflateSync(blob)));
    index.close();
    for (const [file, present] of [...Object.entries(files), ['passages', 'The body of First Story'] as const]) {
      const bytes = file === 'passages' ? passages : fs.readFileSync(file);
      expect(bytes.includes(present), `${file} holds the public stories`).toBe(true);
      // The search index holds words lower-cased.
      for (const word of [DRAFT_WORD, SCHEDULED_WORD, 'secret-draft', 'later-story'].flatMap((w) => [w, w.toLowerCase()])) {
        expect(bytes.includes(word), `${word} in ${file}`).toBe(false);
      }
    }
  });

  it('indexes a scheduled article in the first build after its time, checking it again then', async () => {
    const root = site();
    await build(root);
    const later = await build(root, new Date('2030-01-02T00:00:00Z'));
    expect([later.parsed, later.index?.articles, later.index?.withheld]).toEqual([1, 4, 1]);
    expect(fs.readFileSync(later.search!.file).includes(SCHEDULED_WORD.toLowerCase())).toBe(true);
  });

  it('writes no index when a file has an error, and names its file, line and field', async () => {
    const root = site();
    fs.writeFileSync(path.join(root, 'content/news/bad-story.md'), story('Bad Story', { date: '2023-02-30' }));
    const result = await build(root);
    expect(result.index).toBeUndefined();
    expect(fs.existsSync(path.join(root, '.next/cache/content/index.db'))).toBe(false);
    expect(result.issues.filter((issue) => issue.severity === 'error').map(formatIssue)).toEqual([
      expect.stringMatching(/^content\/news\/bad-story\.md:4: date: /),
    ]);
  });

  it('refuses a file whose text changed between its first read and its check, naming it', async () => {
    const root = site();
    const absolute = path.join(root, 'content/news/first-story.md');
    const job = { collection: 'news' as const, absolute, relative: 'content/news/first-story.md', slug: 'first-story', sourceHash: '0'.repeat(64) };
    expect(checkFile(path.join(root, 'content'), ZONE, NOW.getTime(), job).issues.map(formatIssue)).toEqual([
      'content/news/first-story.md:1: file: it changed while the build was reading it; run the build again',
    ]);
    const hash = createHash('sha256').update(fs.readFileSync(absolute, 'utf8')).digest('hex');
    expect(checkFile(path.join(root, 'content'), ZONE, NOW.getTime(), { ...job, sourceHash: hash })).toMatchObject({ issues: [], article: { record: { slug: 'first-story' } } });
  });

  it('checks in child processes what it checks in the process itself', async () => {
    // Past 20 files to parse, the build starts child processes: the same outcomes, in order.
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i += 1) files[`content/news/story-${String(i).padStart(2, '0')}.md`] = story(`Story ${i}`, { date: `2023-01-${String(1 + (i % 28)).padStart(2, '0')}` });
    files['content/news/story-bad.md'] = story('Bad', { topics: '[]' });
    const root = makeTree(files);
    const result = await build(root);
    expect(result.parsed).toBe(31);
    expect(result.issues.map(formatIssue)).toEqual([expect.stringMatching(/^content\/news\/story-bad\.md:5: topics: expected at least one topic/)]);
    fs.rmSync(path.join(root, 'content/news/story-bad.md'));
    const fixed = await build(root);
    expect([fixed.parsed, fixed.index?.articles]).toEqual([0, 30]);
    // Starting two TypeScript processes takes seconds on a loaded 2-core machine.
  }, 60_000);
});

describe('the indexed store', () => {
  it('serves exactly what the file store serves: fields, bodies, order, related stories and pages', async () => {
    const root = path.join(makeTree({}), 'site');
    fs.cpSync(goodRoot, root, { recursive: true });
    fs.rmSync(path.join(root, '.next'), { recursive: true, force: true });
    await build(root);
    const files = createContentStore(root, { timeZone: ZONE });
    const { store, log } = open(root);
    const plain = (article: Article) => ({
      ...article,
      path: article.path,
      sourcePath: article.sourcePath,
      title: article.title,
      date: article.date,
      updated: article.updated,
      sourceHash: article.sourceHash,
      summary: article.summary, byline: article.byline, image: article.image, warnings: article.warnings, body: article.body });
    const expected = files.getPublicArticles(NOW);
    const served = store.getPublicArticles(NOW);
    expect(served.map(plain)).toEqual(expected.map(plain));
    // Search's passages come from the index, and are those of the parsed body.
    expect(served.map((article) => Object.getPrototypeOf(article)[STORED_PASSAGES])).not.toContain(undefined);
    expect(served.map(searchableText)).toEqual(expected.map(searchableText));
    expect(served.flatMap((article) => searchableText(article).paragraphs).length).toBeGreaterThan(served.length);
    for (const article of expected) {
      expect(slugs(store.getRelatedArticles(store.getPublicArticle(article.slug, NOW)!, 3, NOW))).toEqual(slugs(files.getRelatedArticles(article, 3, NOW)));
    }
    expect(store.getPages().map((page) => ({ ...page, body: page.body }))).toEqual(files.getPages().map((page) => ({ ...page, body: page.body })));
    expect(log).toEqual([]);
  });

  it('shows edits, new files and deletions made after the build, and hides an article made a draft', async () => {
    const root = site();
    await build(root);
    const news = path.join(root, 'content/news');
    edit(path.join(news, 'first-story.md'), story('First Story, Corrected', { date: '2023-01-02' }));
    fs.writeFileSync(path.join(news, 'fourth-story.md'), story('Fourth Story', { date: '2024-05-01' }));
    fs.rmSync(path.join(news, 'second-story.md'));
    edit(path.join(news, 'third-story.md'), story('Third Story', { date: '2024-02-03', status: 'draft' }));
    const { store } = open(root);
    const served = store.getPublicArticles(NOW);
    expect(served.map((article) => article.title)).toEqual(['Fourth Story', 'First Story, Corrected']);
    // Read from the folder, so the build's search index does not hold them as they are.
    expect(served.map(built)).toEqual([false, false]);
  });

  it('on a large site, answers from the index at once and shows edits as the comparison reaches them', async () => {
    const root = site();
    await build(root);
    edit(path.join(root, 'content/news/third-story.md'), story('Third Story, Revised', { date: '2024-02-03' }));
    fs.rmSync(path.join(root, 'content/news/first-story.md'));
    const { store } = open(root, { syncLimit: 1, step: 2, delay: 20 });
    // First answer: the index as built.
    expect(store.getPublicArticles(NOW).map((article) => article.title)).toEqual(['Third Story', 'Second Story', 'First Story']);
    // Six files, two per step, stat'ed by the thread pool: done within moments, not at once.
    const titles = () => store.getPublicArticles(NOW).map((article) => article.title);
    await expect.poll(titles, { timeout: 5_000, interval: 10 }).toEqual(['Third Story, Revised', 'Second Story']);
  });

  it('keeps the same public list through a comparison that finds nothing changed (no list made again per step)', async () => {
    const root = site();
    // A scheduled article found by the comparison rightly ends the list's validity at its time: none here.
    fs.rmSync(path.join(root, 'content/news/later-story.md'));
    await build(root);
    const { store, log } = open(root, { syncLimit: 1, step: 1, delay: 0 });
    const first = store.publicList(NOW);
    // The comparison reads the files' stamps one per turn: wait until it has passed every file.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(store.publicList(NOW)).toBe(first);
    expect(log).toEqual([]);
  });

  it('serves the index as built, and says so once, when the content folder is not where the server looks', async () => {
    const root = site();
    await build(root);
    fs.renameSync(path.join(root, 'content'), path.join(root, 'moved'));
    for (const steps of [undefined, { syncLimit: 1, step: 2, delay: 0 }]) {
      const { store, log } = open(root, steps);
      expect(slugs(store.getPublicArticles(NOW))).toEqual(['third-story', 'second-story', 'first-story']);
      await expect.poll(() => log.length, { timeout: 5_000, interval: 10 }).toBe(1);
      expect(slugs(store.getPublicArticles(NOW))).toEqual(['third-story', 'second-story', 'first-story']);
      expect(store.getPage('about')?.title).toBe('About Us');
      expect(log).toEqual([
        `content: ${path.join(root, 'content/news')} and ${path.join(root, 'content/pages')} are missing: serving the content as built (${path.join(root, '.next/cache/content/index.db')}); edits made since the build are not shown until the folder is there (CONTENT_DIR names it, relative to the server's directory)`,
      ]);
    }
  });

  it('answers from the index without reading a file whose size and times match it, so a draft is never read', async () => {
    const root = site();
    const draft = path.join(root, 'content/news/secret-draft.md');
    // Whole seconds: a Date set back on the file keeps them exactly.
    const [atime, mtime] = [new Date('2024-01-01T00:00:00Z'), new Date('2024-01-02T00:00:00Z')];
    fs.utimesSync(draft, atime, mtime);
    await build(root);
    const { size } = fs.statSync(draft);
    // Same size and times, but it now says "published": only a reader of the file could know.
    const swapped = story(`Draft ${DRAFT_WORD}`, { status: 'published', body: `Draft text ${DRAFT_WORD}.` }).padEnd(size, ' ');
    expect(Buffer.byteLength(swapped)).toBe(size);
    fs.writeFileSync(draft, swapped);
    fs.utimesSync(draft, atime, mtime);
    const { store } = open(root);
    const served = store.getPublicArticles(NOW);
    expect(slugs(served)).toEqual(['third-story', 'second-story', 'first-story']);
    expect(served.every(built)).toBe(true);
    // Once its stamp changes, the file is read, and what it says now counts.
    fs.utimesSync(draft, atime, new Date(mtime.getTime() + 1_000));
    expect(slugs(open(root).store.getPublicArticles(NOW))).toContain('secret-draft');
  });

  it('publishes a scheduled article when its time comes, read from its file then', async () => {
    const root = site();
    await build(root);
    const { store } = open(root);
    expect(slugs(store.getPublicArticles(NOW))).not.toContain('later-story');
    expect(store.getPublicArticle('later-story', new Date('2030-01-01T13:59:59Z'))).toBeUndefined();
    const due = new Date('2030-01-01T14:00:00Z');
    expect(store.getPublicArticle('later-story', due)?.body.tree.children.length).toBeGreaterThan(0);
    expect(slugs(store.getPublicArticles(due))[0]).toBe('later-story');
  });

  it('serves the build’s version of a file broken after the build, and says so once', async () => {
    const root = site();
    await build(root);
    edit(path.join(root, 'content/news/first-story.md'), story('First Story', { date: '2023-02-30' }));
    const { store, log } = open(root);
    expect(store.getPublicArticle('first-story', NOW)?.title).toBe('First Story');
    store.getPublicArticles(NOW);
    expect(log).toEqual([
      expect.stringMatching(/^content: content\/news\/first-story\.md:4: date: .*; serving the last good version of content\/news\/first-story\.md \(validated by the build\) until it is fixed$/),
    ]);
  });

  it('reads bodies only when asked, and says which file and what to run when there is no index', async () => {
    const root = site();
    await build(root);
    const { store } = open(root);
    const article = store.getPublicArticle('first-story', NOW)!;
    expect(Object.keys(article)).not.toContain('body');
    expect(article.body.tree.children).toHaveLength(1);
    // Search shows passages without the body: a results page parses none.
    const other = store.getPublicArticle('second-story', NOW)!;
    Object.defineProperty(other, 'body', { get: () => expect.unreachable('the body was parsed') });
    expect(searchableText(other).paragraphs).toEqual(['The body of Second Story.']);
    const missing = path.join(root, '.next/content-index.db');
    expect(() => createIndexedStore({ indexFile: missing, contentDir: root, timeZone: ZONE, log: () => {}, compare: true })).toThrow(
      `content index ${missing} is missing: run npm run build, which writes it (and npm run standalone, which copies it next to the server)`,
    );
  });
});
