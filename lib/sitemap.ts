/**
 * Sitemaps (sitemaps.org 0.9): the index at /sitemap.xml and its files at /sitemaps/<name>.xml.
 * A file holds at most 50,000 URLs (the protocol's limit; past it one file is invalid), so a group
 * of pages larger than that is split into numbered files. Pure: what goes in them is
 * lib/sitemap-content.ts.
 */

/** The protocol's limit on URLs in one sitemap file. */
export const MAX_SITEMAP_URLS = 50_000;

export interface SitemapEntry {
  /** A site path (`/news/x`). */
  path: string;
  /** When the page last changed, when known. */
  lastModified?: Date;
}

/** Pages that belong together (the site's fixed and listing pages, one year's news), named `[a-z0-9-]+`. */
export interface SitemapGroup {
  name: string;
  entries: SitemapEntry[];
}

export interface SitemapFile {
  /** `site`, `2023`, or `2023-2` for the second file of a split group: served at /sitemaps/<name>.xml. */
  name: string;
  entries: SitemapEntry[];
}

/** Where a sitemap file is served. */
export function sitemapFilePath(name: string): string {
  return `/sitemaps/${name}.xml`;
}

/**
 * The files of the index: each group in order, in files of at most `limit` URLs; a group that
 * needs more than one file gets `-2`, `-3`… after its name. Empty groups make no file.
 */
export function splitSitemap(groups: readonly SitemapGroup[], limit: number = MAX_SITEMAP_URLS): SitemapFile[] {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a sitemap file holds a positive whole number of URLs, got ${limit}`);
  const names = new Set<string>();
  return groups.flatMap(({ name, entries }) => {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) throw new Error(`sitemap group name "${name}": expected lower-case letters, digits and hyphens`);
    if (names.has(name)) throw new Error(`sitemap group name "${name}" is used twice`);
    names.add(name);
    const files: SitemapFile[] = [];
    for (let start = 0; start < entries.length; start += limit) {
      files.push({ name: start === 0 ? name : `${name}-${start / limit + 1}`, entries: entries.slice(start, start + limit) });
    }
    return files;
  });
}

/** The newest `lastModified` of the entries, if any has one. */
export function newestModification(entries: readonly SitemapEntry[]): Date | undefined {
  let newest: Date | undefined;
  for (const { lastModified } of entries) if (lastModified && (!newest || lastModified > newest)) newest = lastModified;
  return newest;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function entryXml(tag: 'url' | 'sitemap', loc: string, lastModified: Date | undefined): string {
  const lastmod = lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : '';
  return `<${tag}><loc>${escapeXml(loc)}</loc>${lastmod}</${tag}>\n`;
}

/** One sitemap file: a `<urlset>` of absolute URLs on `siteUrl`. */
export function renderUrlset(entries: readonly SitemapEntry[], siteUrl: string): string {
  const urls = entries.map(({ path, lastModified }) => entryXml('url', new URL(path, siteUrl).href, lastModified));
  return `${XML_HEADER}<urlset xmlns="${NAMESPACE}">\n${urls.join('')}</urlset>\n`;
}

/** The index: a `<sitemapindex>` naming each file, with the newest change among its URLs. */
export function renderSitemapIndex(files: readonly SitemapFile[], siteUrl: string): string {
  const items = files.map(({ name, entries }) => entryXml('sitemap', new URL(sitemapFilePath(name), siteUrl).href, newestModification(entries)));
  return `${XML_HEADER}<sitemapindex xmlns="${NAMESPACE}">\n${items.join('')}</sitemapindex>\n`;
}

/**
 * What /sitemap.xml says: every URL in one `<urlset>` while they fit in one file (GSA Site Scanning
 * counts the `<url>` elements of /sitemap.xml alone, and an index has none), the index of the
 * files past that. The files themselves are served either way.
 */
export function renderSitemap(files: readonly SitemapFile[], siteUrl: string, limit: number = MAX_SITEMAP_URLS): string {
  const entries = files.flatMap((file) => file.entries);
  return entries.length <= limit ? renderUrlset(entries, siteUrl) : renderSitemapIndex(files, siteUrl);
}

/** What the index and its files are sent with. */
export const SITEMAP_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } as const;
