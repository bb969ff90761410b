import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { JPEG_40x30, lines, makeTree, removeTrees } from '../content/__fixtures__/make-tree';
import { createContentStore } from '../content/store';
import type { Article } from '../content/types';
import { renderFeed, type FeedChannel } from './build';
import { FEED_ITEM_LIMIT, type FeedFormat } from './catalog';

afterAll(removeTrees);

const SITE = 'https://news.example.gov';
const PUBLISHER = { siteUrl: SITE, agencyName: 'U.S. Department of Examples' };
const CHANNEL: FeedChannel = {
  title: 'Example News',
  description: 'News from the examples.',
  link: `${SITE}/news`,
  urls: { rss: `${SITE}/news/rss.xml`, atom: `${SITE}/news/atom.xml`, json: `${SITE}/news/feed.json` },
};
const NOW = new Date('2025-01-01T00:00:00Z');

const BYLINED_TITLE = 'R&D Budget <Request> Rises';
const IMAGE = '240301-D-AB123-1001.jpg';

function story(front: string[], body = 'Text.'): string {
  return lines('---', ...front, '---', '', body);
}

const FILES = {
  'content/news/bylined-story.md': story([
    `title: "${BYLINED_TITLE}"`,
    'summary: "Spending on research & development grows; see <table 1>."',
    'date: 2024-03-01',
    'updated: 2024-03-05T10:00:00-05:00',
    'byline:',
    '  name: Jane Q. Writer',
    '  organization: Example News',
    'topics: [Budget, Science & Technology]',
    'status: published',
    'image:',
    `  src: ${IMAGE}`,
    '  alt: A chart of research spending.',
    '  credit: DOD graphic',
  ]),
  [`content/images/news/bylined-story/${IMAGE}`]: JPEG_40x30,
  'content/news/unbylined-story.md': story([
    'title: Allies Meet in Poland',
    'summary: Defense ministers met in Warsaw to talk about readiness and supplies.',
    'date: 2024-02-01T12:00:00Z',
    'topics: [NATO]',
    'status: published',
  ]),
  'content/news/a-draft.md': story([
    'title: Draft Story Never Public',
    'summary: A draft that is not ready for readers and must stay out of every feed.',
    'date: 2024-01-15',
    'topics: [NATO]',
    'status: draft',
  ]),
  'content/news/a-scheduled.md': story([
    'title: Scheduled Story Not Yet',
    'summary: Embargoed until 2030, so no feed may carry it before that time comes.',
    'date: 2030-01-01T09:00:00-05:00',
    'topics: [NATO]',
    'status: published',
  ]),
};

/** What a feed route is given: the content layer's public articles, newest first. */
function publicArticles(files: Record<string, string | Buffer> = FILES): Article[] {
  return createContentStore(makeTree(files), { timeZone: 'America/New_York' }).getPublicArticles(NOW);
}

const render = (format: FeedFormat, articles: Article[] = publicArticles()) => renderFeed(format, CHANNEL, articles, PUBLISHER);

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false });

/** Elements that may repeat come back as an array only when they do. */
const list = <T,>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

type XmlNode = Record<string, unknown> & { '#text'?: string };
const text = (node: unknown) => (typeof node === 'string' ? node : ((node as XmlNode | undefined)?.['#text'] ?? ''));

function parseRss(source: string) {
  expect(XMLValidator.validate(source)).toBe(true);
  const root = xml.parse(source).rss as XmlNode & { channel: XmlNode & { item?: XmlNode | XmlNode[] } };
  return { root, channel: root.channel, items: list(root.channel.item) };
}

function parseAtom(source: string) {
  expect(XMLValidator.validate(source)).toBe(true);
  const feed = xml.parse(source).feed as XmlNode & { entry?: XmlNode | XmlNode[] };
  return { feed, entries: list(feed.entry) };
}

