import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import Link from 'next/link';
import { ArticleCard, ArticleCardList } from '@/components/article-card';
import { PreviewAlert } from '@/components/preview-alert';
import { getArticlesForView, stateOf } from '@/lib/content';
import { feedAlternates } from '@/lib/feeds/catalog';
import { siteConfig } from '@/lib/site-config';

// Scheduled articles appear here within a minute of their time, without a rebuild.
export const revalidate = 60;

export const metadata: Metadata = {
  // title.template does not apply to the layout's own segment, so the home title is spelled out.
  title: { absolute: `News from the ${siteConfig.agencyName} | ${siteConfig.siteName}` },
  description: siteConfig.description,
  alternates: { canonical: '/', types: feedAlternates() },
};

export default async function HomePage() {
  const { isEnabled: preview } = await draftMode();
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
    </div>
  );
}
