import 'server-only';
import { archivePeriodOf, getArchiveYearsForView, getArticlesForView, getPagesForView, getTopicsForView, type Article } from '@/lib/content';
import { archivePath } from '@/lib/content/calendar';
import { laterPages } from '@/lib/listings';
import { listingPagePath } from '@/lib/pagination';
import { splitSitemap, type SitemapEntry, type SitemapFile } from '@/lib/sitemap';

const modified = (article: Article) => article.updatedAt ?? article.publishedAt;

function newestOf(articles: readonly Article[]): Date | undefined {
  let newest: Date | undefined;
  for (const article of articles) if (!newest || modified(article) > newest) newest = modified(article);
  return newest;
}

/** A listing's first page and its later ones, each changed when its newest article last did. */
function listingEntries(base: string, articles: readonly Article[]): SitemapEntry[] {
  const lastModified = newestOf(articles);
  return [1, ...laterPages(articles.length)].map((n) => ({ path: listingPagePath(base, n), ...(lastModified ? { lastModified } : {}) }));
}

/**
 * Every public page, in the files of the sitemap index: `site` (home, the news index and its
 * pages, topics, feeds, content pages), then one file per year, newest first, with that year's
 * archive pages and articles; a group past `limit` URLs is split (lib/sitemap.ts). Only public
 * articles: lib/content decides, as for every listing.
 */
export function sitemapFiles(limit?: number): SitemapFile[] {
  const articles = getArticlesForView({ preview: false });
  const newest = newestOf(articles);
  const at = newest ? { lastModified: newest } : {};
  const byTopic = new Map<string, Article[]>();
  const byYear = new Map<number, Article[]>();
  for (const article of articles) {
    for (const topic of article.topics) groupInto(byTopic, topic.slug, article);
    groupInto(byYear, archivePeriodOf(article).year, article);
  }
  const site: SitemapEntry[] = [
    { path: '/', ...at },
    ...listingEntries('/news', articles),
    { path: '/topics', ...at },
    ...getTopicsForView({ preview: false }).flatMap(({ topic }) => listingEntries(`/topics/${topic.slug}`, byTopic.get(topic.slug) ?? [])),
    { path: '/feeds', ...at },
    // Content pages have no status: all of them are public.
    ...getPagesForView({ preview: false }).map((page) => ({ path: page.path, ...(page.updatedAt ? { lastModified: page.updatedAt } : {}) })),
  ];
  // Map order is insertion order: articles come newest first, so the years do too.
  const years = [...byYear].map(([year, ofYear]) => {
    const byMonth = new Map<number, Article[]>();
    for (const article of ofYear) {
      groupInto(byMonth, archivePeriodOf(article).month, article);
    }
    return {
      name: String(year),
      entries: [
        ...listingEntries(archivePath(year), ofYear),
        ...[...byMonth].flatMap(([month, ofMonth]) => listingEntries(archivePath(year, month), ofMonth)),
        ...ofYear.map((article) => ({ path: article.path, lastModified: modified(article) })),
      ],
    };
  });
  return splitSitemap([{ name: 'site', entries: site }, ...years], limit);
}

/** Appends `article` to its group (in place: copying each group per article is quadratic at archive scale). */
function groupInto<K>(groups: Map<K, Article[]>, key: K, article: Article): void {
  const group = groups.get(key);
  if (group) group.push(article);
  else groups.set(key, [article]);
}

/**
 * Whether `/sitemaps/<file>` is a file of the index, for the proxy, which asks on every request
 * (cached ones too): the first file of a group is known from the years alone, without building
 * the sitemap; only a numbered part (`2023-2.xml`, a group past 50,000 URLs) builds it.
 */
export function isSitemapFile(file: string): boolean {
  const match = /^(site|[1-9]\d{3})(-[1-9]\d*)?\.xml$/.exec(file);
  if (!match) return false;
  const [, group, part] = match;
  if (part !== undefined) return sitemapFiles().some(({ name }) => `${name}.xml` === file);
  return group === 'site' || getArchiveYearsForView({ preview: false }).some(({ value }) => String(value) === group);
}
