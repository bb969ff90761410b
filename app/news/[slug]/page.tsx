import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import { getPublicArticle, getPublicArticles, getRelatedArticles } from '@/lib/content';

type Props = { params: Promise<{ slug: string }> };

// Only public articles are pages; any other slug is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return getPublicArticles().map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = getPublicArticle((await params).slug);
  if (!article) return {};
  return { title: article.title, description: article.summary, alternates: { canonical: article.path } };
}

export default async function ArticlePage({ params }: Props) {
  const article = getPublicArticle((await params).slug);
  if (!article) notFound();
  return <ArticleView article={article} related={getRelatedArticles(article)} />;
}
