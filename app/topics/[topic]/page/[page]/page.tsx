import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { TopicListing } from '@/components/article-listing';
import { stateOf } from '@/lib/content';
import { getPrerenderPlan, getTopicPage } from '@/lib/listings';
import { feedAlternates } from '@/lib/feeds/catalog';
import { pageMetadata } from '@/lib/metadata';
import { getPreviewAccess, seesAllDrafts } from '@/lib/preview/access';
import { listingPagePath, parsePageNumber } from '@/lib/pagination';
import { siteConfig } from '@/lib/site-config';

type Props = { params: Promise<{ topic: string; page: string }> };

export const revalidate = 60;

// The pages showing the newest articles are built ahead; older pages render on first request (decision 0010).
export function generateStaticParams() {
  return getPrerenderPlan().topicPages.map(({ topic, page }) => ({ topic, page: String(page) }));
}

async function load(params: Props['params']) {
  const preview = seesAllDrafts(await getPreviewAccess());
  const { topic, page } = await params;
  const number = parsePageNumber(page);
  if (number === 1) permanentRedirect(`/topics/${encodeURIComponent(topic)}`);
  return { preview, found: number ? getTopicPage(topic, number, { preview }) : undefined };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { found } = await load(params);
  if (!found) notFound();
  const { topic, page } = found;
  return pageMetadata({
    title: `News about ${topic.name}, page ${page.page} of ${page.totalPages}`,
    description: `Older news articles about ${topic.name} from the ${siteConfig.agencyName}, newest first: articles ${page.first} to ${page.last} of ${page.totalItems}.`,
    path: listingPagePath(`/topics/${topic.slug}`, page.page),
    alternateTypes: feedAlternates(topic),
  });
}

export default async function TopicListingPage({ params }: Props) {
  const { preview, found } = await load(params);
  if (!found) notFound();
  return <TopicListing topic={found.topic} listing={found.page} previewStateOf={preview ? stateOf : undefined} />;
}
