import MiniSearch, { type Options } from 'minisearch';
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
  /** Read from the article's body when first asked: only the hits on the page shown need it. */
  readonly text: SearchableText;
}

export interface SearchIndex {
  /** How many articles are indexed. */
  readonly size: number;
  /**
   * Articles containing every one of `queryTerms` (normalized, see parseQuery), in any field;
   * best match first, then newest first. With `now`, only articles published at or before it.
   */
  search(queryTerms: string[], now?: Date): SearchHit[];
}

const MINISEARCH_OPTIONS: Options<IndexedDocument> = {
  fields: Object.keys(FIELD_BOOST),
  // Terms arrive normalized (lib/search/words.ts) from both the documents and the query.
  tokenize: terms,
  processTerm: (term: string) => term,
  searchOptions: {
    boost: { ...FIELD_BOOST },
    // A reader adding a word expects fewer results, not more.
    combineWith: 'AND',
    prefix: (term: string) => length(term) >= PREFIX_FROM,
    fuzzy: (term: string) => (length(term) >= FUZZY_FROM ? 1 : false),
  },
};

function documentOf(article: Article): IndexedDocument {
  const text = searchableText(article);
  return {
    id: article.slug,
    title: text.title,
    summary: text.summary,
    topics: text.topics.join('\n'),
    body: text.paragraphs.join('\n'),
    captions: text.captions.join('\n'),
  };
}

/** What the index knows of each article it holds: the source it was made from, and when it went public. */
export interface IndexedEntry {
  /** `Article.sourceHash` of the version indexed. */
  sourceHash: string;
  /** Milliseconds since the epoch (`Article.publishedAt`). */
  publishedAt: number;
}

/** A MiniSearch index and the version of each article in it: what the build writes (index-file.ts). */
export interface ArticleIndex {
  readonly miniSearch: MiniSearch<IndexedDocument>;
  readonly entries: Map<string, IndexedEntry>;
}

export function emptyArticleIndex(): ArticleIndex {
  return { miniSearch: new MiniSearch<IndexedDocument>(MINISEARCH_OPTIONS), entries: new Map() };
}

/** An index of MiniSearch's own JSON (`MiniSearch#toJSON`), made with this module's options. */
export function loadArticleIndex(miniSearchJson: string, entries: Map<string, IndexedEntry>): ArticleIndex {
  return { miniSearch: MiniSearch.loadJSON<IndexedDocument>(miniSearchJson, MINISEARCH_OPTIONS), entries };
}

/** Indexes every article's titles, summaries, topics, body text and captions. */
export function indexArticles(articles: Article[], into: ArticleIndex = emptyArticleIndex()): ArticleIndex {
  into.miniSearch.addAll(articles.map(documentOf));
  for (const article of articles) into.entries.set(article.slug, entryOf(article));
  return into;
}

const entryOf = (article: Article): IndexedEntry => ({ sourceHash: article.sourceHash, publishedAt: article.publishedAt.getTime() });

/**
 * Brings `index` in line with `articles`, in place: an article that is new, or whose source
 * changed since it was indexed, is indexed again from its parsed body; one no longer in the list
 * is dropped. Returns how many were indexed again.
 */
export function reconcile(index: ArticleIndex, articles: Article[]): number {
  const wanted = new Set<string>();
  const changed: Article[] = [];
  for (const article of articles) {
    wanted.add(article.slug);
    const known = index.entries.get(article.slug);
    if (known?.sourceHash === article.sourceHash && known.publishedAt === article.publishedAt.getTime()) continue;
    if (known) index.miniSearch.discard(article.slug);
    changed.push(article);
  }
  for (const slug of [...index.entries.keys()]) {
    if (wanted.has(slug)) continue;
    index.miniSearch.discard(slug);
    index.entries.delete(slug);
  }
  indexArticles(changed, index);
  return changed.length;
}

/** Searches `index` for `articles` (the ones it holds that are not in the list are never found). */
export function searchOver(index: ArticleIndex, articles: Article[]): SearchIndex {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const texts = new Map<string, SearchableText>();
  const textOf = (article: Article) => {
    let text = texts.get(article.slug);
    if (!text) texts.set(article.slug, (text = searchableText(article)));
    return text;
  };
  return {
    size: bySlug.size,
    search(queryTerms, now) {
      if (queryTerms.length === 0) return [];
      const until = now?.getTime() ?? Infinity;
      const published = (slug: string) => (index.entries.get(slug)?.publishedAt ?? Infinity) <= until;
      return index.miniSearch
        .search(queryTerms.join(' '), { filter: (result) => bySlug.has(String(result.id)) && published(String(result.id)) })
        .flatMap((result): SearchHit[] => {
          const article = bySlug.get(String(result.id));
          if (!article) return [];
          const hit = {
            article,
            score: result.score,
            matched: new Set(result.terms),
            get text() {
              return textOf(article);
            },
          };
          return [hit];
        })
        .sort((a, b) => b.score - a.score || b.article.publishedAt.getTime() - a.article.publishedAt.getTime());
    },
  };
}

/** A MiniSearch index over the given articles, built in memory now. */
export function createSearchIndex(articles: Article[]): SearchIndex {
  return searchOver(indexArticles(articles), articles);
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
