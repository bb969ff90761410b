import type { ComponentPropsWithoutRef } from 'react';
import { highlight, snippet, type SearchHit } from '@/lib/search';
import { HighlightedText } from './highlighted-text';
import { PublishedDate } from './published-date';

export interface SearchResultsProps extends ComponentPropsWithoutRef<'ol'> {
  hits: SearchHit[];
  /** Position of the first hit among all results, so the list numbers continue across pages. */
  start: number;
}

/** One page of search results: linked title, date, summary and a passage, matched words in <mark>. */
export function SearchResults({ hits, start, className, ...rest }: SearchResultsProps) {
  return (
    <ol
      className={['usa-list usa-list--unstyled site-search-results', className].filter(Boolean).join(' ')}
      aria-label="Search results"
      start={start}
      {...rest}
    >
      {hits.map(({ article, matched, text }) => {
        // A body that opens with the summary would show it twice.
        const passage = snippet([...text.paragraphs, ...text.captions].filter((p) => p !== text.summary), matched);
        return (
          <li key={article.slug} className="site-search-result">
            <h2 className="site-search-result__title">
              <a href={article.path}>
                <HighlightedText parts={highlight(article.title, matched)} />
              </a>
            </h2>
            <p className="site-meta">
              <PublishedDate date={article.date} instant={article.publishedAt} />
            </p>
            <p className="site-search-result__summary">
              <HighlightedText parts={highlight(article.summary, matched)} />
            </p>
            {passage && (
              <p className="site-search-result__snippet">
                <HighlightedText parts={passage} />
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