/** The text of an Atom `type="html"` construct, as a reader shows it. */
const htmlText = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('RSS 2.0', () => {
  const { root, channel, items } = parseRss(render('rss'));

  it('lists the public articles only, newest first', () => {
    expect(items.map((item) => text(item.title))).toEqual([BYLINED_TITLE, 'Allies Meet in Poland']);
    expect(render('rss')).not.toMatch(/Draft Story|Scheduled Story/);
  });

  it('gives each item its absolute canonical URL as link and permalink guid', () => {
    expect(items.map((item) => text(item.link))).toEqual([`${SITE}/news/bylined-story`, `${SITE}/news/unbylined-story`]);
    for (const item of items) {
      expect(item.guid).toEqual({ '#text': text(item.link), '@isPermaLink': 'true' });
    }
  });

  it('keeps an article’s guid when other articles come and go', () => {
    const newer = story(['title: Newer Story', 'summary: A later story that should come first in the feed, newest first.', 'date: 2024-06-01', 'topics: [NATO]', 'status: published']);
    const grown = parseRss(render('rss', publicArticles({ ...FILES, 'content/news/newer-story.md': newer })));
    const guidOf = (list: XmlNode[], title: string) => list.find((item) => text(item.title) === title)?.guid;
    expect(grown.items).toHaveLength(3);
    expect(guidOf(grown.items, 'Allies Meet in Poland')).toEqual(guidOf(items, 'Allies Meet in Poland'));
  });

  it('names the byline in dc:creator, declared on <rss>, and leaves it out without one', () => {
    expect(root['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(text(items[0]?.['dc:creator'])).toBe('Jane Q. Writer');
    expect(items[1]).not.toHaveProperty('dc:creator');
    // RSS <author> must be an email address; a name alone goes in dc:creator.
    expect(items[0]).not.toHaveProperty('author');
  });

  it('escapes & and < so the XML stays well-formed and readers get the text back', () => {
    expect(text(items[0]?.title)).toBe(BYLINED_TITLE);
    // The description is HTML: the summary's own "<" is text, not a tag.
    expect(text(items[0]?.description)).toBe('Spending on research &amp; development grows; see &lt;table 1&gt;.');
  });

  it('dates items by publication in RFC 822 and the channel by its newest change, not the clock', () => {
    for (const item of items) expect(text(item.pubDate)).toMatch(RFC_822);
    expect(Date.parse(text(items[0]?.pubDate))).toBe(Date.parse('2024-03-01T05:00:00Z'));
    expect(Date.parse(text(items[1]?.pubDate))).toBe(Date.parse('2024-02-01T12:00:00Z'));
    expect(text(channel.lastBuildDate)).toMatch(RFC_822);
    // The bylined story's update is the newest change of all.
    expect(Date.parse(text(channel.lastBuildDate))).toBe(Date.parse('2024-03-05T15:00:00Z'));
    expect(render('rss')).toBe(render('rss'));
  });

  it('describes the channel: title, link, language, self link, public-domain notice', () => {
    expect(text(channel.title)).toBe('Example News');
    expect(text(channel.link)).toBe(`${SITE}/news`);
    expect(text(channel.language)).toBe('en-us');
    expect(root['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(channel['atom:link']).toMatchObject({ '@rel': 'self', '@href': CHANNEL.urls.rss, '@type': 'application/rss+xml' });
    expect(text(channel.copyright)).toContain('public domain');
  });

  it('lists topics as categories and the lead image as media:content with its size, alt text and credit', () => {
    expect(list(items[0]?.category).map(text)).toEqual(['Budget', 'Science & Technology']);
    expect(root['@xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    expect(items[0]?.['media:content']).toMatchObject({
      '@url': `${SITE}/images/news/bylined-story/${IMAGE}`,
      '@medium': 'image',
      '@width': '40',
      '@height': '30',
      'media:description': { '#text': 'A chart of research spending.' },
      'media:credit': 'DOD graphic',
    });
    expect(items[1]).not.toHaveProperty('media:content');
  });
});

describe('Atom 1.0', () => {
  const { feed, entries } = parseAtom(render('atom'));

  it('has the same entries, with the canonical URL as id and link', () => {
    expect(entries.map((entry) => htmlText(text(entry.title)))).toEqual([BYLINED_TITLE, 'Allies Meet in Poland']);
    expect(entries.map((entry) => text(entry.id))).toEqual([`${SITE}/news/bylined-story`, `${SITE}/news/unbylined-story`]);
    expect(list(entries[0]?.link as XmlNode | XmlNode[])[0]).toMatchObject({ '@href': `${SITE}/news/bylined-story` });
  });

  it('escapes the title inside type="html", so "<Request>" is text and not a tag', () => {
    expect(entries[0]?.title).toMatchObject({ '@type': 'html', '#text': 'R&amp;D Budget &lt;Request&gt; Rises' });
  });

  it('dates entries in RFC 3339: updated is the last change, published the publication', () => {
    expect(text(entries[0]?.updated)).toMatch(RFC_3339);
    expect(Date.parse(text(entries[0]?.updated))).toBe(Date.parse('2024-03-05T15:00:00Z'));
    expect(Date.parse(text(entries[0]?.published))).toBe(Date.parse('2024-03-01T05:00:00Z'));
    expect(text(feed.updated)).toBe(text(entries[0]?.updated));
  });

  it('credits the byline, else the agency as the feed author, and links to itself', () => {
    expect(entries[0]?.author).toEqual({ name: 'Jane Q. Writer' });
    expect(entries[1]).not.toHaveProperty('author');
    expect(feed.author).toMatchObject({ name: 'U.S. Department of Examples' });
    expect(list(feed.link as XmlNode | XmlNode[])).toContainEqual({ '@rel': 'self', '@href': CHANNEL.urls.atom });
  });
});

describe('JSON Feed 1.1', () => {
  const feed = JSON.parse(render('json')) as {
    version: string;
    title: string;
    feed_url: string;
    language: string;
    items: { id: string; url: string; title: string; content_html: string; date_published: string; authors?: { name: string }[]; image?: string; tags: string[] }[];
  };

  it('has the required fields and the same items', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Example News');
    expect(feed.feed_url).toBe(CHANNEL.urls.json);
    expect(feed.language).toBe('en-US');
    expect(feed.items.map((item) => item.title)).toEqual([BYLINED_TITLE, 'Allies Meet in Poland']);
    for (const item of feed.items) {
      expect(item.id).toBe(item.url);
      expect(item.date_published).toMatch(RFC_3339);
    }
    expect(feed.items[0]?.content_html).toBe('Spending on research &amp; development grows; see &lt;table 1&gt;.');
  });

  it('uses 1.1 authors for the byline only, and the lead image and topics', () => {
    expect(feed.items[0]?.authors).toEqual([{ name: 'Jane Q. Writer' }]);
    expect(feed.items[1]).not.toHaveProperty('authors');
    expect(feed.items[1]).not.toHaveProperty('author');
    expect(feed.items[0]?.image).toBe(`${SITE}/images/news/bylined-story/${IMAGE}`);
    expect(feed.items[0]?.tags).toEqual(['Budget', 'Science & Technology']);
  });
});

describe('limits and refusals', () => {
  it(`keeps the newest ${FEED_ITEM_LIMIT} articles`, () => {
    const many = Object.fromEntries(
      Array.from({ length: FEED_ITEM_LIMIT + 5 }, (_, i) => [
        `content/news/story-${i + 1}.md`,
        story([`title: Story ${i + 1}`, 'summary: One of many stories, each long enough to serve as a meta description.', `date: 2024-01-${String(i + 1).padStart(2, '0')}`, 'topics: [NATO]', 'status: published']),
      ]),
    );
    const { items } = parseRss(render('rss', publicArticles(many)));
    expect(items).toHaveLength(FEED_ITEM_LIMIT);
    expect(text(items[0]?.title)).toBe(`Story ${FEED_ITEM_LIMIT + 5}`);
    expect(text(items.at(-1)?.title)).toBe('Story 6');
  });

  it('writes an empty feed dated at the epoch, not the request time', () => {
    const { channel, items } = parseRss(render('rss', []));
    expect(items).toEqual([]);
    expect(text(channel.lastBuildDate)).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('refuses a title that would end the RSS CDATA section early', () => {
    const hostile = story(['title: "a ]]> b ]]> <x>"', 'summary: A story whose title tests how the RSS feed writes CDATA sections.', 'date: 2024-01-01', 'topics: [NATO]', 'status: published']);
    const articles = publicArticles({ 'content/news/hostile.md': hostile });
    expect(() => render('rss', articles)).toThrow(
      'content/news/hostile.md: the title contains "]]>" more than once, which cannot be written into RSS',
    );
    // Atom escapes the title as HTML, so the same article is fine there.
    expect(htmlText(text(parseAtom(render('atom', articles)).entries[0]?.title))).toBe('a ]]> b ]]> <x>');
  });

  it('splits a single "]]>" in an RSS title and reads back the exact title', () => {
    const once = story(['title: "Brackets ]]> once"', 'summary: A story whose title tests how the RSS feed writes CDATA sections.', 'date: 2024-01-01', 'topics: [NATO]', 'status: published']);
    expect(text(parseRss(render('rss', publicArticles({ 'content/news/once.md': once }))).items[0]?.title)).toBe('Brackets ]]> once');
  });
});
