import { sitemapFiles } from '@/lib/sitemap-content';
import { renderSitemapIndex, SITEMAP_HEADERS } from '@/lib/sitemap';
import { siteConfig } from '@/lib/site-config';

// Static, regenerated at most every minute: a scheduled article's year joins within a minute of its time.
export const revalidate = 60;

/** The sitemap index (robots.txt names it): one file per year of news and one for the rest (docs/decisions/0021). */
export function GET(): Response {
  return new Response(renderSitemapIndex(sitemapFiles(), siteConfig.siteUrl), { headers: SITEMAP_HEADERS });
}
