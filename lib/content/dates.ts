import { TZDate } from '@date-fns/tz';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

export const DATE_EXPECTED = 'an ISO 8601 date (YYYY-MM-DD)';

export type DateResult = { ok: true; value: string; instant: Date } | { ok: false; message: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a content date. A date without a time is midnight in `timeZone` (the newsroom's
 * day), so `2023-06-13` in America/New_York is 2023-06-13T04:00:00Z.
 */
export function parseContentDate(raw: string, timeZone: string): DateResult {
  const value = raw.trim();
  const got = `got "${value}"`;
  const match = ISO_DATE_TIME.exec(value) ?? ISO_DATE.exec(value);
  if (!match) {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) {
      return {
        ok: false,
        message: `expected a time zone after the time (Z or ±HH:MM, e.g. ${value}-04:00), ${got}`,
      };
    }
    return { ok: false, message: `expected ${DATE_EXPECTED}, ${got}` };
  }
  const [, y, mo, d, h, mi, s, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `expected a real calendar date, ${got}` };
  }
  if (h === undefined || mi === undefined || zone === undefined) {
    const instant = new Date(new TZDate(year, month - 1, day, timeZone).getTime());
    return { ok: true, value, instant };
  }
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const offsetOk = zone === 'Z' || (Number(zone.slice(1, 3)) <= 14 && Number(zone.slice(4, 6)) <= 59);
  if (hour > 23 || minute > 59 || second > 59 || !offsetOk) {
    return { ok: false, message: `expected a real time of day (00:00 to 23:59:59, offset up to ±14:00), ${got}` };
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    return { ok: false, message: `expected ${DATE_EXPECTED}, ${got}` };
  }
  return { ok: true, value, instant };
}
