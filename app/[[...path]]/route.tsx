import { loadSitePage, prerenderedPaths } from '@/components/pages';
import { getPreviewAccess } from '@/lib/preview/access';
import { servePage } from '@/lib/render/html-response';
import { notFound } from '@/lib/render/outcome';
import { matchSiteRoute } from '@/lib/render/site-routes';

/**
 * Every public HTML page but search: home, news, articles, topics, feeds, content pages and the
 * 404 page, rendered to static HTML without framework JavaScript (docs/decisions/0017).
 *
 * Built ahead or rendered on first request, then cached and regenerated at most every 60 seconds:
 * a scheduled article goes live within a minute of its time, without a rebuild. That rule is
 * here, once, for every page. In Draft Mode (a valid preview session, proxy.ts) Next skips the
 * cache and this renders per request.
 */
export const revalidate = 60;

export function generateStaticParams() {
  return prerenderedPaths().map((path) => ({ path }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  const access = await getPreviewAccess();
  const route = matchSiteRoute((await params).path ?? []);
  return servePage(() => (route ? loadSitePage(route, access) : notFound), access);
}
