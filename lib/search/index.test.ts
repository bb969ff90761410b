import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { goodRoot, lines, makeTree, removeTrees } from '../content/__fixtures__/make-tree';
import { createContentStore } from '../content/store';
import type { Article } from '../content/types';
import { searchDocumentOf } from './document';
import { searchOver } from './engine';
import { createPublicSearch } from './index';
import { INDEX_FORMAT, openSearchDatabase, writeSearchDatabase } from './index-db';

afterAll(removeTrees);

const store = createContentStore(goodRoot);
// nato-summit-scheduled.md is dated 2030-01-01T10:00:00-05:00 and says "Embargoed.";
// nato-exercise-draft.md is a draft that says "Not yet.".
const BEFORE = new Date('2029-12-31T00:00:00Z');
const AFTER = new Date('2030-01-01T15:00:01Z');

interface Build {
  file: string;
  /** lib/content's builtIntoIndex for this build: the article is in the file, as it is now. */
  builtIntoIndex: (article: Article) => boolean;
}

/** What the build writes for `articles` (the public ones), in a folder of its own. */
function build(articles: Article[]): Build {
  const file = path.join(makeTree({}), '.next', 'search-index.db');
  writeSearchDatabase(file, articles.map(searchDocumentOf));
  const hashes = new Map(articles.map((article) => [article.slug, article.sourceHash]));
  return { file, builtIntoIndex: (article) => hashes.get(article.slug) === article.sourceHash };
}

const buildAt = (builtAt: Date) => build(store.getPublicArticles(builtAt));
const publicSearchOf = ({ file, builtIntoIndex }: Build) => createPublicSearch({ openDatabase: () => openSearchDatabase(file), builtIntoIndex });
const slugs = (results: { hits: { article: { slug: string } }[] }) => results.hits.map((hit) => hit.article.slug);
const termsIn = (file: string) => new Database(file, { readonly: true }).prepare('SELECT term FROM terms').pluck().all() as string[];

describe('the public search over the build’s database', () => {
  it('opens the file on the first search, not before, and once', () => {
    const built = buildAt(BEFORE);
    const openDatabase = vi.fn(() => openSearchDatabase(built.file));
    const search = createPublicSearch({ openDatabase, builtIntoIndex: built.builtIntoIndex });
    expect(openDatabase).not.toHaveBeenCalled();
    const first = search.over(store.getPublicArticles(BEFORE));
    expect(openDatabase).toHaveBeenCalledTimes(1);
    expect(search.over(store.getPublicArticles(BEFORE))).toBe(first);
    expect(openDatabase).toHaveBeenCalledTimes(1);
  });

  it('opens the file when the server prepares it, so the first search finds it open', () => {
    const built = buildAt(BEFORE);
    const openDatabase = vi.fn(() => openSearchDatabase(built.file));
    const search = createPublicSearch({ openDatabase, builtIntoIndex: built.builtIntoIndex });
    const articles = store.getPublicArticles(BEFORE);
    search.prepare(articles);
    expect(openDatabase).toHaveBeenCalledTimes(1);
    expect(slugs(search.over(articles).search(['poland'], BEFORE))).toContain('allies-meet-in-poland');
    expect(openDatabase).toHaveBeenCalledTimes(1);
  });

  it('answers a query asked again from its last results while the public articles are the same, and finds again when they change', () => {
    const search = publicSearchOf(buildAt(BEFORE));
    const first = search.page(store.getPublicArticles(BEFORE), ['nato'], 1, 10, BEFORE);
    expect(first.total).toBeGreaterThan(0);
    expect(search.page(store.getPublicArticles(BEFORE), ['nato'], 1, 10, BEFORE)).toBe(first);
    expect(search.page(store.getPublicArticles(BEFORE), ['nato'], 2, 10, BEFORE)).not.toBe(first);
    expect(search.page(store.getPublicArticles(BEFORE), ['poland'], 1, 10, BEFORE)).not.toBe(first);
    // A scheduled article's time has come: a new public set, so the query is answered anew.
    const after = search.page(store.getPublicArticles(AFTER), ['embargoed'], 1, 10, AFTER);
    expect(after.hits.map((hit) => hit.article.slug)).toEqual(['nato-summit-scheduled']);
    expect(search.page(store.getPublicArticles(BEFORE), ['embargoed'], 1, 10, BEFORE).total).toBe(0);
  });

  it('finds a scheduled article once the clock passes its time, without a new file, and not before', () => {
    const search = publicSearchOf(buildAt(BEFORE));
    expect(slugs(search.over(store.getPublicArticles(BEFORE)).search(['embargoed'], BEFORE))).toEqual([]);
    expect(slugs(search.over(store.getPublicArticles(AFTER)).search(['embargoed'], AFTER))).toEqual(['nato-summit-scheduled']);
  });

  it('answers only articles whose stored publication instant has come', () => {
    // A build after the scheduled time holds it; a server whose clock reads earlier must not find it.
    const index = publicSearchOf(buildAt(AFTER)).over(store.getPublicArticles(AFTER));
    expect(slugs(index.search(['embargoed'], AFTER))).toEqual(['nato-summit-scheduled']);
    expect(index.search(['embargoed'], BEFORE)).toEqual({ total: 0, hits: [] });
  });

  it('never holds a draft, in the file or in the search', () => {
    const { file } = buildAt(AFTER);
    expect(fs.readFileSync(file).includes('nato-exercise-draft')).toBe(false);
    expect(termsIn(file)).toContain('embargoed');
    expect(termsIn(file)).not.toContain('yet');
    const found = publicSearchOf(buildAt(AFTER)).over(store.getPublicArticles(AFTER));
    expect(found.search(['not', 'yet'], AFTER).total).toBe(0);
    expect(found.search(['draft'], AFTER).total).toBe(0);
  });

  it('holds no scheduled article whose time had not come at the build', () => {
    const { file } = buildAt(BEFORE);
    expect(fs.readFileSync(file).includes('nato-summit-scheduled')).toBe(false);
    expect(termsIn(file)).not.toContain('embargoed');
    expect(termsIn(file)).toContain('poland');
  });
});

