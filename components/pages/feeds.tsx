import { Breadcrumb } from '@/components/breadcrumb';
import { articleCount, FeedLinks, TopicFeedTable } from '@/components/feed-directory';
import { FEED_ITEM_LIMIT, feedDirectory } from '@/lib/feeds';
import { pageMetadata } from '@/lib/metadata';
import { page } from '@/lib/render/outcome';
import { siteConfig } from '@/lib/site-config';

/** /feeds: what a feed is, and every feed's address. The counts follow the feeds: a scheduled article is counted within a minute of its time. */
export function feedsPage() {
  const { site, topics } = feedDirectory();
  const meta = pageMetadata({
    title: 'News feeds: RSS, Atom and JSON Feed',
    description: `Follow ${siteConfig.siteName} in a feed reader: feed addresses for all news articles and for each topic.`,
    path: '/feeds',
  });
  return page(
    meta,
    <div className="grid-container padding-bottom-4">
      <Breadcrumb trail={[{ label: 'Home', href: '/' }]} current="News feeds" />
      <div className="usa-prose site-article">
        <h1 className="margin-top-2">News feeds</h1>
        <p className="usa-intro">Get new {siteConfig.siteName} articles in a feed reader as soon as they are published.</p>
        <h2>What is a feed?</h2>
        <p>
          A feed is a list of our newest articles in a standard format that apps called feed readers (or news
          readers) check for you. Each new article shows up in your reader with its title, a short summary and a
          link to read it on this site. Feeds are free and need no account or email address.
        </p>
        <p>
          To subscribe, copy a feed’s address and paste it into your reader. Each feed lists the {FEED_ITEM_LIMIT}{' '}
          newest articles, or all of them when there are fewer. RSS works with nearly every reader; Atom and JSON
          Feed carry the same articles for readers and tools that prefer them.
        </p>
        <h2>All news</h2>
        <p>{articleCount(site.articleCount)}, newest first.</p>
        <FeedLinks listing={site} siteUrl={siteConfig.siteUrl} />
        <h2>Feeds by topic</h2>
        <p>Follow only the topics you care about.</p>
      </div>
      <TopicFeedTable topics={topics} />
    </div>,
  );
}
