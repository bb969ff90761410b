import { getArticleForView, getTopicArticlesForView } from '@/lib/content';
import { getNewsPage, getTopicPage } from '@/lib/listings';
import { parsePageNumber } from '@/lib/pagination';

const PUBLIC = { preview: false } as const;
const FEEDS = new Set(['rss.xml', 'atom.xml', 'feed.json']);

/**
 * Whether the public site has something at `pathname`, for the routes whose parameters come from
 * content: /news/<slug>, /news/page/<n>, /topics/<topic>[/page/<n> | /<feed>]. `undefined` for any
 * other path, which its own route decides.
 *
 * Asked before those routes render: each of them caches what it answers per path (ISR), a 404 too,
 * so without this every made-up slug costs a render and a cache entry. It asks the same content
 * index the pages ask (lib/content, lib/listings) with the site clock, so a scheduled article is
 * here the moment its page would show it, and a draft is exactly as absent as a slug that never existed.
 */
export function isPublicContentPath(pathname: string): boolean | undefined {
  const segments = pathname.split('/').slice(1);
  const [section, first, second, third, ...rest] = segments;
  if (section === 'news' && first !== undefined) {
    if (first === 'page' && second !== undefined && third === undefined) return isListingPage(second, (n) => !!getNewsPage(n, PUBLIC));
    if (second !== undefined || FEEDS.has(first)) return undefined;
    return !!getArticleForView(first, PUBLIC);
  }
  if (section === 'topics' && first !== undefined && rest.length === 0) {
    if (second === undefined || (FEEDS.has(second) && third === undefined)) return !!getTopicArticlesForView(first, PUBLIC);
    if (second === 'page' && third !== undefined) return isListingPage(third, (n) => !!getTopicPage(first, n, PUBLIC));
  }
  return undefined;
}

/** A listing page exists when its number is written the one way the pages accept and is in range (page 1 redirects to the listing, if that exists). */
function isListingPage(segment: string, exists: (page: number) => boolean): boolean {
  const page = parsePageNumber(segment);
  return page !== undefined && exists(page);
}