describe('the build’s database and the articles indexed in memory', () => {
  const story = (title: string, word: string, date = '2024-01-10') =>
    lines('---', `title: ${title}`, 'summary: A story written for the search tests, long enough to be a summary.', `date: ${date}`, 'topics: [Readiness]', 'status: published', '---', '', `The ${word} report on the ${word} drill.`);
  const files = {
    'content/news/review-released.md': story('Review Released', 'quarterly'),
    'content/news/drill-ends.md': story('Drill Ends', 'winter', '2024-02-01'),
    'content/news/readiness-drill.md': story('Readiness Drill', 'quarterly', '2024-03-01'),
    'content/news/summer-drill.md': story('Summer Drill', 'summer', '2023-03-01'),
  };

  it('finds an article changed since the build by its new words, not its old ones, and forgets one removed', () => {
    const root = makeTree(files);
    const built = build(createContentStore(root).getPublicArticles(AFTER));
    fs.writeFileSync(path.join(root, 'content/news/review-released.md'), story('Review Released', 'annual'));
    fs.rmSync(path.join(root, 'content/news/drill-ends.md'));
    fs.writeFileSync(path.join(root, 'content/news/talks-open.md'), story('Talks Open', 'quarterly'));
    const index = publicSearchOf(built).over(createContentStore(root).getPublicArticles(AFTER));
    expect(slugs(index.search(['annual'], AFTER))).toEqual(['review-released']);
    expect(slugs(index.search(['quarterly'], AFTER)).sort()).toEqual(['readiness-drill', 'talks-open']);
    expect(index.search(['winter'], AFTER)).toEqual({ total: 0, hits: [] });
    expect(index.size).toBe(4);
  });

  it('never returns a row of the database whose article is no longer public, and does not count it', () => {
    const articles = createContentStore(makeTree(files)).getPublicArticles(AFTER);
    const built = build(articles);
    const index = publicSearchOf(built).over(articles.filter((article) => article.slug !== 'readiness-drill'));
    expect(slugs(index.search(['quarterly'], AFTER))).toEqual(['review-released']);
    expect(index.search(['drill'], AFTER).total).toBe(3);
  });

  it('scores an article in memory exactly as the database scores it, so the two rank on one scale', () => {
    const articles = createContentStore(makeTree(files)).getPublicArticles(AFTER);
    const built = build(articles);
    const database = openSearchDatabase(built.file);
    const allBuilt = searchOver(articles, { database, builtIntoIndex: built.builtIntoIndex });
    // Half the articles as if their files had changed since the build (same words): searched in memory.
    const inMemory = new Set(['review-released', 'summer-drill']);
    const mixed = searchOver(articles, { database, builtIntoIndex: (article) => !inMemory.has(article.slug) });
    for (const query of [['drill'], ['quarterly'], ['drill', 'readiness'], ['summr'], ['quart']]) {
      const expected = allBuilt.search(query, AFTER).hits;
      const found = mixed.search(query, AFTER).hits;
      expect(found.length, query.join(' ')).toBeGreaterThan(0);
      expect(found.map((hit) => hit.article.slug), query.join(' ')).toEqual(expected.map((hit) => hit.article.slug));
      found.forEach((hit, i) => expect(hit.score, `${query.join(' ')}: ${hit.article.slug}`).toBeCloseTo(expected[i]!.score, 12));
    }
    // Database and memory hits interleave: drill-ends is a row, summer-drill and review-released are in memory.
    expect(mixed.search(['drill'], AFTER).hits.map((hit) => hit.article.slug)).toEqual(['readiness-drill', 'drill-ends', 'summer-drill', 'review-released']);
  });

  it('finds the articles of its rows whether the list is newest first (lib/content’s order) or not', () => {
    const articles = createContentStore(makeTree(files)).getPublicArticles(AFTER);
    const built = build(articles);
    const database = openSearchDatabase(built.file);
    const newestFirst = [...articles].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    const expected = ['readiness-drill', 'drill-ends', 'summer-drill', 'review-released'];
    for (const list of [newestFirst, [...newestFirst].reverse()]) {
      expect(slugs(searchOver(list, { database, builtIntoIndex: built.builtIntoIndex }).search(['drill'], AFTER))).toEqual(expected);
    }
  });

  it('merges pages from both: the second page continues where the first stopped', () => {
    const articles = createContentStore(makeTree(files)).getPublicArticles(AFTER);
    const built = build(articles);
    const index = searchOver(articles, { database: openSearchDatabase(built.file), builtIntoIndex: (article) => article.slug !== 'drill-ends' });
    const all = index.search(['drill'], AFTER).hits.map((hit) => hit.article.slug);
    const pages = [0, 1, 2, 3].flatMap((offset) => index.search(['drill'], AFTER, { offset, limit: 1 }).hits.map((hit) => hit.article.slug));
    expect(pages).toEqual(all);
    expect(index.search(['drill'], AFTER, { offset: 1, limit: 2 }).total).toBe(4);
  });
});

