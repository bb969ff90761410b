import { describe, expect, it } from 'vitest';
import { archiveCutoff, isArchived, yearsInWords } from './archive';

const now = new Date('2026-11-28T15:00:00Z');

describe('archive notice rule', () => {
  it('archives articles published more than the configured years ago', () => {
    expect(isArchived({ publishedAt: new Date('2021-11-28T14:59:59Z') }, now, 5)).toBe(true);
    expect(isArchived({ publishedAt: new Date('2019-06-13T04:00:00Z') }, now, 5)).toBe(true);
  });

  it('does not archive articles on or after the cutoff', () => {
    expect(isArchived({ publishedAt: new Date('2021-11-28T15:00:00Z') }, now, 5)).toBe(false);
    expect(isArchived({ publishedAt: new Date('2023-06-13T04:00:00Z') }, now, 5)).toBe(false);
  });

  it('counts calendar years, leap days included', () => {
    expect(archiveCutoff(new Date('2028-02-29T12:00:00Z'), 1).toISOString()).toBe('2027-03-01T12:00:00.000Z');
    expect(archiveCutoff(now, 5).toISOString()).toBe('2021-11-28T15:00:00.000Z');
  });

  it('refuses an age that is not a positive whole number of years', () => {
    expect(() => archiveCutoff(now, 0)).toThrow('archiveAfterYears must be a positive integer, got 0');
    expect(() => archiveCutoff(now, 2.5)).toThrow('archiveAfterYears must be a positive integer, got 2.5');
  });

  it('writes the age in AP style', () => {
    expect(yearsInWords(1)).toBe('one year');
    expect(yearsInWords(5)).toBe('five years');
    expect(yearsInWords(10)).toBe('10 years');
  });
});
