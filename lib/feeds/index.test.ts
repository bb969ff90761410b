import { describe, expect, it } from 'vitest';
import { getArticlesForView, getTopicsForView, stateOf } from '../content';
import { siteConfig } from '../site-config';
import { FEED_FORMATS, feedAlternates, feedDirectory, feedPath } from './index';
import { siteFeedHandler, topicFeedHandler } from './routes';

const NATO = { name: 'NATO', slug: 'nato' };
const params = (topic: string) => ({ params: Promise.resolve({ topic }) });

describe('feed autodiscovery', () => {
  it('advertises the newsroom feed in each format, titled with the site name', () => {
    expect(feedAlternates()).toEqual({
      'application/rss+xml': [{ url: '/news/rss.xml', title: siteConfig.siteName }],
      'application/atom+xml': [{ url: '/news/atom.xml', title: siteConfig.siteName }],
      'application/feed+json': [{ url: '/news/feed.json', title: siteConfig.siteName }],
    });
  });

  it('puts a topic’s own feeds before the newsroom’s on its page', () => {
    expect(feedAlternates(NATO)['application/rss+xml']).toEqual([
      { url: '/topics/nato/rss.xml', title: `${siteConfig.siteName}: NATO` },
      { url: '/news/rss.xml', title: siteConfig.siteName },
    ]);
    expect(feedPath('json', NATO)).toBe('/topics/nato/feed.json');
  });
});

describe('feed routes', () => {
  const unpublished = getArticlesForView({ preview: true }).filter((article) => stateOf(article) !== 'published');

  it('answer with the format’s media type and only public articles', async () => {
    expect(unpublished.length, 'the repository’s draft and scheduled examples').toBeGreaterThan(1);
    for (const { format, type } of FEED_FORMATS) {
      const response = siteFeedHandler(format)();
      expect(response.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      const body = await response.text();
      for (const article of unpublished) {
        expect(body, `${format} feed omits ${article.slug}`).not.toMatch(new RegExp(`/news/${article.slug}(?![a-z0-9-])`));
        expect(body, `${format} feed omits its title`).not.toContain(article.title);
      }
    }
  });

  it('serve a feed for each public topic and 404 for any other', async () => {
    const topic = getTopicsForView({ preview: false })[0]?.topic;
    expect(topic).toBeDefined();
    const found = await topicFeedHandler('atom')(new Request('http://localhost/'), params(topic!.slug));
    expect(found.status).toBe(200);
    expect(await found.text()).toContain(`<title>${siteConfig.siteName}: ${topic!.name}</title>`);
    const missing = await topicFeedHandler('rss')(new Request('http://localhost/'), params('no-such-topic'));
    expect(missing.status).toBe(404);
  });

  it('lists every topic feed on the directory, with the public article count', () => {
    const { site, topics } = feedDirectory();
    expect(site.links.map((link) => link.path)).toEqual(['/news/rss.xml', '/news/atom.xml', '/news/feed.json']);
    expect(topics.map((listing) => [listing.topic?.slug, listing.articleCount])).toEqual(
      getTopicsForView({ preview: false }).map(({ topic, count }) => [topic.slug, count]),
    );
  });
});