describe('a word in more articles than the database ranks', () => {
  // Six articles a day apart, all with "drill"; the oldest two say it most (in the title too).
  const days = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06'];
  const files = Object.fromEntries(
    days.map((date, i) => [
      `content/news/drill-${i + 1}.md`,
      lines('---', `title: ${i < 2 ? 'Drill Drill' : `Report ${i + 1}`}`, 'summary: A story written for the search tests, long enough to be a summary.', `date: ${date}`, 'topics: [Readiness]', 'status: published', '---', '', 'The drill went well.'),
    ]),
  );
  const articles = createContentStore(makeTree(files)).getPublicArticles(AFTER);
  const built = build(articles);
  const database = openSearchDatabase(built.file);
  const bySlug = (results: { hits: { article: { slug: string } }[] }) => slugs(results);

  it('ranks the newest matches by relevance, then lists the older ones newest first, and counts them all', () => {
    const index = searchOver(articles, { database, builtIntoIndex: built.builtIntoIndex, rankedNewest: 3 });
    expect(bySlug(index.search(['drill'], AFTER))).toEqual(['drill-6', 'drill-5', 'drill-4', 'drill-3', 'drill-2', 'drill-1']);
    expect(index.search(['drill'], AFTER).total).toBe(6);
    const whole = searchOver(articles, { database, builtIntoIndex: built.builtIntoIndex });
    expect(bySlug(whole.search(['drill'], AFTER))).toEqual(['drill-2', 'drill-1', 'drill-6', 'drill-5', 'drill-4', 'drill-3']);
  });

  it('pages across the ranked and the older matches without losing or repeating one', () => {
    const index = searchOver(articles, { database, builtIntoIndex: (article) => article.slug !== 'drill-4', rankedNewest: 2 });
    const all = bySlug(index.search(['drill'], AFTER));
    expect(all).toHaveLength(6);
    expect(new Set(all).size).toBe(6);
    for (const limit of [1, 2, 4]) {
      const pages = [0, 1, 2, 3, 4, 5].filter((offset) => offset % limit === 0).flatMap((offset) => bySlug(index.search(['drill'], AFTER, { offset, limit })));
      expect(pages, `pages of ${limit}`).toEqual(all);
    }
  });

  it('counts and returns only rows published by the clock', () => {
    const index = searchOver(articles, { database, builtIntoIndex: built.builtIntoIndex, rankedNewest: 3 });
    const clock = new Date('2024-01-03T12:00:00-05:00');
    expect(bySlug(index.search(['drill'], clock))).toEqual(['drill-2', 'drill-1', 'drill-3']);
  });

  it('holds back a row published later in the clock’s own minute, to the millisecond', () => {
    const timed = createContentStore(
      makeTree({
        'content/news/timed-drill.md': lines('---', 'title: Timed Drill', 'summary: A story written for the search tests, long enough to be a summary.', 'date: 2024-01-07T10:00:30-05:00', 'topics: [Readiness]', 'status: published', '---', '', 'The drill.'),
      }),
    ).getPublicArticles(AFTER);
    const timedBuild = build(timed);
    const index = searchOver(timed, { database: openSearchDatabase(timedBuild.file), builtIntoIndex: timedBuild.builtIntoIndex });
    expect(index.search(['drill'], new Date('2024-01-07T10:00:29.999-05:00'))).toEqual({ total: 0, hits: [] });
    expect(bySlug(index.search(['drill'], new Date('2024-01-07T10:00:30-05:00')))).toEqual(['timed-drill']);
  });
});

