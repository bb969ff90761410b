import type { APIRequestContext, Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { expect, NOT_FOUND_RESOURCE, test } from './fixtures';
import { publicArticles, unpublishedArticles, type PublicArticle } from './support/content';
import { leakNeedles, leaksIn } from './support/preview';
import { seed } from './support/seed';
import { SITE_NAME } from './support/site';
import { sitemapPaths } from './support/sitemap';

// Feeds are checked with parsers the site does not use: rss-parser (RSS and Atom), fast-xml-parser
// (namespaced elements) and JSON.parse. Expectations come from the content files.

/** docs/decisions/0006-feeds.md: a feed carries the newest 20 articles (all when fewer). */
const FEED_LIMIT = 20;

const FORMATS = [
  { file: 'rss.xml', type: 'application/rss+xml', name: 'RSS' },
  { file: 'atom.xml', type: 'application/atom+xml', name: 'Atom' },
  { file: 'feed.json', type: 'application/feed+json', name: 'JSON Feed' },
] as const;

const rssParser = new Parser();
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false });

type XmlNode = Record<string, unknown>;
const list = <T,>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (node: unknown) => (typeof node === 'string' ? node : String((node as XmlNode | undefined)?.['#text'] ?? ''));
/** Absolute URL → path; the build's SITE_URL may differ from the server under test. */
const pathOf = (url: string | undefined) => {
  expect(url ?? '', 'an absolute http(s) URL').toMatch(/^https?:\/\//);
  return new URL(url!).pathname;
};
/** Atom titles and summaries are `type="html"`: what a reader shows after decoding. */
const decodeHtml = (html: string) =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

const newest = (articles: PublicArticle[]) => articles.slice(0, FEED_LIMIT);

async function fetchFeed(request: APIRequestContext, path: string, type: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), `${path} status`).toBe(200);
  expect(response.headers()['content-type'], `${path} content type`).toBe(`${type}; charset=utf-8`);
  return response.text();
}

/** Topic name → topic page path, as the /topics index links them. */
async function topicPaths(page: Page): Promise<Map<string, string>> {
  await page.goto('/topics');
  const links = page.locator('main li a[href^="/topics/"]');
  const entries = await links.evaluateAll((anchors) => anchors.map((a) => [a.textContent?.trim() ?? '', a.getAttribute('href') ?? '']));
  return new Map(entries as [string, string][]);
}

interface AlternateLink {
  type: string;
  href: string;
  title: string;
}

/** `<link rel="alternate" type=…>` elements of an HTML document, by regular expression (no DOM needed). */
function feedLinksIn(html: string): AlternateLink[] {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<link\b[^>]*>/g)].flatMap(([tag]) => {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    if (attr('rel') !== 'alternate' || !attr('type')) return [];
    return [{ type: attr('type')!, href: new URL(attr('href') ?? '', 'http://x').pathname, title: attr('title') ?? '' }];
  });
}

const SITE_FEEDS: AlternateLink[] = FORMATS.map(({ file, type }) => ({ type, href: `/news/${file}`, title: SITE_NAME }));

