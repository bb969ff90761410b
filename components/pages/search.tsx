import { SearchView } from '@/components/search-view';
import { parsePage, parseQuery, searchMetadata, searchPublicArticles } from '@/lib/search';
import { page } from '@/lib/render/outcome';

/** /search?q=…&page=…: public articles only, in every access. A query too long to run is a 400 that still explains itself. */
export function searchPage(params: URLSearchParams) {
  const query = parseQuery(params.getAll('q'));
  const outcome = searchPublicArticles(params.getAll('q'), parsePage(params.getAll('page')));
  return page(searchMetadata(query), <SearchView outcome={outcome} />, query.kind === 'too-long' ? 400 : undefined);
}
