import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleCard, ArticleCardList } from '@/components/article-card';
import { JsonLd } from '@/components/json-ld';
import { PreviewAlert } from '@/components/preview-alert';
import { getArticlesForView, stateOf } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { getPreviewAccess, seesAllDrafts } from '@/lib/preview/access';
import { siteConfig } from '@/lib/site-config';
import { homeStructuredData } from '@/lib/structured-data';

// Scheduled articles appear here within a minute of their time, without a rebuild.
export const revalidate = 60;

export const metadata: Metadata = pageMetadata({
  title: `News from the ${siteConfig.agencyName}`,
  description: siteConfig.description,
  path: '/',
});

export default async function HomePage() {
  const preview = seesAllDrafts(await getPreviewAccess());
  const [lead, ...rest] = getArticlesForView({ preview });
  const latest = rest.slice(0, 6);
  const state = preview ? stateOf : undefined;
  return (
    <div className="grid-container padding-bottom-4">
      {preview && <PreviewAlert returnTo="/" />}
      <h1 className="margin-top-4">{siteConfig.siteName}</h1>
      {lead && (
        <section aria-labelledby="lead-story">
          <h2 id="lead-story" className="usa-sr-only">
            Lead story
          </h2>
          <ul className="usa-card-group">
            <ArticleCard article={lead} headingLevel={3} lead state={state?.(lead)} />
          </ul>
        </section>
      )}
      <section aria-labelledby="latest-news">
        <h2 id="latest-news">Latest news</h2>
        <ArticleCardList articles={latest} headingLevel={3} stateOf={state} />
        <p>
          <Link href="/news" className="usa-link">
            All news articles
          </Link>
        </p>
      </section>
      <JsonLd data={homeStructuredData()} />
    </div>
  );
}
