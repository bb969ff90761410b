import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format-date';

describe('formatDate', () => {
  it('writes dates in AP style', () => {
    expect(formatDate(new Date('2023-06-13T04:00:00Z'))).toBe('June 13, 2023');
    expect(formatDate(new Date('2014-09-29T16:00:00Z'))).toBe('Sept. 29, 2014');
    expect(formatDate(new Date('2024-03-01T12:00:00Z'))).toBe('March 1, 2024');
    expect(formatDate(new Date('2025-01-07T12:00:00Z'))).toBe('Jan. 7, 2025');
  });

  it('uses the site time zone, not UTC', () => {
    // 02:00 UTC on June 14 is still June 13 in Washington.
    expect(formatDate(new Date('2023-06-14T02:00:00Z'))).toBe('June 13, 2023');
    expect(formatDate(new Date('2023-06-14T02:00:00Z'), 'UTC')).toBe('June 14, 2023');
  });
});

describe('formatDateTime', () => {
  it('gives scheduled times to the minute in Eastern time', () => {
    expect(formatDateTime(new Date('2026-06-20T13:00:00Z'))).toBe('June 20, 2026 9:00 AM ET');
    expect(formatDateTime(new Date('2026-12-01T22:30:00Z'))).toBe('Dec. 1, 2026 5:30 PM ET');
  });
});
