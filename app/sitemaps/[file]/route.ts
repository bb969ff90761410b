import { sitemapFiles } from '@/lib/sitemap-content';
import { renderUrlset, SITEMAP_HEADERS } from '@/lib/sitemap';
import { siteConfig } from '@/lib/site-config';

// Static, regenerated at most every minute, like the index; a file that is not in it is the proxy's 404.
export const revalidate = 60;

export function generateStaticParams(): { file: string }[] {
  return sitemapFiles().map(({ name }) => ({ file: `${name}.xml` }));
}

/** One file of the sitemap index: /sitemaps/site.xml, /sitemaps/2023.xml … */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const found = sitemapFiles().find(({ name }) => `${name}.xml` === file);
  if (!found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(renderUrlset(found.entries, siteConfig.siteUrl), { headers: SITEMAP_HEADERS });
}
