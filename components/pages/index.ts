import 'server-only';
import { getPagesForView, getTopicsForView } from '@/lib/content';
import { archivePath } from '@/lib/content/calendar';
import { getArchivePrerenderPlan, getPrerenderPlan } from '@/lib/listings';
import { listingPagePath } from '@/lib/pagination';
import type { PreviewAccess } from '@/lib/preview/access';
import { NOT_FOUND_PATH } from '@/lib/edge/edge-answer';
import { redirectTo, type PageOutcome } from '@/lib/render/outcome';
import type { SiteRoute } from '@/lib/render/site-routes';
import { articlePage } from './article';
import { contentPage } from './content-page';
import { archivePage } from './date-archive';
import { feedsPage } from './feeds';
import { homePage } from './home';
import { newsPage, topicPage, topicsPage } from './listings';

/** The page a route names, for this request's access. */
export async function loadSitePage(route: SiteRoute, access: PreviewAccess): Promise<PageOutcome> {
  switch (route.page) {
    case 'home':
      return homePage(access);
    case 'news':
      return newsPage(route.number, access);
    case 'article':
      return articlePage(route.slug, access);
    case 'archive':
      return archivePage(route, route.number, access);
    case 'topics':
      return topicsPage(access);
    case 'topic':
      return topicPage(route.topic, route.number, access);
    case 'feeds':
      return feedsPage();
    case 'content':
      return contentPage(route.slug);
    case 'redirect':
      return redirectTo(route.location, { permanent: true });
  }
}

/**
 * The addresses `next build` renders ahead (decision 0010): the fixed pages, every topic and
 * content page, the newest public articles and the listing pages (archive by date included) that show them. Every other
 * address renders on its first request and is then cached the same way.
 */
export function prerenderedPaths(): string[][] {
  const plan = getPrerenderPlan();
  return [
    [],
    // The one cached copy of the 404 page (lib/edge/edge-answer.ts), ready before the first reader.
    [NOT_FOUND_PATH.slice(1)],
    ['news'],
    ['topics'],
    ['feeds'],
    ...plan.newsPages.map((n) => ['news', 'page', String(n)]),
    ...plan.articles.map((slug) => ['news', slug]),
    ...getTopicsForView({ preview: false }).map(({ topic }) => ['topics', topic.slug]),
    ...plan.topicPages.map(({ topic, page }) => ['topics', topic, 'page', String(page)]),
    ...getArchivePrerenderPlan().map(({ year, month, page }) => listingPagePath(archivePath(year, month), page).split('/').slice(1)),
    ...getPagesForView({ preview: false }).map((page) => [page.slug]),
  ];
}
