import { describe, expect, it, vi } from 'vitest';
import { archivePeriodOf, getArticlesForView } from '@/lib/content';
import { archivePath } from '@/lib/content/calendar';
import { siteConfig } from '@/lib/site-config';
import { isPublicContentPath } from './public-paths';

// The repository's own content: a draft, a scheduled article (2099) and public ones.
const publicNow = getArticlesForView({ preview: false, now: new Date() });
const unpublished = getArticlesForView({ preview: true }).filter((article) => !publicNow.includes(article));
const seed = publicNow[0]!;
const topic = seed.topics[0]!.slug;
const lastNewsPage = Math.ceil(publicNow.length / siteConfig.listPageSize);

describe('public content paths, from the content index', () => {
  it('knows the public articles, and nothing else under /news/<slug>', () => {
    expect(isPublicContentPath(seed.path)).toBe(true);
    expect(unpublished.length, 'the sample content has a draft and a scheduled article').toBeGreaterThanOrEqual(2);
    for (const article of unpublished) expect(isPublicContentPath(article.path), article.slug).toBe(false);
    expect(isPublicContentPath('/news/no-such-article')).toBe(false);
    expect(isPublicContentPath('/news/%3Cscript%3E')).toBe(false);
  });

  it('knows listing pages in range, written the one way the pages accept', () => {
    expect(isPublicContentPath('/news/page/1')).toBe(true);
    expect(isPublicContentPath(`/news/page/${lastNewsPage}`)).toBe(true);
    for (const page of [String(lastNewsPage + 1), '99999999', '02', '1e3', '-1', '']) {
      expect(isPublicContentPath(`/news/page/${page}`), page).toBe(false);
    }
  });

  it('knows topics with a public article, their pages and their feeds', () => {
    expect(isPublicContentPath(`/topics/${topic}`)).toBe(true);
    expect(isPublicContentPath(`/topics/${topic}/rss.xml`)).toBe(true);
    expect(isPublicContentPath(`/topics/${topic}/page/1`)).toBe(true);
    expect(isPublicContentPath(`/topics/${topic}/page/9999`)).toBe(false);
    for (const path of ['/topics/no-such-topic', '/topics/no-such-topic/atom.xml', '/topics/no-such-topic/page/1']) {
      expect(isPublicContentPath(path), path).toBe(false);
    }
  });

  it('knows the archive by date: years and months with a public article, and their pages in range', () => {
    const { year, month } = archivePeriodOf(seed);
    for (const path of [archivePath(year), archivePath(year, month), `${archivePath(year)}/page/1`, `${archivePath(year, month)}/page/1`]) {
      expect(isPublicContentPath(path), path).toBe(true);
    }
    for (const path of [`${archivePath(year)}/page/9999`, `${archivePath(year, month)}/page/9999`, '/news/2023/13', '/news/0999', `/news/${year}/${String(month).padStart(3, '0')}`, `/news/${year}/${month}/x`]) {
      expect(isPublicContentPath(path), path).toBe(false);
    }
    // A year or month whose only articles are unpublished has no page, nor a page 1 to redirect from.
    const publicMonths = new Set(publicNow.map((article) => archivePath(archivePeriodOf(article).year, archivePeriodOf(article).month)));
    const publicYears = new Set(publicNow.map((article) => archivePath(archivePeriodOf(article).year)));
    const onlyUnpublished = unpublished.flatMap((article) => {
      const { year, month } = archivePeriodOf(article);
      return [archivePath(year), archivePath(year, month)].filter((path) => !publicMonths.has(path) && !publicYears.has(path));
    });
    expect(onlyUnpublished.length, 'the scheduled 2099 article is alone in its year').toBeGreaterThan(0);
    for (const path of onlyUnpublished) {
      expect(isPublicContentPath(path), path).toBe(false);
      expect(isPublicContentPath(`${path}/page/1`), `${path}/page/1`).toBe(false);
    }
  });

  it('knows the fixed pages and the content pages', () => {
    for (const path of ['/', '/news', '/news/', '/topics', '/feeds', '/about']) expect(isPublicContentPath(path), path).toBe(true);
    for (const path of ['/no-such-page', '/x.php', '/about/x', `/news/${seed.slug}/x`, '/topics/x/y/z', '/a/b/c/d/e', '/_404']) {
      expect(isPublicContentPath(path), path).toBe(false);
    }
  });

  it('knows the files the sitemap index names, and no other', () => {
    const year = archivePeriodOf(seed).year;
    for (const path of ['/sitemaps/site.xml', `/sitemaps/${year}.xml`]) expect(isPublicContentPath(path), path).toBe(true);
    for (const path of ['/sitemaps/2099.xml', '/sitemaps/site', '/sitemaps/x.xml', '/sitemaps/site.xml/x', '/sitemaps', '/sitemaps/site-2.xml', `/sitemaps/${year}-2.xml`, `/sitemaps/${year}-0.xml`]) {
      expect(isPublicContentPath(path), path).toBe(false);
    }
  });

  it('leaves the addresses of other routes and files to them', () => {
    for (const path of ['/news/rss.xml', '/news/atom.xml', '/news/feed.json', '/search', '/preview', '/api/preview', '/images/news/x/y.jpg', '/robots.txt', '/sitemap.xml', '/favicon.ico', '/.well-known/security.txt', '/assets/x.css', '/_next/image']) {
      expect(isPublicContentPath(path), path).toBeUndefined();
    }
  });

  it('a scheduled article becomes a public path when the site clock reaches its time', async () => {
    const scheduled = getArticlesForView({ preview: true }).find((article) => article.status === 'published' && article.publishedAt.getTime() > Date.now())!;
    expect(scheduled, 'the sample content has a scheduled article').toBeTruthy();
    vi.resetModules();
    vi.stubEnv('NEWSROOM_CLOCK_START', new Date(scheduled.publishedAt.getTime() + 1000).toISOString());
    const shared = globalThis as { __newsroomClockLoadedAt?: number };
    delete shared.__newsroomClockLoadedAt;
    try {
      const later = await import('./public-paths');
      expect(later.isPublicContentPath(scheduled.path)).toBe(true);
    } finally {
      vi.unstubAllEnvs();
      delete shared.__newsroomClockLoadedAt;
    }
  });
});
