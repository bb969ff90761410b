import 'server-only';
import { archivePeriodOf, getArchiveArticlesForView, getArticlesForView, getTopicArticlesForView, type ArchivePeriod, type View } from '@/lib/content';
import type { Article, Topic } from '@/lib/content/types';
import { paginate, type PageOf } from '@/lib/pagination';
import { archivePrerenderPlan, prerenderLimit, prerenderPlan, type ArchivePrerender, type PrerenderPlan } from '@/lib/prerender';
import { siteConfig } from '@/lib/site-config';

/** Page `page` of /news: the articles this view may see, newest first. */
export function getNewsPage(page: number, view: View): PageOf<Article> | undefined {
  return paginate(getArticlesForView(view), page, siteConfig.listPageSize);
}

/** Page `page` of /topics/<slug>; undefined for an unknown topic or a page out of range. */
export function getTopicPage(slug: string, page: number, view: View): { topic: Topic; page: PageOf<Article> } | undefined {
  const found = getTopicArticlesForView(slug, view);
  const listing = found && paginate(found.articles, page, siteConfig.listPageSize);
  return found && listing ? { topic: found.topic, page: listing } : undefined;
}

/** Page `page` of /news/<yyyy>[/<mm>]; undefined for a period with no article this view may see, or a page out of range. */
export function getArchivePage(period: ArchivePeriod, page: number, view: View): PageOf<Article> | undefined {
  const articles = getArchiveArticlesForView(period, view);
  return articles.length > 0 ? paginate(articles, page, siteConfig.listPageSize) : undefined;
}

/** Page numbers 2..n of a listing, for generateStaticParams (page 1 is the listing itself). */
export function laterPages(totalItems: number): number[] {
  const total = Math.max(1, Math.ceil(totalItems / siteConfig.listPageSize));
  return Array.from({ length: total - 1 }, (_, i) => i + 2);
}

/** What the build renders ahead: the newest public articles and the listing pages showing them (lib/prerender). */
export function getPrerenderPlan(): PrerenderPlan {
  return prerenderPlan(getArticlesForView({ preview: false }), prerenderLimit(), siteConfig.listPageSize);
}

/** The archive pages the build renders ahead: those showing one of the same newest public articles. */
export function getArchivePrerenderPlan(): ArchivePrerender[] {
  return archivePrerenderPlan(getArticlesForView({ preview: false }), prerenderLimit(), siteConfig.listPageSize, archivePeriodOf);
}
