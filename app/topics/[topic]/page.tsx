import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { ArticleCardList } from '@/components/article-card';
import { Breadcrumb } from '@/components/breadcrumb';
import { PreviewAlert } from '@/components/preview-alert';
import { getTopicArticlesForView, getTopicsForView, stateOf } from '@/lib/content';
import { feedAlternates } from '@/lib/feeds/catalog';
import { siteConfig } from '@/lib/site-config';

type Props = { params: Promise<{ topic: string }> };

export const revalidate = 60;

export function generateStaticParams() {
  return getTopicsForView({ preview: false }).map(({ topic }) => ({ topic: topic.slug }));
}

async function load(params: Props['params']) {
  const { isEnabled: preview } = await draftMode();
  return { preview, found: getTopicArticlesForView((await params).topic, { preview }) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { found } = await load(params);
  if (!found) notFound();
  return {
    title: `${found.topic.name} news`,
    description: `News articles about ${found.topic.name} from ${siteConfig.siteName}, newest first.`,
    alternates: { canonical: `/topics/${found.topic.slug}`, types: feedAlternates(found.topic) },
  };
}

export default async function TopicPage({ params }: Props) {
  const { preview, found } = await load(params);
  if (!found) notFound();
  return (
    <div className="grid-container padding-bottom-4">
      {preview && <PreviewAlert returnTo={`/topics/${found.topic.slug}`} />}
      <Breadcrumb trail={[{ label: 'Home', href: '/' }, { label: 'Topics', href: '/topics' }]} current={found.topic.name} />
      <h1 className="margin-top-2">{found.topic.name}</h1>
      <ArticleCardList articles={found.articles} headingLevel={2} stateOf={preview ? stateOf : undefined} />
    </div>
  );
}
