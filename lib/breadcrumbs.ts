import type { Article } from './content/types';

export interface Crumb {
  label: string;
  href: string;
}

/** A breadcrumb: the links above the current page, then the current page's own name. */
export interface BreadcrumbTrail {
  trail: Crumb[];
  current: string;
}

/** Home › News › headline: shown above an article and repeated in its BreadcrumbList. */
export function articleBreadcrumb(article: Pick<Article, 'title'>): BreadcrumbTrail {
  return {
    trail: [
      { label: 'Home', href: '/' },
      { label: 'News', href: '/news' },
    ],
    current: article.title,
  };
}
