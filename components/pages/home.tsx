import { ArticleCard, ArticleCardList } from '@/components/article-card';
import { JsonLd } from '@/components/json-ld';
import { PreviewAlert } from '@/components/preview-alert';
import { getArticlesForView, stateOf } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { seesAllDrafts, type PreviewAccess } from '@/lib/preview/access';
import { page } from '@/lib/render/outcome';
import { siteConfig } from '@/lib/site-config';
import { homeStructuredData } from '@/lib/structured-data';

/** The home page: the lead story and the six after it. */
export function homePage(access: PreviewAccess) {
  const preview = seesAllDrafts(access);
  const [lead, ...rest] = getArticlesForView({ preview });
  const latest = rest.slice(0, 6);
  const state = preview ? stateOf : undefined;
  const meta = pageMetadata({ title: `News from the ${siteConfig.agencyName}`, description: siteConfig.description, path: '/' });
  return page(
    meta,
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
          <a href="/news" className="usa-link">
            All news articles
          </a>
        </p>
      </section>
      <JsonLd data={homeStructuredData()} />
    </div>,
  );
}
