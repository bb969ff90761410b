import 'server-only';
import type { Metadata } from 'next';
import { getArticlesForView, getTopicArticlesForView, getTopicsForView, type Article, type Topic, type View } from '../content';
import { siteConfig } from '../site-config';
import { renderFeed, type FeedChannel, type FeedFormat } from './build';

export { FEED_ITEM_LIMIT } from './build';
export type { FeedFormat } from './build';

export interface FeedFormatInfo {
  format: FeedFormat;
  /** Last path segment: `/news/rss.xml`. */
  file: string;
  /** What readers call the format. */
  name: string;
  /** Media type, without the charset. */
  type: string;
}

export const FEED_FORMATS: readonly FeedFormatInfo[] = [
  { format: 'rss', file: 'rss.xml', name: 'RSS', type: 'application/rss+xml' },
  { format: 'atom', file: 'atom.xml', name: 'Atom', type: 'application/atom+xml' },
  { format: 'json', file: 'feed.json', name: 'JSON Feed', type: 'application/feed+json' },
];

function formatInfo(format: FeedFormat): FeedFormatInfo {
  const info = FEED_FORMATS.find((candidate) => candidate.format === format);
  if (!info) throw new Error(`Unknown feed format "${format}"`);
  return info;
}

/** Feeds are the public site, always: never a draft or a scheduled article, even in staff preview. */
const PUBLIC: View = { preview: false };

/** The path of a feed: `/news/rss.xml` for the whole newsroom, `/topics/<slug>/rss.xml` for a topic. */
export function feedPath(format: FeedFormat, topic?: Pick<Topic, 'slug'>): string {
  return `${topic ? `/topics/${topic.slug}` : '/news'}/${formatInfo(format).file}`;
}

export function feedTitle(topic?: Pick<Topic, 'name'>): string {
  return topic ? `${siteConfig.siteName}: ${topic.name}` : siteConfig.siteName;
}

function channel(topic?: Topic): FeedChannel {
  const url = (path: string) => new URL(path, siteConfig.siteUrl).href;
  return {
    title: feedTitle(topic),
    description: topic
      ? `The latest news articles about ${topic.name} from the ${siteConfig.agencyName}.`
      : siteConfig.description,
    link: url(topic ? `/topics/${topic.slug}` : '/news'),
    urls: { rss: url(feedPath('rss', topic)), atom: url(feedPath('atom', topic)), json: url(feedPath('json', topic)) },
  };
}

type AlternateTypes = NonNullable<NonNullable<Metadata['alternates']>['types']>;

/**
 * Feed autodiscovery (`<link rel="alternate" type=…>`) for a page's metadata: a topic page's
 * own feed first (readers that take one take the first), then the newsroom's. Next replaces
 * `alternates` as a whole, so a page that sets `alternates.canonical` must pass these as
 * `types` too, or it loses the layout's.
 */
export function feedAlternates(topic?: Topic): AlternateTypes {
  const scopes = topic ? [topic, undefined] : [undefined];
  return Object.fromEntries(
    FEED_FORMATS.map(({ format, type }) => [
      type,
      scopes.map((scope) => ({ url: feedPath(format, scope), title: feedTitle(scope) })),
    ]),
  );
}

function feedResponse(format: FeedFormat, articles: Article[], topic?: Topic): Response {
  return new Response(renderFeed(format, channel(topic), articles, siteConfig), {
    headers: { 'Content-Type': `${formatInfo(format).type}; charset=utf-8`, 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The GET handler of `/news/<feed file>`. */
export function siteFeedHandler(format: FeedFormat) {
  return function GET(): Response {
    return feedResponse(format, getArticlesForView(PUBLIC));
  };
}

type TopicContext = { params: Promise<{ topic: string }> };

/** The GET handler of `/topics/<topic>/<feed file>`: 404 for a topic no public article has. */
export function topicFeedHandler(format: FeedFormat) {
  return async function GET(_request: Request, { params }: TopicContext): Promise<Response> {
    const found = getTopicArticlesForView((await params).topic, PUBLIC);
    if (!found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return feedResponse(format, found.articles, found.topic);
  };
}

/** Topic feeds built ahead: one per topic of the public articles. */
export function topicFeedParams(): { topic: string }[] {
  return getTopicsForView(PUBLIC).map(({ topic }) => ({ topic: topic.slug }));
}

export interface FeedListing {
  title: string;
  /** Public articles in scope; the feed holds the newest FEED_ITEM_LIMIT of them. */
  articleCount: number;
  topic?: Topic;
  links: { format: FeedFormatInfo; path: string }[];
}

function listing(articleCount: number, topic?: Topic): FeedListing {
  const links = FEED_FORMATS.map((format) => ({ format, path: feedPath(format.format, topic) }));
  return { title: feedTitle(topic), articleCount, links, ...(topic ? { topic } : {}) };
}

/** Every feed the site publishes, for the /feeds page: the newsroom's, then each topic's A to Z. */
export function feedDirectory(): { site: FeedListing; topics: FeedListing[] } {
  return {
    site: listing(getArticlesForView(PUBLIC).length),
    topics: getTopicsForView(PUBLIC).map(({ topic, count }) => listing(count, topic)),
  };
}
