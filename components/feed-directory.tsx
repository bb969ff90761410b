import type { ComponentPropsWithoutRef } from 'react';
import type { FeedListing } from '@/lib/feeds';

/** "1 article", "12 articles". */
export function articleCount(count: number): string {
  return `${count} ${count === 1 ? 'article' : 'articles'}`;
}

export interface FeedLinksProps extends ComponentPropsWithoutRef<'ul'> {
  listing: FeedListing;
  /** Show each feed's full address next to its link, for pasting into a reader. */
  siteUrl?: string;
}

/**
 * One feed in each format. Feeds are not pages, so these are plain links (no client-side
 * navigation); each link's name says which feed it is, since "RSS" alone repeats per topic.
 */
export function FeedLinks({ listing, siteUrl, className, ...rest }: FeedLinksProps) {
  const classes = ['usa-list usa-list--unstyled', siteUrl ? 'site-feed-addresses' : 'site-feed-links', className];
  return (
    <ul className={classes.filter(Boolean).join(' ')} {...rest}>
      {listing.links.map(({ format, path }) => (
        <li key={format.format}>
          <a className="usa-link" href={path} type={format.type}>
            {format.name}
            <span className="usa-sr-only"> feed: {listing.title}</span>
          </a>
          {siteUrl && <code className="site-feed-address">{new URL(path, siteUrl).href}</code>}
        </li>
      ))}
    </ul>
  );
}

export interface TopicFeedTableProps extends ComponentPropsWithoutRef<'table'> {
  topics: FeedListing[];
}

/**
 * USWDS table of topic feeds: topic, article count, feed links (which wrap on narrow screens). At
 * 200% text a phone cannot fit three columns, so the table scrolls in its own focusable region.
 */
export function TopicFeedTable({ topics, className, ...rest }: TopicFeedTableProps) {
  return (
    <div className="site-table-scroll" role="region" aria-label="Topic feeds" tabIndex={0}>
      <table className={['usa-table usa-table--borderless', className].filter(Boolean).join(' ')} {...rest}>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Articles</th>
            <th scope="col">Feeds</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((listing) => (
            <tr key={listing.topic?.slug ?? listing.title}>
              <th scope="row">
                {listing.topic ? (
                  <a href={`/topics/${listing.topic.slug}`} className="usa-link">
                    {listing.topic.name}
                  </a>
                ) : (
                  listing.title
                )}
              </th>
              <td>{listing.articleCount}</td>
              <td>
                <FeedLinks listing={listing} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
