import type { APIRequestContext } from '@playwright/test';
import { parseSitemap } from '../a11y/sitemap';

/** One sitemap file as the site served it. */
export interface SitemapFileRead {
  /** Its path on the site under test (`/sitemaps/2023.xml`). */
  path: string;
  xml: string;
  /** Its <loc> values, as written (absolute URLs on SITE_URL). */
  locs: string[];
}

export interface SitemapRead {
  /** /sitemap.xml itself. */
  index: SitemapFileRead & { kind: 'urlset' | 'sitemapindex' };
  /** The files the index names (or /sitemap.xml alone when it is a plain urlset). */
  files: SitemapFileRead[];
  /** Every page URL of every file, in order. */
  urls: string[];
}

/**
 * /sitemap.xml and, when it is a sitemap index, every file it names, each fetched from the site
 * under test (the index names SITE_URL's origin). Throws when a named file does not answer 200.
 */
export async function readSitemap(request: APIRequestContext): Promise<SitemapRead> {
  const get = async (path: string): Promise<SitemapFileRead & { kind: 'urlset' | 'sitemapindex' }> => {
    const response = await request.get(path, { maxRedirects: 0 });
    if (response.status() !== 200) throw new Error(`${path} answered ${response.status()}`);
    const xml = await response.text();
    return { path, xml, ...parseSitemap(xml) };
  };
  const index = await get('/sitemap.xml');
  const files = index.kind === 'urlset' ? [index] : await Promise.all(index.locs.map((loc) => get(new URL(loc).pathname)));
  for (const file of files) if (file.kind !== 'urlset') throw new Error(`${file.path} is a ${file.kind}; the index names only urlsets`);
  return { index, files, urls: files.flatMap((file) => file.locs) };
}

/** Same-origin paths of every page in the sitemap, in its order. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  return (await readSitemap(request)).urls.map((url) => new URL(url).pathname);
}
