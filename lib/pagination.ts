/**
 * Pagination for listings (/news, topic pages, search): which items a page shows and which page
 * numbers the USWDS pagination component lists (packages/usa-pagination, "default" bounded
 * variant: all pages up to 7, otherwise the first five, the last five, or current ±1 with
 * ellipses, always including the first and last page).
 */

export interface PageOf<T> {
  items: T[];
  /** 1-based. */
  page: number;
  totalPages: number;
  totalItems: number;
  /** 1-based position of the first and last item on this page (0 and 0 when there are none). */
  first: number;
  last: number;
}

/**
 * The items on page `page` (1-based). Page 1 always exists, even for an empty list, so an empty
 * listing renders as empty rather than missing; any other page outside 1..totalPages is undefined.
 */
export function paginate<T>(items: readonly T[], page: number, pageSize: number): PageOf<T> | undefined {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive integer, got ${pageSize}`);
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  const start = (page - 1) * pageSize;
  const slice = items.slice(start, start + pageSize);
  return {
    items: slice,
    page,
    totalPages,
    totalItems: items.length,
    first: slice.length ? start + 1 : 0,
    last: start + slice.length,
  };
}

/**
 * A page number from a URL segment or query value: digits only, no leading zero, at least 1,
 * within the safe-integer range. "2" → 2; "02", "2.0", "-1", "1e3", "" and arrays → undefined.
 */
export function parsePageNumber(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string' || !/^[1-9]\d{0,8}$/.test(value)) return undefined;
  return Number(value);
}

export type PagerSlot = number | 'overflow';

/** The page numbers the USWDS pagination shows for `current` of `total`, with 'overflow' for "…". */
export function pagerSlots(current: number, total: number): PagerSlot[] {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (total <= 7) return range(1, total);
  if (current <= 4) return [...range(1, 5), 'overflow', total];
  if (current >= total - 3) return [1, 'overflow', ...range(total - 4, total)];
  return [1, 'overflow', current - 1, current, current + 1, 'overflow', total];
}

/** Path of page `page` of a listing whose first page is `base`: /news, /news/page/2, … */
export function listingPagePath(base: string, page: number): string {
  return page === 1 ? base : `${base}/page/${page}`;
}
