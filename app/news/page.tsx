import type { Metadata } from 'next';
import { ArticleListing } from '@/components/article-listing';
import { stateOf } from '@/lib/content';
import { getNewsPage } from '@/lib/listings';
import { listingPagePath } from '@/lib/pagination';
import { pageMetadata } from '@/lib/metadata';
import { getPreviewAccess, seesAllDrafts } from '@/lib/preview/access';
import { siteConfig } from '@/lib/site-config';

// Scheduled articles appear here within a minute of their time, without a rebuild.
export const revalidate = 60;

export const metadata: Metadata = pageMetadata({
  title: 'News articles',
  description: `The latest news articles from ${siteConfig.siteName}, newest first.`,
  path: '/news',
});

export default async function NewsIndexPage() {
  const preview = seesAllDrafts(await getPreviewAccess());
  // Page 1 always exists, even with no articles.
  const listing = getNewsPage(1, { preview })!;
  return (
    <ArticleListing
      heading="News"
      listing={listing}
      hrefFor={(n) => listingPagePath('/news', n)}
      preview={preview ? { path: '/news', stateOf } : undefined}
    />
  );
}