describe('the database file', () => {
  const REBUILD = ': run npm run build, which writes it (and npm run standalone, which copies it next to the server)';

  it('is written whole or not at all, and says how much it wrote', () => {
    const file = path.join(makeTree({}), '.next', 'search-index.db');
    const written = writeSearchDatabase(file, store.getPublicArticles(BEFORE).map(searchDocumentOf));
    expect(written).toEqual({ bytes: fs.statSync(file).size, count: store.getPublicArticles(BEFORE).length });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['search-index.db']);
    const failing = function* () {
      yield searchDocumentOf(store.getPublicArticles(BEFORE)[0]!);
      throw new Error('a worker failed');
    };
    expect(() => writeSearchDatabase(file, failing())).toThrow('a worker failed');
    expect(openSearchDatabase(file).stats.rows).toBe(written.count);
  });

  it('refuses more than 1,024 articles in one minute, saying which minute and what to change', () => {
    const file = path.join(makeTree({}), '.next', 'search-index.db');
    const template = searchDocumentOf(store.getPublicArticles(BEFORE)[0]!);
    const publishedAt = Date.UTC(2023, 5, 13, 4);
    const documents = Array.from({ length: 1025 }, (_, i) => ({ ...template, slug: `story-${i}`, publishedAt }));
    expect(() => writeSearchDatabase(file, documents.slice(0, 1024))).not.toThrow();
    expect(() => writeSearchDatabase(file, documents)).toThrow(
      'search index: more than 1024 articles are dated 2023-06-13T04:00:00.000Z (to the minute), story-1024 among them; the index numbers at most 1,024 articles per minute of publication (decision 0023): give some of them a time of day (date: 2023-06-13T09:30)',
    );
  });

  it('names the file and what to run when it is missing', () => {
    const file = path.join(makeTree({}), '.next', 'search-index.db');
    expect(() => openSearchDatabase(file)).toThrow(`search index ${file} is missing${REBUILD}`);
  });

  it('names the file and what to run when it is corrupt', () => {
    const good = fs.readFileSync(buildAt(BEFORE).file);
    const cases: [string | Buffer, string][] = [
      ['{"format":"newsroom-search-index"}', 'file is not a database'],
      [good.subarray(0, 4096), 'database disk image is malformed'],
    ];
    for (const [bytes, why] of cases) {
      const file = path.join(makeTree({ '.next/search-index.db': bytes }), '.next', 'search-index.db');
      expect(() => openSearchDatabase(file)).toThrow(`search index ${file} is corrupt (${why})${REBUILD}`);
    }
  });

  it('names the file and what to run when it is not this index, or not this version of it', () => {
    const edit = (sql: string) => {
      const file = buildAt(BEFORE).file;
      const db = new Database(file);
      db.exec(sql);
      db.close();
      return file;
    };
    const cases: [string, string][] = [
      ['DROP TABLE meta', 'no such table: meta'],
      ["UPDATE meta SET value = 1 WHERE key = 'version'", `it is not a ${INDEX_FORMAT} version 2 file`],
      ["UPDATE meta SET value = 'x' WHERE key = 'format'", `it is not a ${INDEX_FORMAT} version 2 file`],
      ["DELETE FROM meta WHERE key = 'tokens'", 'its row and token counts are missing'],
    ];
    for (const [sql, why] of cases) {
      const file = edit(sql);
      expect(() => openSearchDatabase(file), sql).toThrow(`search index ${file} is corrupt (${why})${REBUILD}`);
    }
  });
});
