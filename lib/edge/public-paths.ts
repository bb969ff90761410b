import fs from 'node:fs';
import path from 'node:path';
import { getArticleForView, getPageForView, getTopicArticlesForView } from '@/lib/content';
import { getArchivePage, getNewsPage, getTopicPage } from '@/lib/listings';
import { matchSiteRoute } from '@/lib/render/site-routes';
import { isSitemapFile } from '@/lib/sitemap-content';

const PUBLIC = { preview: false } as const;
const FEEDS = new Set(['rss.xml', 'atom.xml', 'feed.json']);

/** First path segments that other routes or files answer: they decide for themselves. */
const OWN_ROUTES = new Set(['api', 'images', 'search', 'preview', '.well-known', '_next', 'assets', 'uswds']);

/** Files at the site's root: metadata routes (app/), and public/'s top level, read once. */
let rootFiles: Set<string> | undefined;
function isRootFile(name: string): boolean {
  rootFiles ??= new Set(['robots.txt', 'sitemap.xml', 'favicon.ico', ...readPublicDirectory()]);
  return rootFiles.has(name);
}

function readPublicDirectory(): string[] {
  try {
    return fs.readdirSync(path.join(process.cwd(), 'public'));
  } catch {
    return [];
  }
}

/**
 * Whether the public site has a page at `pathname`, for every address the page route
 * (app/[[...path]]/route.tsx), a content feed or a sitemap file answers; `undefined` for an address another route
 * or a file answers, which decides for itself.
 *
 * Asked before the page route renders: it caches what it answers per address (ISR), a 404 too, so
 * without this every made-up address would cost a render and a cache entry. It asks the same
 * route table (lib/render/site-routes.ts) and content index the pages ask, with the site clock, so
 * a scheduled article is here the moment its page would show it, and a draft is exactly as absent
 * as a slug that never existed.
 */
export function isPublicContentPath(pathname: string): boolean | undefined {
  const segments = pathname.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  const [section, first, second, third] = segments;
  if (section !== undefined && OWN_ROUTES.has(section)) return undefined;
  if (segments.length === 1 && section !== undefined && isRootFile(section)) return undefined;
  // Feeds: /news/<feed> is always there; a topic's feed is there while the topic is.
  if (section === 'news' && first !== undefined && FEEDS.has(first) && second === undefined) return undefined;
  if (section === 'topics' && first !== undefined && second !== undefined && FEEDS.has(second) && third === undefined) {
    return !!getTopicArticlesForView(first, PUBLIC);
  }
  // The files of the sitemap index: the ones it names today, and no other.
  if (section === 'sitemaps') return segments.length === 2 && first !== undefined && isSitemapFile(first);
  const route = matchSiteRoute(segments);
  switch (route?.page) {
    case undefined:
      return false;
    case 'article':
      return !!getArticleForView(route.slug, PUBLIC);
    case 'news':
      return !!getNewsPage(route.number, PUBLIC);
    case 'topic':
      return !!getTopicPage(route.topic, route.number, PUBLIC);
    case 'archive':
      return !!getArchivePage(route, route.number, PUBLIC);
    case 'content':
      return !!getPageForView(route.slug, PUBLIC);
    case 'redirect':
      // Page 1 of a listing: there when the listing is (a topic or a month with no public article is not).
      if (section === 'topics' && first !== undefined) return !!getTopicArticlesForView(first, PUBLIC);
      return isPublicContentPath(route.location) === true;
    default:
      return true;
  }
}
