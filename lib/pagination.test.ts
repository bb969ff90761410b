import { describe, expect, it } from 'vitest';
import { listingPagePath, pagerSlots, paginate, parsePageNumber } from './pagination';

const items = Array.from({ length: 23 }, (_, i) => `item ${i + 1}`);

describe('paginate', () => {
  it('slices pages of the given size, the last one short', () => {
    expect(paginate(items, 1, 10)).toMatchObject({ page: 1, totalPages: 3, totalItems: 23, first: 1, last: 10 });
    expect(paginate(items, 1, 10)?.items[0]).toBe('item 1');
    const last = paginate(items, 3, 10);
    expect(last?.items).toEqual(['item 21', 'item 22', 'item 23']);
    expect(last).toMatchObject({ first: 21, last: 23 });
  });

  it('has no page beyond the last, before the first, or between integers', () => {
    expect(paginate(items, 4, 10)).toBeUndefined();
    expect(paginate(items, 0, 10)).toBeUndefined();
    expect(paginate(items, -1, 10)).toBeUndefined();
    expect(paginate(items, 1.5, 10)).toBeUndefined();
    expect(paginate(items, Number.NaN, 10)).toBeUndefined();
  });

  it('keeps page 1 of an empty list, and only page 1', () => {
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, totalPages: 1, totalItems: 0, first: 0, last: 0 });
    expect(paginate([], 2, 10)).toBeUndefined();
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate(items, 1, 0)).toThrow('pageSize must be a positive integer, got 0');
  });
});

describe('parsePageNumber', () => {
  it('accepts plain positive integers', () => {
    expect(parsePageNumber('1')).toBe(1);
    expect(parsePageNumber('12')).toBe(12);
  });

  it.each(['0', '02', '-1', '1.0', '1e3', '', ' 2', '2 ', 'abc', '0x10', '9999999999', '２'])('refuses %j', (value) => {
    expect(parsePageNumber(value)).toBeUndefined();
  });

  it('refuses missing and repeated values', () => {
    expect(parsePageNumber(undefined)).toBeUndefined();
    expect(parsePageNumber(['2', '3'])).toBeUndefined();
  });
});

describe('pagerSlots (USWDS bounded pagination)', () => {
  it('lists every page up to seven', () => {
    expect(pagerSlots(1, 1)).toEqual([1]);
    expect(pagerSlots(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('shows the first five near the start', () => {
    expect(pagerSlots(4, 8)).toEqual([1, 2, 3, 4, 5, 'overflow', 8]);
  });

  it('shows the last five near the end', () => {
    expect(pagerSlots(5, 8)).toEqual([1, 'overflow', 4, 5, 6, 7, 8]);
  });

  it('shows the neighbours in the middle', () => {
    expect(pagerSlots(22, 50)).toEqual([1, 'overflow', 21, 22, 23, 'overflow', 50]);
  });
});

describe('listingPagePath', () => {
  it('keeps page 1 at the listing itself', () => {
    expect(listingPagePath('/news', 1)).toBe('/news');
    expect(listingPagePath('/topics/nato', 3)).toBe('/topics/nato/page/3');
  });
});
