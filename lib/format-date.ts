import { siteConfig } from './site-config';

// AP style abbreviates these months when a day follows (DoD News uses AP style).
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** "June 13, 2023", "Sept. 29, 2014": AP style, in the site's time zone. */
export function formatDate(instant: Date, timeZone: string = siteConfig.timeZone): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return `${AP_MONTHS[get('month') - 1]} ${get('day')}, ${get('year')}`;
}

/** "June 20, 2026 9:00 AM ET": for scheduled publication times, which staff need to the minute. */
export function formatDateTime(
  instant: Date,
  timeZone: string = siteConfig.timeZone,
  zoneLabel: string = siteConfig.timeZoneLabel,
): string {
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hour12: true })
    .format(instant)
    .replace(/\u202f/g, ' ');
  return `${formatDate(instant, timeZone)} ${time} ${zoneLabel}`;
}