test.describe('news feeds', () => {
  const expected = newest(publicArticles());

  test('the RSS feed lists the public articles newest first, with permalink guids, dates and bylines', async ({ request }) => {
    expect(expected.length, 'public articles in content/news').toBeGreaterThan(1);
    const body = await fetchFeed(request, '/news/rss.xml', 'application/rss+xml');
    const feed = await rssParser.parseString(body);
    expect(feed.title).toBe(SITE_NAME);
    expect(feed.items.map((item) => pathOf(item.link))).toEqual(expected.map((a) => a.path));
    expect(feed.items.map((item) => item.title)).toEqual(expected.map((a) => a.title));
    for (const [index, item] of feed.items.entries()) {
      const article = expected[index]!;
      expect(item.guid, `${article.slug}: guid is the link`).toBe(item.link);
      expect(Date.parse(item.pubDate ?? ''), `${article.slug}: pubDate is the publication`).toBe(article.publishedAt);
      expect(item.pubDate, 'RFC 822').toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/);
      expect(item.creator, `${article.slug}: dc:creator`).toBe(article.byline);
      // xml2js gives a category with attributes as { _: text, $: attributes }.
      const categories = ((item.categories ?? []) as unknown[]).map((c) => (typeof c === 'string' ? c : (c as { _: string })._));
      expect(categories, `${article.slug}: topics`).toEqual(article.topics);
    }

    // Namespaces and attributes rss-parser does not show.
    expect(XMLValidator.validate(body)).toBe(true);
    const rss = xml.parse(body).rss as XmlNode & { channel: XmlNode };
    expect(rss['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    const self = list(rss.channel['atom:link'] as XmlNode | XmlNode[]).find((link) => link['@rel'] === 'self');
    expect(self?.['@type']).toBe('application/rss+xml');
    expect(pathOf(self?.['@href'] as string)).toBe('/news/rss.xml');
    expect(text(rss.channel.language)).toBe('en-us');
    // Stable and cacheable: the channel is as new as its newest change, never the request time.
    expect(Date.parse(text(rss.channel.lastBuildDate))).toBe(Math.max(...expected.map((a) => a.changedAt)));
    const items = list(rss.channel.item as XmlNode | XmlNode[]);
    for (const [index, item] of items.entries()) {
      expect(item.guid, `${expected[index]!.slug}: guid`).toMatchObject({ '@isPermaLink': 'true' });
      if (expected[index]!.byline) expect(text(item['dc:creator'])).toBe(expected[index]!.byline);
      else expect(item, `${expected[index]!.slug} has no byline`).not.toHaveProperty('dc:creator');
    }
    expect(expected.some((a) => a.byline) && expected.some((a) => !a.byline), 'bylined and unbylined articles to compare').toBe(true);
  });

  test('the Atom feed has the same entries, ids and RFC 3339 dates, and links to itself', async ({ request }) => {
    const body = await fetchFeed(request, '/news/atom.xml', 'application/atom+xml');
    const feed = await rssParser.parseString(body);
    expect(feed.items.map((item) => pathOf(item.link))).toEqual(expected.map((a) => a.path));
    expect(feed.items.map((item) => decodeHtml(item.title ?? ''))).toEqual(expected.map((a) => a.title));
    for (const [index, item] of feed.items.entries()) {
      const article = expected[index]!;
      expect(item.id, 'the id is the canonical URL').toBe(item.link);
      expect(Date.parse(item.isoDate ?? ''), `${article.slug}: published`).toBe(article.publishedAt);
      expect((item as { author?: string }).author, `${article.slug}: author`).toBe(article.byline);
    }
    const atom = xml.parse(body).feed as XmlNode;
    const self = list(atom.link as XmlNode | XmlNode[]).find((link) => link['@rel'] === 'self');
    expect(pathOf(self?.['@href'] as string)).toBe('/news/atom.xml');
    const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    for (const [index, entry] of list(atom.entry as XmlNode | XmlNode[]).entries()) {
      expect(text(entry.updated)).toMatch(RFC_3339);
      expect(text(entry.published)).toMatch(RFC_3339);
      expect(Date.parse(text(entry.updated)), `${expected[index]!.slug}: updated`).toBe(expected[index]!.changedAt);
    }
    expect(Date.parse(text(atom.updated)), 'the feed is as new as its newest change').toBe(Math.max(...expected.map((a) => a.changedAt)));
  });

  test('the JSON Feed is version 1.1 with its required fields and the same items', async ({ request }) => {
    const feed = JSON.parse(await fetchFeed(request, '/news/feed.json', 'application/feed+json')) as Record<string, unknown> & {
      items: Record<string, unknown>[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe(SITE_NAME);
    expect(pathOf(feed.feed_url as string)).toBe('/news/feed.json');
    expect(Array.isArray(feed.items)).toBe(true);
    expect(feed.items.map((item) => pathOf(item.url as string))).toEqual(expected.map((a) => a.path));
    for (const [index, item] of feed.items.entries()) {
      const article = expected[index]!;
      expect(typeof item.id === 'string' && item.id !== '', `${article.slug}: id`).toBe(true);
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string', `${article.slug}: content`).toBe(true);
      expect(item.title).toBe(article.title);
      expect(Date.parse(item.date_published as string)).toBe(article.publishedAt);
      expect(item.authors, `${article.slug}: authors`).toEqual(article.byline ? [{ name: article.byline }] : undefined);
    }
  });

  test('every item link and lead image in the feeds answers 200', async ({ request }) => {
    const feed = JSON.parse(await fetchFeed(request, '/news/feed.json', 'application/feed+json')) as { items: { url: string; image?: string }[] };
    for (const item of feed.items) {
      expect((await request.get(pathOf(item.url))).status(), item.url).toBe(200);
      if (item.image) {
        const image = await request.get(pathOf(item.image));
        expect(image.status(), item.image).toBe(200);
        expect(image.headers()['content-type'], item.image).toMatch(/^image\//);
      }
    }
    const rss = xml.parse(await fetchFeed(request, '/news/rss.xml', 'application/rss+xml')).rss as { channel: XmlNode };
    const media = list(rss.channel.item as XmlNode | XmlNode[]).flatMap((item) => list<XmlNode>(item['media:content'] as XmlNode | undefined));
    expect(media.length, 'lead images as media:content').toBeGreaterThan(0);
    for (const content of media) expect((await request.get(pathOf(content['@url'] as string))).status()).toBe(200);
  });

  test('each topic has feeds with its own public articles, and an unknown topic is a 404', async ({ page, request }) => {
    const topics = await topicPaths(page);
    const topicNames = [...new Set(publicArticles().flatMap((a) => a.topics))].sort();
    expect([...topics.keys()].sort(), 'topics of the public articles').toEqual(topicNames);
    for (const [name, topicPath] of topics) {
      const articles = newest(publicArticles().filter((a) => a.topics.includes(name)));
      const rss = await rssParser.parseString(await fetchFeed(request, `${topicPath}/rss.xml`, 'application/rss+xml'));
      expect(rss.title).toBe(`${SITE_NAME}: ${name}`);
      expect(rss.items.map((item) => pathOf(item.link)), `${name} RSS`).toEqual(articles.map((a) => a.path));
      const atom = await rssParser.parseString(await fetchFeed(request, `${topicPath}/atom.xml`, 'application/atom+xml'));
      expect(atom.items.map((item) => pathOf(item.link)), `${name} Atom`).toEqual(articles.map((a) => a.path));
      const json = JSON.parse(await fetchFeed(request, `${topicPath}/feed.json`, 'application/feed+json')) as { items: { url: string }[] };
      expect(json.items.map((item) => pathOf(item.url)), `${name} JSON`).toEqual(articles.map((a) => a.path));
    }
    for (const { file } of FORMATS) expect((await request.get(`/topics/no-such-topic/${file}`)).status()).toBe(404);
  });

  test('no feed names a draft or scheduled article, or carries a sentinel', async ({ page, request }) => {
    const unpublished = unpublishedArticles();
    expect(new Set(unpublished.map((a) => a.state)), 'a draft and a scheduled article in content').toEqual(new Set(['draft', 'scheduled']));
    const needles = leakNeedles(unpublished);
    const topics = [...(await topicPaths(page)).values()];
    const paths = ['/news', ...topics].flatMap((base) => FORMATS.map(({ file }) => `${base}/${file}`));
    const problems: string[] = [];
    for (const path of paths) {
      const response = await request.get(path);
      for (const leak of leaksIn(await response.text(), needles)) problems.push(`${path}: ${leak}`);
    }
    expect(problems).toEqual([]);
  });
});

test.describe('feed autodiscovery', () => {
  async function expectSiteFeeds(page: Page, path: string, status = 200) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    for (const feed of SITE_FEEDS) {
      const link = page.locator(`head link[rel="alternate"][type="${feed.type}"][title="${feed.title}"]`);
      await expect(link, `${path}: ${feed.type}`).toHaveCount(1);
      expect(new URL((await link.getAttribute('href'))!, 'http://x').pathname).toBe(feed.href);
    }
  }

  test('home, /news, an article, a content page and /feeds advertise the newsroom feeds', async ({ page }) => {
    for (const path of ['/', '/news', seed.path, '/about', '/feeds']) await expectSiteFeeds(page, path);
  });

  test('the 404 page advertises them too', async ({ page, consoleErrors }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    await expectSiteFeeds(page, '/news/no-such-article', 404);
  });

  test('a topic page advertises its own feed first, then the newsroom’s', async ({ page }) => {
    const [name, topicPath] = [...(await topicPaths(page)).entries()][0]!;
    await page.goto(topicPath);
    const links = await page.locator('head link[rel="alternate"][type]').evaluateAll((nodes) =>
      nodes.map((n) => ({ type: n.getAttribute('type'), href: new URL(n.getAttribute('href')!).pathname, title: n.getAttribute('title') })),
    );
    expect(links).toEqual(
      FORMATS.flatMap(({ file, type }) => [
        { type, href: `${topicPath}/${file}`, title: `${SITE_NAME}: ${name}` },
        { type, href: `/news/${file}`, title: SITE_NAME },
      ]),
    );
  });

  test('every page in the sitemap advertises the newsroom feeds (a canonical never drops them)', async ({ request }) => {
    const paths = await sitemapPaths(request);
    expect(paths).toContain('/feeds');
    const missing: string[] = [];
    for (const path of paths) {
      const found = feedLinksIn(await (await request.get(path)).text());
      for (const feed of SITE_FEEDS) {
        if (!found.some((link) => link.type === feed.type && link.href === feed.href && link.title === feed.title)) {
          missing.push(`${path}: ${feed.type}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

test.describe('the /feeds page', () => {
  test('explains feeds and lists every feed with counts; each link is a working feed', async ({ page, request, expectNoAxeViolations }) => {
    await page.goto('/feeds');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('News feeds');
    await expect(page.getByRole('heading', { level: 2, name: 'What is a feed?' })).toBeVisible();
    expect((await page.title()).length).toBeGreaterThanOrEqual(20);
    expect(((await page.locator('meta[name="description"]').getAttribute('content')) ?? '').length).toBeGreaterThanOrEqual(50);
    expect(new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).pathname).toBe('/feeds');

    const articles = publicArticles();
    const topics = await topicPaths(page);
    await page.goto('/feeds');
    const table = page.getByRole('table');
    for (const [name, topicPath] of topics) {
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      await expect(row.getByRole('cell').first(), `${name} count`).toHaveText(String(articles.filter((a) => a.topics.includes(name)).length));
      for (const { file, name: format } of FORMATS) {
        await expect(row.getByRole('link', { name: `${format} feed: ${SITE_NAME}: ${name}` })).toHaveAttribute('href', `${topicPath}/${file}`);
      }
    }
    await expect(page.locator('main')).toContainText(`${articles.length} articles`);
    for (const { file, name } of FORMATS) {
      await expect(page.getByRole('link', { name: `${name} feed: ${SITE_NAME}`, exact: true })).toHaveAttribute('href', `/news/${file}`);
    }

    const hrefs = await page
      .locator('main a[type]')
      .evaluateAll((links) => links.map((a) => [a.getAttribute('href') ?? '', a.getAttribute('type') ?? ''] as const));
    expect(hrefs.length, 'feed links on /feeds').toBe(FORMATS.length * (topics.size + 1));
    for (const [href, type] of hrefs) await fetchFeed(request, href, type);

    await expectNoAxeViolations(page, '/feeds');
  });

  test('the footer links to it', async ({ page }) => {
    await page.goto('/');
    const link = page.getByRole('navigation', { name: 'Footer navigation' }).getByRole('link', { name: 'RSS feeds' });
    await link.click();
    await expect(page).toHaveURL(/\/feeds$/);
  });
});
