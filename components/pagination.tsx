import type { ComponentPropsWithoutRef } from 'react';
import { pagerSlots } from '@/lib/pagination';

export interface PaginationProps extends ComponentPropsWithoutRef<'nav'> {
  current: number;
  total: number;
  /** The URL of a page, 1-based. */
  hrefFor: (page: number) => string;
}

function Icon({ name }: { name: 'navigate_before' | 'navigate_next' }) {
  return (
    <svg className="usa-icon" aria-hidden="true" focusable="false" role="img">
      <use href={`/uswds/img/sprite.svg#${name}`} />
    </svg>
  );
}

/**
 * USWDS pagination (packages/usa-pagination/src/usa-pagination.twig, bounded variant), as plain
 * links so it works without JavaScript. Renders nothing for a single page. Links are not
 * prefetched: a page of results rarely leads to every other page.
 */
export function Pagination({ current, total, hrefFor, className, 'aria-label': ariaLabel = 'Pagination', ...rest }: PaginationProps) {
  if (total <= 1) return null;
  return (
    <nav aria-label={ariaLabel} className={['usa-pagination', className].filter(Boolean).join(' ')} {...rest}>
      <ul className="usa-pagination__list">
        {current > 1 && (
          <li className="usa-pagination__item usa-pagination__arrow">
            <a href={hrefFor(current - 1)} className="usa-pagination__link usa-pagination__previous-page" aria-label="Previous page">
              <Icon name="navigate_before" />
              <span className="usa-pagination__link-text">Previous</span>
            </a>
          </li>
        )}
        {pagerSlots(current, total).map((slot, index) =>
          slot === 'overflow' ? (
            <li key={`overflow-${index}`} className="usa-pagination__item usa-pagination__overflow" aria-label="ellipsis indicating non-visible pages">
              <span>…</span>
            </li>
          ) : (
            <li key={slot} className="usa-pagination__item usa-pagination__page-no">
              <a
                href={hrefFor(slot)}
                className={['usa-pagination__button', slot === current ? 'usa-current' : ''].filter(Boolean).join(' ')}
                aria-label={slot === total ? `Last page, page ${slot}` : `Page ${slot}`}
                aria-current={slot === current ? 'page' : undefined}
              >
                {slot}
              </a>
            </li>
          ),
        )}
        {current < total && (
          <li className="usa-pagination__item usa-pagination__arrow">
            <a href={hrefFor(current + 1)} className="usa-pagination__link usa-pagination__next-page" aria-label="Next page">
              <span className="usa-pagination__link-text">Next</span>
              <Icon name="navigate_next" />
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
