import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JPEG_40x30, lines, makeTree, removeTrees } from '../content/__fixtures__/make-tree';
import { createContentStore } from '../content/store';
import type { Article } from '../content/types';
import { searchDocumentOf } from './document';
import { createSearchIndex, searchOver, searchPage, type SearchIndex } from './engine';
import { openSearchDatabase, writeSearchDatabase } from './index-db';
import { parseQuery } from './query';

afterAll(removeTrees);

interface Story {
  title: string;
  date: string;
  topics?: string;
  summary?: string;
  body: string[];
}

function story({ title, date, topics = '[Readiness]', summary = 'A story written for the search tests, long enough to be a summary.', body }: Story): string {
  return lines('---', `title: ${title}`, `summary: ${summary}`, `date: ${date}`, `topics: ${topics}`, 'status: published', '---', '', ...body);
}

const root = makeTree({
  'content/news/readiness-review-released.md': story({
    title: 'Readiness Review Released',
    date: '2024-01-10',
    body: ['The review looks at the force.'],
  }),
  'content/news/logistics-officers-meet.md': story({
    title: 'Logistics Officers Meet',
    date: '2025-03-01',
    topics: '[Alliances]',
    body: ['Officers discussed readiness, readiness drills and readiness reporting for logistics units.'],
  }),
  'content/news/arctic-drill-ends.md': story({
    title: 'Arctic Drill Ends',
    date: '2023-02-02',
    topics: '[Alliances]',
    body: [
      'Troops finished a winter drill.',
      '',
      '```figure',
      'src: 230202-D-ZZ123-1001.jpg',
      'alt: Soldiers in snow.',
      'title: Cold Start',
      'caption: Soldiers load a sled near Tromsø, Norway.',
      'credit: DOD photo',
      '```',
    ],
  }),
  'content/images/news/arctic-drill-ends/230202-D-ZZ123-1001.jpg': JPEG_40x30,
  'content/news/talks-in-zurich.md': story({
    title: 'Talks Open',
    date: '2022-05-05',
    topics: '[Diplomacy]',
    body: ['Delegates met in Zürich to discuss hurricane relief.', '', '## Next steps', '', '- Plan a second round.'],
  }),
});

/** The build's database of `articles`, searched with every article as the build indexed it. */
function inDatabase(articles: Article[]): SearchIndex {
  const file = path.join(makeTree({}), '.next', 'search-index.db');
  writeSearchDatabase(file, articles.map(searchDocumentOf));
  return searchOver(articles, { database: openSearchDatabase(file), builtIntoIndex: () => true });
}

// Every behaviour holds for both halves of the search: the build's database and the articles indexed in memory.
const BACKENDS = [
  ['in memory', createSearchIndex],
  ['in the build’s database', inDatabase],
] as const;

const articles = createContentStore(root).getArticles();
describe.each(BACKENDS)('the search index, %s', (_, make) => {
  const index = make(articles);
  const find = (q: string) => {
    const query = parseQuery(q);
    if (query.kind !== 'words') throw new Error(`"${q}" is not a searchable query`);
    return index.search(query.terms).hits;
  };
  const slugs = (q: string) => find(q).map((hit) => hit.article.slug);

  it('indexes every article it is given', () => {
    expect(index.size).toBe(4);
  });

  it('ranks a title match above an article that only mentions the word in its text, however often', () => {
    expect(slugs('readiness')).toEqual(['readiness-review-released', 'logistics-officers-meet']);
  });

  it('finds only articles with every word of the query', () => {
    expect(slugs('readiness logistics')).toEqual(['logistics-officers-meet']);
    expect(slugs('readiness hurricane')).toEqual([]);
  });

  it('finds a word that appears only in a figure caption', () => {
    expect(slugs('sled')).toEqual(['arctic-drill-ends']);
  });

  it('finds a word that appears only in the topics', () => {
    expect(slugs('diplomacy')).toEqual(['talks-in-zurich']);
  });

  it('finds text under headings and in lists', () => {
    expect(slugs('second round')).toEqual(['talks-in-zurich']);
  });

  it('matches with or without accents', () => {
    expect(slugs('tromso')).toEqual(['arctic-drill-ends']);
    expect(slugs('Tromsø')).toEqual(['arctic-drill-ends']);
    expect(slugs('ZURICH')).toEqual(['talks-in-zurich']);
  });

  it('matches the start of words of 4 characters or more, and reports the words it matched', () => {
    const [hit] = find('readi');
    expect(hit?.article.slug).toBe('readiness-review-released');
    expect([...(hit?.matched ?? [])]).toEqual(['readiness']);
    expect(slugs('rea')).toEqual([]);
  });

  it('forgives one typo in words of 5 characters or more, not in shorter ones', () => {
    expect(slugs('hurrikane')).toEqual(['talks-in-zurich']);
    expect(slugs('drilx')).toEqual(['arctic-drill-ends']);
    expect(slugs('slad')).toEqual([]);
  });

  it('finds nothing for words that are not there', () => {
    expect(find('submarine')).toEqual([]);
    expect(index.search([])).toEqual({ total: 0, hits: [] });
  });

  it('carries the text it searched, for the snippet', () => {
    const [hit] = find('sled');
    expect(hit?.text.captions).toEqual(['Cold Start', 'Soldiers load a sled near Tromsø, Norway.']);
    expect(hit?.text.paragraphs).toEqual(['Troops finished a winter drill.']);
  });
});

describe.each(BACKENDS)('ties and pages, %s', (_, make) => {
  // 23 articles with the same text: equal scores, so newest first decides the order.
  const days = Array.from({ length: 23 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`);
  const many = createContentStore(
    makeTree(
      Object.fromEntries(
        days.map((date, i) => [`content/news/exercise-${i + 1}.md`, story({ title: `Exercise ${i + 1}`, date, body: ['A field exercise.'] })]),
      ),
    ),
  ).getArticles();
  const index = make(many);

  it('puts equal matches newest first', () => {
    expect(index.search(['field']).hits.map((hit) => hit.article.date)).toEqual([...days].reverse());
  });

  it('splits the results into pages and says which ones each page shows', () => {
    expect(searchPage(index, ['field'], 1, 10)).toMatchObject({ total: 23, page: 1, pageCount: 3, outOfRange: false, first: 1, last: 10 });
    const third = searchPage(index, ['field'], 3, 10);
    expect(third).toMatchObject({ total: 23, page: 3, pageCount: 3, outOfRange: false, first: 21, last: 23 });
    expect(third.hits.map((hit) => hit.article.date)).toEqual(['2024-01-03', '2024-01-02', '2024-01-01']);
  });

  it('marks a page past the last one as out of range, with no hits', () => {
    expect(searchPage(index, ['field'], 4, 10)).toMatchObject({ hits: [], total: 23, pageCount: 3, outOfRange: true, first: 0, last: 0 });
  });

  it('gives no results one empty page', () => {
    expect(searchPage(index, ['submarine'], 1, 10)).toEqual({ hits: [], total: 0, page: 1, pageCount: 1, outOfRange: false, first: 0, last: 0 });
  });
});
