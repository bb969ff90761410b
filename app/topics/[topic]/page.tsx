import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TopicListing } from '@/components/article-listing';
import { getTopicsForView, stateOf } from '@/lib/content';
import { getTopicPage } from '@/lib/listings';
import { pageMetadata } from '@/lib/metadata';
import { getPreviewAccess, seesAllDrafts } from '@/lib/preview/access';
import { feedAlternates } from '@/lib/feeds/catalog';
import { siteConfig } from '@/lib/site-config';

type Props = { params: Promise<{ topic: string }> };

export const revalidate = 60;

export function generateStaticParams() {
  return getTopicsForView({ preview: false }).map(({ topic }) => ({ topic: topic.slug }));
}

async function load(params: Props['params']) {
  const preview = seesAllDrafts(await getPreviewAccess());
  return { preview, found: getTopicPage((await params).topic, 1, { preview }) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { found } = await load(params);
  if (!found) notFound();
  return pageMetadata({
    // "News about …" keeps even a two-letter topic's title above the 20-character minimum.
    title: `News about ${found.topic.name}`,
    description: `News articles about ${found.topic.name} from the ${siteConfig.agencyName}, newest first.`,
    path: `/topics/${found.topic.slug}`,
    alternateTypes: feedAlternates(found.topic),
  });
}

export default async function TopicPage({ params }: Props) {
  const { preview, found } = await load(params);
  if (!found) notFound();
  return <TopicListing topic={found.topic} listing={found.page} previewStateOf={preview ? stateOf : undefined} />;
}
