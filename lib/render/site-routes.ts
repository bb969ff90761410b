import { archivePath, parseArchiveMonth, parseArchiveYear } from '@/lib/content/calendar';
import { parsePageNumber } from '@/lib/pagination';

/**
 * The HTML pages app/[[...path]]/route.tsx serves, by address. One table, read by the route (which
 * page renders), by the build (which paths it renders ahead) and by the proxy (which paths exist
 * at all, lib/edge/public-paths.ts), so the three cannot disagree.
 */
export type SiteRoute =
  | { page: 'home' }
  | { page: 'news'; number: number }
  | { page: 'article'; slug: string }
  /** The archive by date: one year's articles, or one month's (1 to 12). */
  | { page: 'archive'; year: number; month?: number; number: number }
  | { page: 'topics' }
  | { page: 'topic'; topic: string; number: number }
  | { page: 'feeds' }
  | { page: 'content'; slug: string }
  /** Page 1 of a listing has one address, the listing's own. */
  | { page: 'redirect'; location: string };

/** Which page an address names, or undefined for an address no page has (a 404). */
export function matchSiteRoute(segments: readonly string[]): SiteRoute | undefined {
  if (segments[0] === 'news' && segments[1] !== undefined && /^\d+$/.test(segments[1])) return matchArchive(segments.slice(1));
  const [section, first, second, third, ...rest] = segments;
  if (rest.length > 0) return undefined;
  if (section === undefined) return { page: 'home' };
  if (section === 'news') {
    if (first === undefined) return { page: 'news', number: 1 };
    if (second === undefined) return first === 'page' ? undefined : { page: 'article', slug: first };
    if (first === 'page' && third === undefined) return listingPage(second, '/news', (number) => ({ page: 'news', number }));
    return undefined;
  }
  if (section === 'topics') {
    if (first === undefined) return { page: 'topics' };
    if (second === undefined) return { page: 'topic', topic: first, number: 1 };
    if (second === 'page' && third !== undefined) {
      return listingPage(third, `/topics/${encodeURIComponent(first)}`, (number) => ({ page: 'topic', topic: first, number }));
    }
    return undefined;
  }
  if (first !== undefined) return undefined;
  if (section === 'feeds') return { page: 'feeds' };
  return { page: 'content', slug: section };
}

/** `/…/page/<n>`: n written the one way pages accept it; page 1 redirects to the listing. */
function listingPage(segment: string, base: string, route: (number: number) => SiteRoute): SiteRoute | undefined {
  const number = parsePageNumber(segment);
  if (number === undefined) return undefined;
  return number === 1 ? { page: 'redirect', location: base } : route(number);
}

/**
 * `/news/<yyyy>[/<mm>][/page/<n>]`, from the segments after `news`. An all-digit segment there is
 * never an article (content:check refuses such a slug), so an impossible date (`/news/0999`,
 * `/news/2023/13`, `/news/2023/6`) names no page at all.
 */
function matchArchive([yearSegment = '', ...rest]: readonly string[]): SiteRoute | undefined {
  const year = parseArchiveYear(yearSegment);
  if (year === undefined) return undefined;
  let month: number | undefined;
  let tail = rest;
  if (tail[0] !== undefined && tail[0] !== 'page') {
    month = parseArchiveMonth(tail[0]);
    if (month === undefined) return undefined;
    tail = tail.slice(1);
  }
  const archive = (number: number): SiteRoute => ({ page: 'archive', year, ...(month === undefined ? {} : { month }), number });
  if (tail.length === 0) return archive(1);
  if (tail.length === 2 && tail[0] === 'page') return listingPage(tail[1]!, archivePath(year, month), archive);
  return undefined;
}
