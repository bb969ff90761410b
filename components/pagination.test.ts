import { describe, expect, it } from 'vitest';
import { paginationSlots } from './pagination';

describe('paginationSlots (USWDS bounded pagination)', () => {
  it('lists every page up to 7', () => {
    expect(paginationSlots(1, 1)).toEqual([1]);
    expect(paginationSlots(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('shows the first five and the last near the start', () => {
    expect(paginationSlots(4, 8)).toEqual([1, 2, 3, 4, 5, 'overflow', 8]);
  });

  it('shows the first and the last five near the end', () => {
    expect(paginationSlots(5, 8)).toEqual([1, 'overflow', 4, 5, 6, 7, 8]);
  });

  it('shows the neighbours of the current page in the middle', () => {
    expect(paginationSlots(22, 50)).toEqual([1, 'overflow', 21, 22, 23, 'overflow', 50]);
  });
});
