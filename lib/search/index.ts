import 'server-only';
import { getArticlesForView } from '../content';
import type { Article } from '../content/types';
import { createSearchIndex, paginate, type ResultsPage, type SearchIndex } from './engine';
import { parseQuery, RESULTS_PER_PAGE, type Query } from './query';

export { firstParam, MAX_QUERY_LENGTH, parsePage, parseQuery, queryMessage, RESULTS_PER_PAGE } from './query';
export type { Query } from './query';
export type { ResultsPage, SearchHit } from './engine';
export type { TextPart } from './highlight';
export { highlight, snippet } from './highlight';
export { searchMetadata } from './metadata';

/**
 * One index per set of articles, kept while the set stays the same. The public set changes only
 * when a scheduled article's time comes; its slug list is then different and the next search
 * builds a new index, so the article is searchable without a rebuild, and never before.
 */
export function createIndexCache(build: (articles: Article[]) => SearchIndex = createSearchIndex) {
  let cached: { key: string; index: SearchIndex } | undefined;
  return (articles: Article[]): SearchIndex => {
    const key = articles.map((article) => article.slug).join('\n');
    if (cached?.key !== key) cached = { key, index: build(articles) };
    return cached.index;
  };
}

const publicIndex = createIndexCache();

export type SearchOutcome =
  | { query: Exclude<Query, { kind: 'words' }> }
  | { query: Extract<Query, { kind: 'words' }>; results: ResultsPage };

/**
 * Searches the public articles, as anyone sees them: staff in preview get the public results
 * too, so a draft is never found. Built in memory on first use; nothing is written to disk.
 */
export function searchPublicArticles(rawQuery: string | string[] | undefined, page: number): SearchOutcome {
  const query = parseQuery(rawQuery);
  if (query.kind !== 'words') return { query };
  const index = publicIndex(getArticlesForView({ preview: false }));
  return { query, results: paginate(index.search(query.terms), page, RESULTS_PER_PAGE) };
}
