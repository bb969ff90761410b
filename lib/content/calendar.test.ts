import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, makeTree, removeTrees } from './__fixtures__/make-tree';
import { archivePath, calendarMonthOf, monthName, parseArchiveMonth, parseArchiveYear } from './calendar';

describe('calendarMonthOf', () => {
  it('files an article under its month on the newsroom wall calendar, not UTC', () => {
    // 22:00 on June 30 in New York is already July 1 in UTC.
    expect(calendarMonthOf(new Date('2023-06-30T22:00:00-04:00'), 'America/New_York')).toEqual({ year: 2023, month: 6 });
    expect(calendarMonthOf(new Date('2023-06-30T22:00:00-04:00'), 'UTC')).toEqual({ year: 2023, month: 7 });
    // New Year's Eve in Honolulu is New Year's Day in New York.
    expect(calendarMonthOf(new Date('2022-12-31T20:00:00-10:00'), 'America/New_York')).toEqual({ year: 2023, month: 1 });
    expect(calendarMonthOf(new Date('2022-12-31T20:00:00-10:00'), 'Pacific/Honolulu')).toEqual({ year: 2022, month: 12 });
  });
});

describe('calendarMonthOf against Intl', () => {
  const formats = new Map<string, Intl.DateTimeFormat>();
  const direct = (instant: Date, timeZone: string) => {
    if (!formats.has(timeZone)) formats.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }));
    const parts = formats.get(timeZone)!.formatToParts(instant);
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    return { year: get('year'), month: get('month') };
  };
  // Whole, half and three-quarter hour offsets, daylight saving time on both sides of the equator.
  const zones = ['America/New_York', 'UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Adelaide', 'Pacific/Chatham', 'Pacific/Kiritimati'];

  it('agrees with Intl at every hour (and the half and three quarters past) of 2009 and 2010', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const timeZone of zones) {
      for (let instant = Date.UTC(2009, 0, 1); instant < Date.UTC(2011, 0, 1); instant += 15 * 60_000) {
        if (instant % 3_600_000 === 15 * 60_000) continue;
        const [got, expected] = [calendarMonthOf(new Date(instant), timeZone), direct(new Date(instant), timeZone)];
        checked += 1;
        if (got.year !== expected.year || got.month !== expected.month) wrong.push(`${timeZone} ${new Date(instant).toISOString()}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(8 * 730 * 24 * 3);
  });

  it('agrees with Intl a millisecond either side of every month start from 2000 to 2030', () => {
    for (const timeZone of zones) {
      for (let year = 2000; year <= 2030; year += 1) {
        for (let month = 1; month <= 12; month += 1) {
          // The local midnight starting the month: the UTC instant whose local date is the 1st at 00:00.
          let start = Date.UTC(year, month - 1, 1) - 14 * 3_600_000;
          while (direct(new Date(start + 3_600_000), timeZone).month !== month) start += 3_600_000;
          while (direct(new Date(start), timeZone).month !== month) start += 15 * 60_000;
          for (const instant of [start - 1, start, start + 1]) {
            expect(calendarMonthOf(new Date(instant), timeZone), `${timeZone} ${new Date(instant).toISOString()}`).toEqual(direct(new Date(instant), timeZone));
          }
        }
      }
    }
  });

  it('agrees with Intl at random instants', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
    for (let i = 0; i < 2_000; i += 1) {
      const instant = new Date(Date.UTC(2000, 0, 1) + random() * 31 * 365 * 86_400_000);
      const timeZone = zones[i % zones.length]!;
      expect(calendarMonthOf(instant, timeZone)).toEqual(direct(instant, timeZone));
    }
  });
});

describe('archive addresses', () => {
  it('reads a year of four digits without a leading zero, and a month of two digits 01 to 12', () => {
    expect(parseArchiveYear('2023')).toBe(2023);
    for (const bad of ['0999', '999', '20231', '2023a', '+2023', '']) expect(parseArchiveYear(bad), bad).toBeUndefined();
    expect(parseArchiveMonth('06')).toBe(6);
    expect(parseArchiveMonth('12')).toBe(12);
    for (const bad of ['6', '13', '00', '006', 'june', '']) expect(parseArchiveMonth(bad), bad).toBeUndefined();
  });

  it('writes the addresses the same way', () => {
    expect(archivePath(2023)).toBe('/news/2023');
    expect(archivePath(2023, 6)).toBe('/news/2023/06');
    expect(archivePath(2023, 11)).toBe('/news/2023/11');
    expect(monthName(6)).toBe('June');
    expect(() => monthName(13)).toThrow('expected a month from 1 to 12, got 13');
  });
});

describe('the archive views of lib/content', () => {
  const story = (date: string, status = 'published') =>
    lines('---', 'title: Test Story', 'summary: A test story with a summary long enough for a meta description.', `date: ${date}`, 'topics: [NATO]', `status: ${status}`, '---', '', 'Text.');
  const STORE = Symbol.for('newsroom.contentStore');
  const global = globalThis as Record<symbol, unknown>;
  let previous: string | undefined;

  beforeAll(() => {
    previous = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = makeTree({
      'news/june-late.md': story('2023-06-30T22:00:00-04:00'),
      'news/june-early.md': story('2023-06-01'),
      'news/march.md': story('2023-03-15'),
      'news/last-year.md': story('2022-12-31'),
      'news/draft-in-june.md': story('2023-06-20', 'draft'),
    });
    delete global[STORE];
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = previous;
    delete global[STORE];
    removeTrees();
  });

  // june-late is scheduled until 22:00 ET on June 30 (02:00 on July 1 in UTC).
  const BEFORE_SCHEDULED = { preview: false, now: new Date('2023-06-30T21:59:00-04:00') };
  const AFTER_SCHEDULED = { preview: false, now: new Date('2023-06-30T22:00:00-04:00') };

  it('counts the public articles of each year and month, by the site time zone', async () => {
    const content = await import('./index');
    expect(content.getArchiveYearsForView(AFTER_SCHEDULED)).toEqual([
      { value: 2023, count: 3 },
      { value: 2022, count: 1 },
    ]);
    expect(content.getArchiveMonthsForView(2023, AFTER_SCHEDULED)).toEqual([
      { value: 3, count: 1 },
      { value: 6, count: 2 },
    ]);
    expect(content.getArchiveArticlesForView({ year: 2023, month: 6 }, AFTER_SCHEDULED).map((a) => a.slug)).toEqual(['june-late', 'june-early']);
    expect(content.getArchiveArticlesForView({ year: 2023, month: 7 }, AFTER_SCHEDULED)).toEqual([]);
    expect(content.getArchiveArticlesForView({ year: 2021 }, AFTER_SCHEDULED)).toEqual([]);
  });

  it('never lists a draft, and lists a scheduled article from its time on', async () => {
    const content = await import('./index');
    const june = (view: typeof BEFORE_SCHEDULED) => content.getArchiveArticlesForView({ year: 2023, month: 6 }, view).map((a) => a.slug);
    expect(june(BEFORE_SCHEDULED)).toEqual(['june-early']);
    expect(content.getArchiveMonthsForView(2023, BEFORE_SCHEDULED)).toContainEqual({ value: 6, count: 1 });
    expect(june(AFTER_SCHEDULED)).toEqual(['june-late', 'june-early']);
    for (const view of [BEFORE_SCHEDULED, AFTER_SCHEDULED]) expect(june(view)).not.toContain('draft-in-june');
    // Staff preview sees what /news shows them: drafts and scheduled articles too.
    expect(june({ ...BEFORE_SCHEDULED, preview: true })).toEqual(['june-late', 'draft-in-june', 'june-early']);
  });
});
