import 'server-only';
import { getArticlesForView, getTopicsForView, type Topic } from '../content';
import { FEED_FORMATS, feedPath, feedTitle, type FeedFormatInfo } from './catalog';

export * from './catalog';

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

/** Every feed the site publishes, for the /feeds page: the newsroom's, then each topic's A to Z. Public only, like the feeds. */
export function feedDirectory(): { site: FeedListing; topics: FeedListing[] } {
  return {
    site: listing(getArticlesForView({ preview: false }).length),
    topics: getTopicsForView({ preview: false }).map(({ topic, count }) => listing(count, topic)),
  };
}
