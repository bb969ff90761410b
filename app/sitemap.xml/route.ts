import { sitemapFiles } from '@/lib/sitemap-content';
import { renderSitemap, SITEMAP_HEADERS } from '@/lib/sitemap';
import { siteConfig } from '@/lib/site-config';

// Static, regenerated at most every minute: a scheduled article's year joins within a minute of its time.
export const revalidate = 60;

/**
 * The sitemap robots.txt names: every public page in one file while there are at most 50,000 of
 * them, and past that the index of the files (one per year of news and one for the rest,
 * docs/decisions/0021).
 */
export function GET(): Response {
  return new Response(renderSitemap(sitemapFiles(), siteConfig.siteUrl), { headers: SITEMAP_HEADERS });
}
