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
