import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import { PreviewAlert } from '@/components/preview-alert';
import { getArticleForView, getPublicArticles, getRelatedForView, stateOf } from '@/lib/content';
import { now } from '@/lib/clock';
import { feedAlternates } from '@/lib/feeds/catalog';

type Props = { params: Promise<{ slug: string }> };

// Public articles are built ahead. Any other slug renders on request: a scheduled article is a
// 404 until its time, and that answer is regenerated at most every 60 seconds, so the article
// goes live within a minute of its time, without a rebuild.
export const revalidate = 60;

export function generateStaticParams() {
  return getPublicArticles(now()).map((article) => ({ slug: article.slug }));
}

async function load(params: Props['params']) {
  const { isEnabled: preview } = await draftMode();
  return { preview, article: getArticleForView((await params).slug, { preview }) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load(params);
  // The 404 page's own title and robots rules, not the layout's defaults.
  if (!article) notFound();
  return { title: article.title, description: article.summary, alternates: { canonical: article.path, types: feedAlternates() } };
}

export default async function ArticlePage({ params }: Props) {
  const { preview, article } = await load(params);
  if (!article) notFound();
  return (
    <>
      {preview && <PreviewAlert article={article} state={stateOf(article)} returnTo={article.path} />}
      <ArticleView article={article} related={getRelatedForView(article, { preview })} preview={preview} />
    </>
  );
}
