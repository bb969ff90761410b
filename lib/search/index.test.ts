import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { goodRoot, lines, makeTree, removeTrees } from '../content/__fixtures__/make-tree';
import { createContentStore } from '../content/store';
import { emptyArticleIndex } from './engine';
import { createPublicSearch } from './index';
import { readSearchIndexFile, writeSearchIndexFile } from './index-file';

afterAll(removeTrees);

const store = createContentStore(goodRoot);
// nato-summit-scheduled.md is dated 2030-01-01T10:00:00-05:00 and says "Embargoed.";
// nato-exercise-draft.md is a draft that says "Not yet.".
const BEFORE = new Date('2029-12-31T00:00:00Z');
const AFTER = new Date('2030-01-01T15:00:01Z');

/** The index file a build at `builtAt` writes for the good fixture, in a folder of its own. */
function buildAt(builtAt: Date): string {
  const file = path.join(makeTree({}), '.next', 'search-index.json');
  writeSearchIndexFile(file, store.getPublicArticles(builtAt), builtAt);
  return file;
}

const slugs = (hits: { article: { slug: string } }[]) => hits.map((hit) => hit.article.slug);

describe('the public search over the build’s index', () => {
  it('reads the file on the first search, not before, and once', () => {
    const file = buildAt(BEFORE);
    const load = vi.fn(() => readSearchIndexFile(file));
    const search = createPublicSearch(load);
    expect(load).not.toHaveBeenCalled();
    const first = search(store.getPublicArticles(BEFORE));
    expect(load).toHaveBeenCalledTimes(1);
    expect(search(store.getPublicArticles(BEFORE))).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('finds a scheduled article once the clock passes its time, without a new file, and not before', () => {
    const search = createPublicSearch(() => readSearchIndexFile(buildAt(BEFORE)));
    expect(slugs(search(store.getPublicArticles(BEFORE)).search(['embargoed'], BEFORE))).toEqual([]);
    expect(slugs(search(store.getPublicArticles(AFTER)).search(['embargoed'], AFTER))).toEqual(['nato-summit-scheduled']);
  });

  it('answers only articles whose stored publication instant has come', () => {
    // A build after the scheduled time holds it; a server whose clock reads earlier must not find it.
    const index = readSearchIndexFile(buildAt(AFTER));
    const search = createPublicSearch(() => index);
    const articles = store.getPublicArticles(AFTER);
    expect(slugs(search(articles).search(['embargoed'], AFTER))).toEqual(['nato-summit-scheduled']);
    expect(slugs(search(articles).search(['embargoed'], BEFORE))).toEqual([]);
  });

  it('never holds a draft, in the file or in the search', () => {
    const file = buildAt(AFTER);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('nato-exercise-draft');
    expect(text.toLowerCase()).not.toMatch(/"not"|"yet"/);
    const found = createPublicSearch(() => readSearchIndexFile(file))(store.getPublicArticles(AFTER));
    expect(found.search(['not', 'yet'], AFTER)).toEqual([]);
    expect(found.search(['draft'], AFTER)).toEqual([]);
  });

  it('holds no scheduled article whose time had not come at the build', () => {
    const text = fs.readFileSync(buildAt(BEFORE), 'utf8');
    expect(text).not.toContain('nato-summit-scheduled');
    expect(text).not.toContain('embargoed');
  });

  it('indexes in memory a file changed since the build, and forgets one removed', () => {
    const story = (title: string, word: string) =>
      lines('---', `title: ${title}`, 'summary: A story written for the search tests, long enough to be a summary.', 'date: 2024-01-10', 'topics: [Readiness]', 'status: published', '---', '', `The ${word} report.`);
    const root = makeTree({
      'content/news/review-released.md': story('Review Released', 'quarterly'),
      'content/news/drill-ends.md': story('Drill Ends', 'winter'),
    });
    const file = path.join(root, '.next', 'search-index.json');
    writeSearchIndexFile(file, createContentStore(root).getPublicArticles(AFTER), AFTER);
    fs.writeFileSync(path.join(root, 'content/news/review-released.md'), story('Review Released', 'annual'));
    fs.rmSync(path.join(root, 'content/news/drill-ends.md'));
    fs.writeFileSync(path.join(root, 'content/news/talks-open.md'), story('Talks Open', 'quarterly'));
    const index = readSearchIndexFile(file);
    const search = createPublicSearch(() => index)(createContentStore(root).getPublicArticles(AFTER));
    expect(slugs(search.search(['annual'], AFTER))).toEqual(['review-released']);
    expect(slugs(search.search(['quarterly'], AFTER))).toEqual(['talks-open']);
    expect(slugs(search.search(['winter'], AFTER))).toEqual([]);
  });

  it('indexes every article in memory when it starts from an empty index (next dev)', () => {
    const search = createPublicSearch(emptyArticleIndex)(store.getPublicArticles(AFTER));
    expect(slugs(search.search(['embargoed'], AFTER))).toEqual(['nato-summit-scheduled']);
  });
});

describe('the index file', () => {
  it('names the file and what to run when it is missing', () => {
    const file = path.join(makeTree({}), '.next', 'search-index.json');
    expect(() => readSearchIndexFile(file)).toThrow(
      `search index ${file} is missing: run npm run build, which writes it (and npm run standalone, which copies it next to the server)`,
    );
  });

  it('names the file and what to run when it is corrupt', () => {
    const good = fs.readFileSync(buildAt(BEFORE), 'utf8');
    const newline = good.indexOf('\n');
    const cases: [string, string][] = [
      ['', 'no header line'],
      ['{"format":"newsroom-search-index"\n{}', 'header line: '],
      ['{"format":"something-else","version":1,"builtAt":"x","articles":[]}\n{}', 'the header is not a newsroom-search-index version 1 header'],
      [`${good.slice(0, newline)}\n{"documentCount":`, 'MiniSearch index: '],
      [good.slice(0, good.length - 1), 'MiniSearch index: '],
      [`{"format":"newsroom-search-index","version":1,"builtAt":"x","articles":[]}${good.slice(newline)}`, 'the header lists 0 articles, the index holds'],
    ];
    for (const [text, why] of cases) {
      const file = path.join(makeTree({ '.next/search-index.json': text }), '.next', 'search-index.json');
      expect(() => readSearchIndexFile(file)).toThrow(`search index ${file} is corrupt (${why}`);
      expect(() => readSearchIndexFile(file)).toThrow(/: run npm run build, which writes it/);
    }
  });
});
