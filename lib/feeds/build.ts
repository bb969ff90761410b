import { Feed, type Extension, type FeedOptions, type Item } from 'feed';
import type { Article } from '../content/types';
import { FEED_ITEM_LIMIT, type FeedFormat } from './catalog';

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';
const MEDIA_RSS = 'http://search.yahoo.com/mrss/';
const JSON_FEED_1_1 = 'https://jsonfeed.org/version/1.1';
const CDATA_END = ']]>';

/** One feed (the whole newsroom, or one topic) in every format. */
export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed follows. */
  link: string;
  /** Absolute URL of this feed in each format (the `self` link of each). */
  urls: Record<FeedFormat, string>;
}

/** What the feeds say about the publisher: a subset of lib/site-config's SiteConfig. */
export interface FeedPublisher {
  siteUrl: string;
  agencyName: string;
}

/** A works-of-the-U.S.-Government notice: the articles' text is public domain, photos keep their credits. */
export function publicDomainNotice(agencyName: string): string {
  return (
    `Text written by ${agencyName} employees as part of their official duties is in the public domain ` +
    '(17 U.S.C. 105). Photos may come from other sources: check each credit line before reuse.'
  );
}

const HTML_TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Plain text as HTML text, for the fields the formats declare HTML: RSS description, Atom `type="html"`, JSON `content_html`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_TEXT_ESCAPES[c] ?? c);
}

const absolute = (path: string, siteUrl: string) => new URL(path, siteUrl).href;

/** When an article last changed: its update, else its publication. */
function changedAt(article: Article): Date {
  return article.updatedAt ?? article.publishedAt;
}

/**
 * The newest change among the items, so the feed only changes when its content does and any
 * cache can keep it. An empty feed (a new site) says the epoch rather than the request time.
 */
export function feedUpdated(articles: readonly Article[]): Date {
  return new Date(Math.max(0, ...articles.map((article) => changedAt(article).getTime())));
}

/** RSS has no author field for a name without an email: bylines go in `dc:creator`. */
function rssExtensions(article: Article, siteUrl: string): Extension[] {
  const extensions: Extension[] = [];
  if (article.byline) extensions.push({ name: 'dc:creator', objects: { _text: article.byline.name } });
  const image = article.image;
  if (image) {
    extensions.push({
      name: 'media:content',
      objects: {
        _attributes: { url: absolute(image.src, siteUrl), medium: 'image', width: image.width, height: image.height },
        ...(image.alt ? { 'media:description': { _attributes: { type: 'plain' }, _text: image.alt } } : {}),
        ...(image.credit ? { 'media:credit': { _text: image.credit } } : {}),
      },
    });
  }
  return extensions;
}

/**
 * One article as a feed item. The formats disagree on what is HTML, so titles are escaped only
 * where the format declares them HTML (Atom's `type="html"`); summaries everywhere, since RSS
 * descriptions, Atom summaries and JSON `content_html` are all HTML. The id is the canonical
 * URL: RSS gets it as `<guid isPermaLink="true">` (the library does so only when no id is set),
 * Atom falls back to the link, JSON Feed needs it spelled out.
 */
function toItem(format: FeedFormat, article: Article, publisher: FeedPublisher): Item {
  // The library writes RSS titles as CDATA and splits only the first "]]>"; a second would end the section.
  if (format === 'rss' && article.title.split(CDATA_END).length > 2) {
    throw new Error(`${article.sourcePath}: the title contains "${CDATA_END}" more than once, which cannot be written into RSS`);
  }
  const url = absolute(article.path, publisher.siteUrl);
  const topicsUrl = absolute('/topics/', publisher.siteUrl);
  const item: Item = {
    title: format === 'atom' ? escapeHtml(article.title) : article.title,
    link: url,
    description: escapeHtml(article.summary),
    date: changedAt(article),
    published: article.publishedAt,
    // RSS: <category domain>; Atom: label, scheme + term = the topic page; JSON: tags.
    category: article.topics.map((topic) => ({ name: topic.name, domain: topicsUrl, scheme: topicsUrl, term: topic.slug })),
  };
  if (format === 'json') item.id = url;
  if (format === 'rss') {
    item.extensions = rssExtensions(article, publisher.siteUrl);
  } else if (article.byline) {
    item.author = [{ name: article.byline.name }];
  }
  // Atom gets no image: the library would label a .jpg "image/jpg", which is no media type.
  if (format === 'json' && article.image) item.image = absolute(article.image.src, publisher.siteUrl);
  return item;
}

/** Adds namespace declarations to the `<rss>` element (the library declares dc only when it writes content:encoded). */
function declareRssNamespaces(xml: string, namespaces: Record<string, string>): string {
  const root = /<rss\b[^>]*>/.exec(xml);
  if (!root) throw new Error('The feed library wrote RSS without an <rss> element');
  const missing = Object.entries(namespaces).filter(([prefix]) => !root[0].includes(`xmlns:${prefix}=`));
  const declarations = missing.map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`).join('');
  return xml.replace(root[0], root[0].replace(/>$/, `${declarations}>`));
}

interface LibraryJsonAuthor {
  name?: string;
  url?: string;
}

interface LibraryJsonFeed {
  version: string;
  author?: LibraryJsonAuthor;
  items: ({ author?: LibraryJsonAuthor } & Record<string, unknown>)[];
  [key: string]: unknown;
}

/** The library writes JSON Feed 1.0; 1.1 adds `language` and replaces `author` with `authors`. */
function toJsonFeed11(json: string, language: string): string {
  const { author, items, ...rest } = JSON.parse(json) as LibraryJsonFeed;
  const authors = (one: LibraryJsonAuthor | undefined) => (one ? { authors: [one] } : {});
  return JSON.stringify(
    {
      // Overwriting keeps the key where the library put it: first.
      ...rest,
      version: JSON_FEED_1_1,
      language,
      ...authors(author),
      items: items.map(({ author: itemAuthor, ...item }) => ({ ...item, ...authors(itemAuthor) })),
    },
    null,
    2,
  );
}

/**
 * Writes a feed of `articles` (already public, newest first; the first FEED_ITEM_LIMIT are
 * kept) with the `feed` library. Pure: the same articles always give the same bytes.
 */
export function renderFeed(
  format: FeedFormat,
  channel: FeedChannel,
  articles: readonly Article[],
  publisher: FeedPublisher,
): string {
  const items = articles.slice(0, FEED_ITEM_LIMIT);
  const options: FeedOptions = {
    id: channel.urls.atom,
    title: channel.title,
    description: channel.description,
    link: channel.link,
    language: 'en-us',
    updated: feedUpdated(items),
    copyright: publicDomainNotice(publisher.agencyName),
    favicon: absolute('/favicon.ico', publisher.siteUrl),
    // Atom needs an author for entries without a byline.
    author: { name: publisher.agencyName, link: absolute('/', publisher.siteUrl) },
    feedLinks: channel.urls,
  };
  const feed = new Feed(options);
  for (const article of items) feed.addItem(toItem(format, article, publisher));
  switch (format) {
    case 'rss':
      return declareRssNamespaces(feed.rss2(), { dc: DUBLIN_CORE, media: MEDIA_RSS });
    case 'atom':
      return feed.atom1();
    case 'json':
      return toJsonFeed11(feed.json1(), 'en-US');
  }
}
