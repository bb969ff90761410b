import type { PageMeta } from '../metadata';
import { siteConfig } from '../site-config';
import type { Query } from './query';

/** Long queries are cut in the <title>; the page itself shows them whole. */
const TITLE_QUERY_LENGTH = 60;

function shorten(text: string): string {
  const characters = [...text];
  return characters.length > TITLE_QUERY_LENGTH ? `${characters.slice(0, TITLE_QUERY_LENGTH - 1).join('').trimEnd()}…` : text;
}

/**
 * Title and description of /search. Every variant is `noindex, follow`: search engines should
 * not index internal result pages (they would index endless query variants of the articles
 * themselves), but may follow the links to the articles.
 */
export function searchMetadata(query: Query): PageMeta {
  const robots = { index: false, follow: true };
  switch (query.kind) {
    case 'empty':
      return {
        title: 'Search news articles',
        description: `Search the news articles of ${siteConfig.siteName} by word or phrase: headlines, summaries, full text and photo captions.`,
        robots,
      };
    case 'too-long':
      return {
        title: 'Search query too long',
        description: `A search of ${siteConfig.siteName} can be at most a few words long; this one was too long to run.`,
        robots,
      };
    default:
      return {
        title: `Search results for “${shorten(query.text)}”`,
        description: `News articles from ${siteConfig.siteName} that match “${shorten(query.text)}”, best match first.`,
        robots,
      };
  }
}
