import Link from 'next/link';
import type { ComponentPropsWithoutRef } from 'react';

/** A page number, or the ellipsis standing for the pages in between. */
export type PaginationSlot = number | 'overflow';

/**
 * Which page numbers to show, as USWDS's bounded pagination does
 * (packages/usa-pagination/src/includes/_pagination-numbers--default.twig): all of them up to
 * 7 pages; otherwise the first and last page, the current page and its neighbours, and an
 * ellipsis for each gap, always 7 slots.
 */
export function paginationSlots(current: number, total: number): PaginationSlot[] {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (total <= 7) return range(1, total);
  if (current <= 4) return [...range(1, 5), 'overflow', total];
  if (current >= total - 3) return [1, 'overflow', ...range(total - 4, total)];
  return [1, 'overflow', ...range(current - 1, current + 1), 'overflow', total];
}

export interface PaginationProps extends ComponentPropsWithoutRef<'nav'> {
  current: number;
  total: number;
  /** The address of a page. */
  hrefFor: (page: number) => string;
}

function Arrow({ direction, href }: { direction: 'previous' | 'next'; href: string }) {
  const label = direction === 'previous' ? 'Previous' : 'Next';
  const icon = (
    <svg className="usa-icon" aria-hidden="true" role="img">
      <use href={`/uswds/img/sprite.svg#navigate_${direction === 'previous' ? 'before' : 'next'}`} />
    </svg>
  );
  return (
    <li className="usa-pagination__item usa-pagination__arrow">
      <Link href={href} prefetch={false} className={`usa-pagination__link usa-pagination__${direction}-page`} aria-label={`${label} page`}>
        {direction === 'previous' && icon}
        <span className="usa-pagination__link-text">{label}</span>
        {direction === 'next' && icon}
      </Link>
    </li>
  );
}

/** The USWDS pagination component (packages/usa-pagination), with real links: it works without JavaScript. */
export function Pagination({ current, total, hrefFor, className, 'aria-label': ariaLabel = 'Pagination', ...rest }: PaginationProps) {
  if (total <= 1) return null;
  return (
    <nav aria-label={ariaLabel} className={['usa-pagination', className].filter(Boolean).join(' ')} {...rest}>
      <ul className="usa-pagination__list">
        {current > 1 && <Arrow direction="previous" href={hrefFor(current - 1)} />}
        {paginationSlots(current, total).map((slot, index) =>
          slot === 'overflow' ? (
            <li key={`overflow-${index}`} className="usa-pagination__item usa-pagination__overflow" aria-label="ellipsis indicating non-visible pages">
              <span>…</span>
            </li>
          ) : (
            <li key={slot} className="usa-pagination__item usa-pagination__page-no">
              <Link
                href={hrefFor(slot)}
                prefetch={false}
                className={['usa-pagination__button', slot === current && 'usa-current'].filter(Boolean).join(' ')}
                aria-label={slot === total ? `Last page, page ${slot}` : `Page ${slot}`}
                aria-current={slot === current ? 'page' : undefined}
              >
                {slot}
              </Link>
            </li>
          ),
        )}
        {current < total && <Arrow direction="next" href={hrefFor(current + 1)} />}
      </ul>
    </nav>
  );
}
