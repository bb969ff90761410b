import type { Topic } from '../content/types';
import { siteConfig } from '../site-config';

/**
 * What feeds exist, where they live and how pages point to them. Light on purpose: every page's
 * metadata imports it, so it stays free of the XML library and of content loading.
 */

export type FeedFormat = 'rss' | 'atom' | 'json';

/** A feed carries the newest articles, at most this many (all of them when there are fewer). */
export const FEED_ITEM_LIMIT = 20;

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

export function formatInfo(format: FeedFormat): FeedFormatInfo {
  const info = FEED_FORMATS.find((candidate) => candidate.format === format);
  if (!info) throw new Error(`Unknown feed format "${format}"`);
  return info;
}

/** The path of a feed: `/news/rss.xml` for the whole newsroom, `/topics/<slug>/rss.xml` for a topic. */
export function feedPath(format: FeedFormat, topic?: Pick<Topic, 'slug'>): string {
  return `${topic ? `/topics/${topic.slug}` : '/news'}/${formatInfo(format).file}`;
}

export function feedTitle(topic?: Pick<Topic, 'name'>): string {
  return topic ? `${siteConfig.siteName}: ${topic.name}` : siteConfig.siteName;
}

/** MIME type → the feeds of that type a page links to with `<link rel="alternate">`. */
export type AlternateTypes = Record<string, { url: string; title: string }[]>;

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
