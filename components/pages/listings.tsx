import { ArchiveLinks } from '@/components/archive-links';
import { ArticleListing, TopicListing } from '@/components/article-listing';
import { PreviewAlert } from '@/components/preview-alert';
import { getArchiveYearsForView, getTopicsForView, stateOf } from '@/lib/content';
import { archivePath } from '@/lib/content/calendar';
import { feedAlternates } from '@/lib/feeds/catalog';
import { getNewsPage, getTopicPage } from '@/lib/listings';
import { pageMetadata } from '@/lib/metadata';
import { listingPagePath } from '@/lib/pagination';
import { seesAllDrafts, type PreviewAccess } from '@/lib/preview/access';
import { notFound, page } from '@/lib/render/outcome';
import { siteConfig } from '@/lib/site-config';

const newsPath = (n: number) => listingPagePath('/news', n);

/** /news and /news/page/<n>: every article this access may see, newest first. Page 1 always exists, even with no articles. */
export function newsPage(number: number, access: PreviewAccess) {
  const preview = seesAllDrafts(access);
  const listing = getNewsPage(number, { preview });
  if (!listing) return notFound;
  const path = newsPath(listing.page);
  const meta =
    listing.page === 1
      ? pageMetadata({ title: 'News articles', description: `The latest news articles from ${siteConfig.siteName}, newest first.`, path })
      : pageMetadata({
          title: `News articles, page ${listing.page} of ${listing.totalPages}`,
          description: `Older news articles from ${siteConfig.siteName}, newest first: articles ${listing.first} to ${listing.last} of ${listing.totalItems}.`,
          path,
        });
  const archive = (
    <ArchiveLinks heading="Archive" entries={getArchiveYearsForView({ preview })} hrefFor={(year) => archivePath(year)} labelFor={String} />
  );
  return page(
    meta,
    <ArticleListing heading="News" listing={listing} hrefFor={newsPath} preview={preview ? { path, stateOf } : undefined} after={archive} />,
  );
}

/** /topics/<topic> and its later pages. */
export function topicPage(slug: string, number: number, access: PreviewAccess) {
  const preview = seesAllDrafts(access);
  const found = getTopicPage(slug, number, { preview });
  if (!found) return notFound;
  const { topic, page: listing } = found;
  const path = listingPagePath(`/topics/${topic.slug}`, listing.page);
  const meta = pageMetadata({
    // "News about …" keeps even a two-letter topic's title above the 20-character minimum.
    title: listing.page === 1 ? `News about ${topic.name}` : `News about ${topic.name}, page ${listing.page} of ${listing.totalPages}`,
    description:
      listing.page === 1
        ? `News articles about ${topic.name} from the ${siteConfig.agencyName}, newest first.`
        : `Older news articles about ${topic.name} from the ${siteConfig.agencyName}, newest first: articles ${listing.first} to ${listing.last} of ${listing.totalItems}.`,
    path,
    alternateTypes: feedAlternates(topic),
  });
  return page(meta, <TopicListing topic={topic} listing={listing} previewStateOf={preview ? stateOf : undefined} />);
}

/** /topics: every topic with its article count. */
export function topicsPage(access: PreviewAccess) {
  const preview = seesAllDrafts(access);
  const meta = pageMetadata({
    title: 'News topics',
    description: `Every topic ${siteConfig.siteName} covers, with the number of articles on each.`,
    path: '/topics',
  });
  return page(
    meta,
    <div className="grid-container padding-bottom-4">
      {preview && <PreviewAlert returnTo="/topics" />}
      <h1 className="margin-top-4">Topics</h1>
      <ul className="usa-list">
        {getTopicsForView({ preview }).map(({ topic, count }) => (
          <li key={topic.slug}>
            <a href={`/topics/${topic.slug}`} className="usa-link">
              {topic.name}
            </a>{' '}
            ({count} {count === 1 ? 'article' : 'articles'})
          </li>
        ))}
      </ul>
    </div>,
  );
}
