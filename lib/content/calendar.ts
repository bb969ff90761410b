import { TZDate } from '@date-fns/tz';

/**
 * The date archive's calendar (/news/<yyyy>, /news/<yyyy>/<mm>): which year and month an article
 * belongs to is its publication date in the site's time zone, the date readers see on it
 * (lib/format-date.ts): 2023-06-30T22:00-04:00 is June's, though it is already July 1 in UTC.
 */

export interface CalendarMonth {
  year: number;
  /** 1 to 12. */
  month: number;
}

/** Per zone, per month of UTC (year × 12 + month − 1): where the local months around it begin. */
const boundaries = new Map<string, Map<number, { starts: [number, number]; months: [CalendarMonth, CalendarMonth, CalendarMonth] }>>();

const monthAfter = ({ year, month }: CalendarMonth): CalendarMonth => (month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 });
const monthBefore = ({ year, month }: CalendarMonth): CalendarMonth => (month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 });
/** The first instant of a month on the wall calendar of `timeZone` (its first local midnight, or the first instant after it when a clock change skips it). */
const startOf = ({ year, month }: CalendarMonth, timeZone: string) => new TZDate(year, month - 1, 1, timeZone).getTime();

const formatters = new Map<string, Intl.DateTimeFormat>();
const QUARTER_HOUR = 15 * 60 * 1000;
/** Per zone, the month of each quarter hour asked about near a month's start. */
const nearStarts = new Map<string, Map<number, CalendarMonth>>();

/**
 * Intl's answer, worked out once per quarter hour: every UTC offset in use since the 1970s is a
 * whole number of quarter hours, so all instants of one quarter hour of UTC share their month.
 */
function formattedMonthOf(instant: Date, timeZone: string): CalendarMonth {
  let zone = nearStarts.get(timeZone);
  if (!zone) nearStarts.set(timeZone, (zone = new Map()));
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR);
  let found = zone.get(quarter);
  if (!found) {
    let format = formatters.get(timeZone);
    if (!format) formatters.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' })));
    const parts = format.formatToParts(instant);
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
    zone.set(quarter, (found = { year: get('year'), month: get('month') }));
  }
  return found;
}

/** Longer than any UTC offset and any clock change: within this of a month's start, Intl decides. */
const NEAR = 26 * 60 * 60 * 1000;

/**
 * The year and month of `instant` on the wall calendar of `timeZone`. A UTC offset is less than
 * a day, so an instant's local month is its UTC month, the one before or the one after: where the
 * local months around each UTC month begin is worked out once per UTC month and zone, and an
 * instant more than a day from those starts takes its month from them. One nearer asks Intl (a
 * clock change can make a month start twice: St. John's set its clocks back at 00:01 on
 * 1 November 2009, back into October). At 100,000 articles over ten years that is a few
 * thousand formats, not 100,000 (a third of a second here).
 */
export function calendarMonthOf(instant: Date, timeZone: string): CalendarMonth {
  let zone = boundaries.get(timeZone);
  if (!zone) boundaries.set(timeZone, (zone = new Map()));
  const utc = { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1 };
  const key = utc.year * 12 + utc.month - 1;
  let found = zone.get(key);
  if (!found) {
    const next = monthAfter(utc);
    found = { starts: [startOf(utc, timeZone), startOf(next, timeZone)], months: [monthBefore(utc), utc, next] };
    zone.set(key, found);
  }
  const time = instant.getTime();
  if (Math.abs(time - found.starts[0]) < NEAR || Math.abs(time - found.starts[1]) < NEAR) return formattedMonthOf(instant, timeZone);
  return time < found.starts[0] ? found.months[0] : time < found.starts[1] ? found.months[1] : found.months[2];
}

/**
 * An archive year as a URL writes it: four digits, no leading zero (1000 to 9999). "2023" → 2023;
 * "0999", "999", "20231", "2023a" → undefined.
 */
export function parseArchiveYear(segment: string): number | undefined {
  return /^[1-9]\d{3}$/.test(segment) ? Number(segment) : undefined;
}

/** An archive month as a URL writes it: two digits, 01 to 12. "06" → 6; "6", "13", "00" → undefined. */
export function parseArchiveMonth(segment: string): number | undefined {
  return /^(?:0[1-9]|1[0-2])$/.test(segment) ? Number(segment) : undefined;
}

/** `/news/2023`, or `/news/2023/06` for a month. */
export function archivePath(year: number, month?: number): string {
  return month === undefined ? `/news/${year}` : `/news/${year}/${String(month).padStart(2, '0')}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "June" for 6. */
export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (!name) throw new Error(`expected a month from 1 to 12, got ${month}`);
  return name;
}
