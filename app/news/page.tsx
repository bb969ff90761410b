import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { ArticleCardList } from '@/components/article-card';
import { PreviewAlert } from '@/components/preview-alert';
import { getArticlesForView, stateOf } from '@/lib/content';
import { feedAlternates } from '@/lib/feeds/catalog';
import { siteConfig } from '@/lib/site-config';

// Scheduled articles appear here within a minute of their time, without a rebuild.
export const revalidate = 60;

export const metadata: Metadata = {
  title: 'News',
  description: `The latest news articles from ${siteConfig.siteName}, newest first.`,
  alternates: { canonical: '/news', types: feedAlternates() },
};

export default async function NewsIndexPage() {
  const { isEnabled: preview } = await draftMode();
  return (
    <div className="grid-container padding-bottom-4">
      {preview && <PreviewAlert returnTo="/news" />}
      <h1 className="margin-top-4">News</h1>
      <ArticleCardList
        articles={getArticlesForView({ preview })}
        headingLevel={2}
        stateOf={preview ? stateOf : undefined}
      />
    </div>
  );
}
