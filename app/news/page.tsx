import type { Metadata } from 'next';
import { ArticleCard } from '@/components/article-card';
import { getPublicArticles } from '@/lib/content';
import { siteConfig } from '@/lib/site-config';

export const metadata: Metadata = {
  title: 'News',
  description: `The latest news articles from ${siteConfig.siteName}, newest first.`,
  alternates: { canonical: '/news' },
};

export default function NewsIndexPage() {
  return (
    <div className="grid-container padding-bottom-4">
      <h1 className="margin-top-4">News</h1>
      <ul className="usa-card-group">
        {getPublicArticles().map((article) => (
          <ArticleCard key={article.slug} article={article} headingLevel={2} />
        ))}
      </ul>
    </div>
  );
}
