import type { MetadataRoute } from 'next';
import { getArticlesForView, getPages, getTopicsForView } from '@/lib/content';
import { siteConfig } from '@/lib/site-config';

// Scheduled articles join the sitemap within a minute of going live, like the listings.
export const revalidate = 60;

const url = (path: string) => new URL(path, siteConfig.siteUrl).href;

/** Every public page: home, the news index, each public article and each content page. */
export default function sitemap(): MetadataRoute.Sitemap {
  const articles = getArticlesForView({ preview: false });
  const newest = articles[0]?.updatedAt ?? articles[0]?.publishedAt;
  return [
    { url: url('/'), lastModified: newest },
    { url: url('/news'), lastModified: newest },
    ...articles.map((article) => ({ url: url(article.path), lastModified: article.updatedAt ?? article.publishedAt })),
    { url: url('/topics'), lastModified: newest },
    ...getTopicsForView({ preview: false }).map(({ topic }) => ({ url: url(`/topics/${topic.slug}`) })),
    { url: url('/feeds'), lastModified: newest },
    // Content pages have no status: all of them are public.
    ...getPages().map((page) => ({ url: url(page.path), ...(page.updatedAt ? { lastModified: page.updatedAt } : {}) })),
  ];
}
