import type { ReactNode } from 'react';
import { queryMessage, type ResultsPage, type SearchOutcome } from '@/lib/search';
import { Pagination } from './pagination';
import { SearchForm } from './search-form';
import { SearchResults } from './search-results';

/** /search?q=…&page=N, page 1 without the page parameter. */
export function searchHref(text: string, page: number): string {
  const params = new URLSearchParams({ q: text });
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

function Notice({ kind, children }: { kind: 'info' | 'warning'; children: ReactNode }) {
  return (
    <div className={`usa-alert usa-alert--${kind} usa-alert--slim usa-alert--no-icon margin-top-3`}>
      <div className="usa-alert__body">
        <p className="usa-alert__text">{children}</p>
      </div>
    </div>
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The search page: its own full-size form (prefilled), then results, or what to do instead. */
export function SearchView({ outcome }: { outcome: SearchOutcome }) {
  const { query } = outcome;
  const typed = query.kind === 'words' || query.kind === 'no-words' ? query.text : undefined;
  return (
    <div className="grid-container padding-bottom-4">
      <h1 className="margin-top-4">{typed === undefined ? 'Search' : 'Search results'}</h1>
      <SearchForm inputId="search-page-field" size="medium" defaultValue={typed} aria-label="Search news articles" className="site-search-page-form" />
      {'results' in outcome ? (
        <Results text={outcome.query.text} results={outcome.results} />
      ) : outcome.query.kind === 'empty' ? (
        <p className="margin-top-3">{queryMessage(outcome.query)}</p>
      ) : (
        <Notice kind="warning">{queryMessage(outcome.query)}</Notice>
      )}
    </div>
  );
}

function Results({ text, results }: { text: string; results: ResultsPage }) {
  const { total, page, pageCount, outOfRange, first, hits } = results;
  if (total === 0) {
    return (
      <div className="margin-top-3">
        <p>No articles match “{text}”.</p>
        <ul className="usa-list">
          <li>Check the spelling of each word.</li>
          <li>Use fewer or more general words: results contain every word you search for.</li>
          <li>
            Browse <a href="/news">all news articles</a> or <a href="/topics">news by topic</a>.
          </li>
        </ul>
      </div>
    );
  }
  if (outOfRange) {
    return (
      <Notice kind="info">
        There is no page {page} of results for “{text}”: its {plural(total, 'result')} fill {plural(pageCount, 'page')}.{' '}
        <a href={searchHref(text, 1)}>Go to the first page of results</a>.
      </Notice>
    );
  }
  return (
    <>
      <p className="site-search-count">
        {plural(total, 'result')} for “{text}”{pageCount > 1 && `, page ${page} of ${pageCount}`}
      </p>
      <SearchResults hits={hits} start={first} />
      <Pagination current={page} total={pageCount} hrefFor={(n) => searchHref(text, n)} aria-label="Search results pages" />
    </>
  );
}
