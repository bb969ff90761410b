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
