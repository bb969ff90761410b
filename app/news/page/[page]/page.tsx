import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleListing } from '@/components/article-listing';
import { stateOf } from '@/lib/content';
import { getNewsPage, getPrerenderPlan } from '@/lib/listings';
import { pageMetadata } from '@/lib/metadata';
import { getPreviewAccess, seesAllDrafts } from '@/lib/preview/access';
import { listingPagePath, parsePageNumber } from '@/lib/pagination';
import { siteConfig } from '@/lib/site-config';

type Props = { params: Promise<{ page: string }> };

// Pages appear (and move) as scheduled articles go live, within a minute and without a rebuild.
export const revalidate = 60;

// The pages showing the newest articles are built ahead; older pages render on first request (decision 0010).
export function generateStaticParams() {
  return getPrerenderPlan().newsPages.map((page) => ({ page: String(page) }));
}

async function load(params: Props['params']) {
  const preview = seesAllDrafts(await getPreviewAccess());
  const number = parsePageNumber((await params).page);
  // /news/page/1 is /news.
  if (number === 1) permanentRedirect('/news');
  return { preview, listing: number ? getNewsPage(number, { preview }) : undefined };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { listing } = await load(params);
  if (!listing) notFound();
  return pageMetadata({
    title: `News articles, page ${listing.page} of ${listing.totalPages}`,
    description: `Older news articles from ${siteConfig.siteName}, newest first: articles ${listing.first} to ${listing.last} of ${listing.totalItems}.`,
    path: listingPagePath('/news', listing.page),
  });
}

export default async function NewsListingPage({ params }: Props) {
  const { preview, listing } = await load(params);
  if (!listing) notFound();
  const path = listingPagePath('/news', listing.page);
  return (
    <ArticleListing
      heading="News"
      listing={listing}
      hrefFor={(n) => listingPagePath('/news', n)}
      preview={preview ? { path, stateOf } : undefined}
    />
  );
}
