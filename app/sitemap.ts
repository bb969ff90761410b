import type { MetadataRoute } from 'next';
import { getArticlesForView, getPages, getTopicsForView } from '@/lib/content';
import type { Article } from '@/lib/content/types';
import { laterPages } from '@/lib/listings';
import { listingPagePath } from '@/lib/pagination';
import { siteConfig } from '@/lib/site-config';

// Scheduled articles join the sitemap within a minute of going live, like the listings.
export const revalidate = 60;

const url = (path: string) => new URL(path, siteConfig.siteUrl).href;

/**
 * Every public page: home, the news index and its later pages, each public article, the topics
 * with their later pages, and each content page.
 */
export default function sitemap(): MetadataRoute.Sitemap {
  const articles = getArticlesForView({ preview: false });
  const modified = (article: Article) => article.updatedAt ?? article.publishedAt;
  const newestOf = (list: Article[]) =>
    list.reduce<Date | undefined>((max, a) => (!max || modified(a) > max ? modified(a) : max), undefined);
  const newest = newestOf(articles);
  const topicModified = (slug: string) => newestOf(articles.filter((a) => a.topics.some((t) => t.slug === slug)));
  return [
    { url: url('/'), lastModified: newest },
    { url: url('/news'), lastModified: newest },
    ...laterPages(articles.length).map((n) => ({ url: url(listingPagePath('/news', n)), lastModified: newest })),
    ...articles.map((article) => ({ url: url(article.path), lastModified: modified(article) })),
    { url: url('/topics'), lastModified: newest },
    ...getTopicsForView({ preview: false }).flatMap(({ topic, count }) =>
      [1, ...laterPages(count)].map((n) => ({
        url: url(listingPagePath(`/topics/${topic.slug}`, n)),
        lastModified: topicModified(topic.slug),
      })),
    ),
    { url: url('/feeds'), lastModified: newest },
    // Content pages have no status: all of them are public.
    ...getPages().map((page) => ({ url: url(page.path), ...(page.updatedAt ? { lastModified: page.updatedAt } : {}) })),
  ];
}
