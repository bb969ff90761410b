import { describe, expect, it } from 'vitest';
import { parseContentDate } from './dates';

const NY = 'America/New_York';

describe('parseContentDate', () => {
  it('reads a date-only value as midnight in the site time zone (EDT and EST)', () => {
    expect(parseContentDate('2023-06-13', NY)).toEqual({
      ok: true,
      value: '2023-06-13',
      instant: new Date('2023-06-13T04:00:00Z'),
    });
    expect(parseContentDate('2023-01-13', NY)).toMatchObject({ instant: new Date('2023-01-13T05:00:00Z') });
  });

  it('reads date-times with Z or an offset, with or without seconds', () => {
    expect(parseContentDate('2023-06-13T10:00Z', NY)).toMatchObject({ instant: new Date('2023-06-13T10:00:00Z') });
    expect(parseContentDate('2023-06-13T10:00:30-04:00', NY)).toMatchObject({
      instant: new Date('2023-06-13T14:00:30Z'),
    });
  });

  it('rejects prose dates, impossible dates and times without a zone with editor messages', () => {
    expect(parseContentDate('June 13, 2023', NY)).toEqual({
      ok: false,
      message: 'expected an ISO 8601 date (YYYY-MM-DD), got "June 13, 2023"',
    });
    expect(parseContentDate('2023-02-30', NY)).toEqual({
      ok: false,
      message: 'expected a real calendar date, got "2023-02-30"',
    });
    expect(parseContentDate('2023-06-13T10:00', NY)).toEqual({
      ok: false,
      message: 'expected a time zone after the time (Z or ±HH:MM, e.g. 2023-06-13T10:00-04:00), got "2023-06-13T10:00"',
    });
    expect(parseContentDate('2023-06-13T25:00Z', NY)).toEqual({
      ok: false,
      message: 'expected a real time of day (00:00 to 23:59:59, offset up to ±14:00), got "2023-06-13T25:00Z"',
    });
  });

  it('accepts February 29 only in leap years', () => {
    expect(parseContentDate('2024-02-29', NY).ok).toBe(true);
    expect(parseContentDate('2023-02-29', NY).ok).toBe(false);
  });
});
