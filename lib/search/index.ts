import 'server-only';
import { getArticlesForView, getPublicArticles } from '../content';
import type { Article } from '../content/types';
import { now as clockNow } from '../clock';
import { emptyArticleIndex, paginate, reconcile, searchOver, type ArticleIndex, type ResultsPage, type SearchIndex } from './engine';
import { readSearchIndexFile, searchIndexFile, writeSearchIndexFile } from './index-file';
import { parseQuery, RESULTS_PER_PAGE, type Query } from './query';

export { firstParam, MAX_QUERY_LENGTH, parsePage, parseQuery, queryMessage, RESULTS_PER_PAGE } from './query';
export type { Query } from './query';
export type { ResultsPage, SearchHit } from './engine';
export type { TextPart } from './highlight';
export { highlight, snippet } from './highlight';
export { searchMetadata } from './metadata';

/**
 * The public search, over the index `loadBase` returns (the build's file), loaded on the first
 * search and not before. Each time the public set changes (a scheduled article's time comes) the
 * index is brought in line with it: an article the build did not index, or whose file changed
 * since, is indexed in memory from its parsed body, so search is never staler than the content.
 */
export function createPublicSearch(loadBase: () => ArticleIndex) {
  let index: ArticleIndex | undefined;
  let cached: { articles: Article[]; search: SearchIndex } | undefined;
  // The store hands out the same Article objects until the public set changes: comparing them
  // one by one costs far less than a key string built from every slug on every query.
  const same = (a: Article[], b: Article[]) => a.length === b.length && a.every((article, i) => article === b[i]);
  return (articles: Article[]): SearchIndex => {
    index ??= loadBase();
    if (!cached || !same(cached.articles, articles)) {
      reconcile(index, articles);
      cached = { articles, search: searchOver(index, articles) };
    }
    return cached.search;
  };
}

/**
 * The build's index (decision 0022). `next dev` has no build output, so there every article is
 * indexed in memory on the first search, as before the file existed.
 */
function loadBuiltIndex(): ArticleIndex {
  return process.env.NODE_ENV === 'production' ? readSearchIndexFile(searchIndexFile()) : emptyArticleIndex();
}

const publicSearch = createPublicSearch(loadBuiltIndex);

/**
 * During `next build` (called once, from the cached pages' generateStaticParams, where every
 * article is already loaded): writes the index of the articles public now, by the real clock as
 * the content record is (decision 0016), so the build output holds no draft or embargoed text.
 */
export function writeBuildSearchIndex(): void {
  if (process.env.NEXT_PHASE !== 'phase-production-build') return;
  const started = performance.now();
  const builtAt = new Date();
  const articles = getPublicArticles(builtAt);
  const file = searchIndexFile();
  const bytes = writeSearchIndexFile(file, articles, builtAt);
  // The benchmark reads this line (scripts/bench/run.mjs): what the index adds to the build.
  console.log(`search: indexed ${articles.length} public articles into ${file} (${bytes} bytes) in ${Math.round(performance.now() - started)} ms`);
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
  const index = publicSearch(getArticlesForView({ preview: false, now }));
  return { query, results: paginate(index.search(query.terms, now), page, RESULTS_PER_PAGE) };
}
