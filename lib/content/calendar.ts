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

const formatters = new Map<string, Intl.DateTimeFormat>();
const QUARTER_HOUR = 15 * 60 * 1000;
/** Per zone, the month of each quarter hour asked about. */
const months = new Map<string, Map<number, CalendarMonth>>();

/**
 * The year and month of `instant` on the wall calendar of `timeZone`. Every UTC offset in use since
 * the 1970s is a whole number of quarter hours, so a month (which starts at a local midnight) never
 * starts inside a quarter hour of UTC: all instants of one quarter hour share their month, worked
 * out once. At 100,000 articles (most dated at a midnight) that is a few thousand formats, not
 * 100,000, which took most of a second here.
 */
export function calendarMonthOf(instant: Date, timeZone: string): CalendarMonth {
  let zone = months.get(timeZone);
  if (!zone) months.set(timeZone, (zone = new Map()));
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR);
  let found = zone.get(quarter);
  if (!found) {
    let format = formatters.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' });
      formatters.set(timeZone, format);
    }
    const parts = format.formatToParts(instant);
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
    found = { year: get('year'), month: get('month') };
    zone.set(quarter, found);
  }
  return found;
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
