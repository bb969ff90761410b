import 'server-only';
import { builtIntoIndex, getArticlesForView } from '../content';
import type { Article } from '../content/types';
import { now as clockNow } from '../clock';
import { searchOver, searchPage, type ResultsPage, type SearchIndex } from './engine';
import { openSearchDatabase, searchIndexFile, type SearchDatabase } from './index-db';
import { parseQuery, RESULTS_PER_PAGE, type Query } from './query';

export { firstParam, MAX_QUERY_LENGTH, parsePage, parseQuery, queryMessage, RESULTS_PER_PAGE } from './query';
export type { Query } from './query';
export type { ResultsPage, SearchHit } from './engine';
export type { TextPart } from './highlight';
export { highlight, snippet } from './highlight';
export { searchMetadata } from './metadata';

export interface PublicSearchOptions {
  /** The build's database, opened once; undefined where there is none (next dev). */
  openDatabase: () => SearchDatabase | undefined;
  builtIntoIndex: (article: Article) => boolean;
}

/**
 * The public search over the build's database (opened on the first search or by `prepare`) and,
 * in memory, the public articles it does not hold as they are now. The memory part is made again
 * only when the public set changes (a scheduled article's time comes, a file changes).
 */
export function createPublicSearch({ openDatabase, builtIntoIndex: built }: PublicSearchOptions) {
  let database: { value: SearchDatabase | undefined } | undefined;
  let cached: { articles: readonly Article[]; index: SearchIndex } | undefined;
  // The store hands out the same Article objects until the public set changes: comparing them
  // one by one costs far less than a key string built from every slug on every query.
  const same = (a: readonly Article[], b: readonly Article[]) => a === b || (a.length === b.length && a.every((article, i) => article === b[i]));
  const open = () => (database ??= { value: openDatabase() }).value;
  const over = (articles: readonly Article[]): SearchIndex => {
    const value = open();
    if (!cached || !same(cached.articles, articles)) cached = { articles, index: searchOver(articles, { database: value, builtIntoIndex: built }) };
    return cached.index;
  };
  // The last pages of results asked for, while the public set they were found in stays the same: a
  // popular query is answered again without ranking thousands of rows (about 30 ms for a word in
  // most articles, at 100,000).
  const RESULTS_KEPT = 128;
  let results: { index: SearchIndex; pages: Map<string, ResultsPage> } | undefined;
  return {
    /** Opens the database and prepares its statements (and indexes `articles`), so the first search does not wait for them. */
    prepare(articles?: readonly Article[]): void {
      open();
      if (articles) over(articles);
    },
    over,
    /** One page of results for `terms` among `articles`, from the last ones asked for when they are the same. */
    page(articles: readonly Article[], terms: string[], page: number, perPage: number, now: Date): ResultsPage {
      const index = over(articles);
      if (results?.index !== index) results = { index, pages: new Map() };
      const key = JSON.stringify([terms, page, perPage]);
      let found = results.pages.get(key);
      if (found) results.pages.delete(key);
      else found = searchPage(index, terms, page, perPage, now);
      results.pages.set(key, found);
      if (results.pages.size > RESULTS_KEPT) results.pages.delete(results.pages.keys().next().value!);
      return found;
    },
  };
}

/** The build's database (decision 0023). `next dev` has no build output: there every article is searched in memory. */
const publicSearch = createPublicSearch({
  openDatabase: () => (process.env.NODE_ENV === 'production' ? openSearchDatabase(searchIndexFile()) : undefined),
  builtIntoIndex,
});

/** For the server's start (instrumentation.ts), once the content store is ready: opens the search index and indexes what it lacks. */
export function prepareSearch(): void {
  publicSearch.prepare(getArticlesForView({ preview: false, now: clockNow() }));
}

export type SearchOutcome =
  | { query: Exclude<Query, { kind: 'words' }> }
  | { query: Extract<Query, { kind: 'words' }>; results: ResultsPage };

/**
 * Searches the public articles, as anyone sees them: staff in preview get the public results
 * too, so a draft is never found. Only articles published by the site clock are found.
 */
export function searchPublicArticles(rawQuery: string | string[] | undefined, page: number): SearchOutcome {
  const query = parseQuery(rawQuery);
  if (query.kind !== 'words') return { query };
  const now = clockNow();
  return { query, results: publicSearch.page(getArticlesForView({ preview: false, now }), query.terms, page, RESULTS_PER_PAGE, now) };
}
