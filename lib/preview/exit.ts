import 'server-only';
import { getArticleForView, getPageForView } from '@/lib/content';
import { getNewsPage, getTopicPage } from '@/lib/listings';
import { parsePageNumber } from '@/lib/pagination';
import { sameHost } from './decide-access';

const PUBLIC_VIEW = { preview: false } as const;

/**
 * Where "Exit preview" may send the browser: `candidate` when it is a page the public can open
 * now, else `/`. Drafts, scheduled articles and unknown addresses all give `/`, so the answer says
 * nothing about what exists behind the public site.
 */
export function publicReturnPath(candidate: unknown): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//')) return '/';
  if (['/', '/news', '/topics', '/feeds'].includes(candidate)) return candidate;
  const news = /^\/news\/page\/([^/]+)$/.exec(candidate);
  if (news) return getNewsPage(parsePageNumber(news[1]) ?? 0, PUBLIC_VIEW) ? candidate : '/';
  const topic = /^\/topics\/([a-z0-9-]+)(?:\/page\/([^/]+))?$/.exec(candidate);
  if (topic) {
    const page = topic[2] === undefined ? 1 : parsePageNumber(topic[2]) ?? 0;
    return topic[1] && getTopicPage(topic[1], page, PUBLIC_VIEW) ? candidate : '/';
  }
  const article = /^\/news\/([a-z0-9-]+)$/.exec(candidate);
  if (article) return getArticleForView(article[1]!, PUBLIC_VIEW) ? candidate : '/';
  const page = /^\/([a-z0-9-]+)$/.exec(candidate);
  return page && getPageForView(page[1]!, PUBLIC_VIEW) ? candidate : '/';
}

/**
 * A state-changing POST must come from a page of this site: its Origin header names the host the
 * request was sent to. A missing Origin is refused too (every browser sends one on a form POST).
 */
export function fromOwnPage(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('host');
  if (!origin || !host) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && sameHost(url.host, host);
}
