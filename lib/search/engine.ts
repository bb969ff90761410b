import MiniSearch from 'minisearch';
import type { Article } from '../content/types';
import { searchableText, type SearchableText } from './text';
import { terms } from './words';

/** How much a match in each field counts: the headline most, then topics and summary, then text. */
export const FIELD_BOOST = { title: 4, topics: 2, summary: 2, captions: 1, body: 1 } as const;

type Field = keyof typeof FIELD_BOOST;
type IndexedDocument = { id: string } & Record<Field, string>;

/** Prefix matching from 4 characters ("read" finds "readiness"); one typo allowed from 5 ("hurrikane"). */
const PREFIX_FROM = 4;
const FUZZY_FROM = 5;
const length = (term: string) => [...term].length;

export interface SearchHit {
  article: Article;
  score: number;
  /** The index's terms that the query matched in this article, for highlighting. */
  matched: ReadonlySet<string>;
  text: SearchableText;
}

export interface SearchIndex {
  /** How many articles are indexed. */
  readonly size: number;
  /**
   * Articles containing every one of `queryTerms` (normalized, see parseQuery), in any field;
   * best match first, then newest first.
   */
  search(queryTerms: string[]): SearchHit[];
}

/** A MiniSearch index over the given articles' titles, summaries, topics, body text and captions. */
export function createSearchIndex(articles: Article[]): SearchIndex {
  const bySlug = new Map(articles.map((article) => [article.slug, { article, text: searchableText(article) }]));
  const index = new MiniSearch<IndexedDocument>({
    fields: Object.keys(FIELD_BOOST),
    // Terms arrive normalized (lib/search/words.ts) from both the documents and the query.
    tokenize: terms,
    processTerm: (term) => term,
    searchOptions: {
      boost: { ...FIELD_BOOST },
      // A reader adding a word expects fewer results, not more.
      combineWith: 'AND',
      prefix: (term) => length(term) >= PREFIX_FROM,
      fuzzy: (term) => (length(term) >= FUZZY_FROM ? 1 : false),
    },
  });
  index.addAll(
    [...bySlug.values()].map(({ article, text }) => ({
      id: article.slug,
      title: text.title,
      summary: text.summary,
      topics: text.topics.join('\n'),
      body: text.paragraphs.join('\n'),
      captions: text.captions.join('\n'),
    })),
  );

  return {
    size: bySlug.size,
    search(queryTerms) {
      if (queryTerms.length === 0) return [];
      return index
        .search(queryTerms.join(' '))
        .flatMap((result) => {
          const found = bySlug.get(String(result.id));
          return found ? [{ ...found, score: result.score, matched: new Set(result.terms) }] : [];
        })
        .sort((a, b) => b.score - a.score || b.article.publishedAt.getTime() - a.article.publishedAt.getTime());
    },
  };
}

export interface ResultsPage {
  hits: SearchHit[];
  total: number;
  /** 1-based. */
  page: number;
  /** At least 1, so "page 1 of 1" holds for no results too. */
  pageCount: number;
  /** The page asked for is past the last one (its hits are empty). */
  outOfRange: boolean;
  /** 1-based position of the page's first and last hit (0 and 0 when there are none). */
  first: number;
  last: number;
}

export function paginate(hits: SearchHit[], page: number, perPage: number): ResultsPage {
  const pageCount = Math.max(1, Math.ceil(hits.length / perPage));
  const outOfRange = page > pageCount;
  const slice = outOfRange ? [] : hits.slice((page - 1) * perPage, page * perPage);
  const first = slice.length > 0 ? (page - 1) * perPage + 1 : 0;
  return { hits: slice, total: hits.length, page, pageCount, outOfRange, first, last: first === 0 ? 0 : first + slice.length - 1 };
}
