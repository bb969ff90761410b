import { XMLParser } from 'fast-xml-parser';

/**
 * The <loc> values of a sitemap or a sitemap index (urlset or sitemapindex, sitemaps.org 0.9).
 * Throws when the document is neither, naming what it found.
 */
export function parseSitemap(xml: string): { kind: 'urlset' | 'sitemapindex'; locs: string[] } {
  const parser = new XMLParser({ ignoreAttributes: true, isArray: (name) => name === 'url' || name === 'sitemap' });
  const doc: unknown = parser.parse(xml);
  const root = (doc ?? {}) as Record<string, { url?: { loc?: unknown }[]; sitemap?: { loc?: unknown }[] } | undefined>;
  const locsOf = (entries: { loc?: unknown }[] | undefined) =>
    (entries ?? []).map((entry) => String(entry.loc ?? '').trim()).filter((loc) => loc !== '');
  if (root.urlset) return { kind: 'urlset', locs: locsOf(root.urlset.url) };
  if (root.sitemapindex) return { kind: 'sitemapindex', locs: locsOf(root.sitemapindex.sitemap) };
  const found = Object.keys(root).filter((key) => key !== '?xml').join(', ') || 'nothing';
  throw new Error(`Not a sitemap: expected <urlset> or <sitemapindex>, found ${found}`);
}

/**
 * A sitemap names the production host; the audit may run against staging or 127.0.0.1. Like
 * pa11y-ci's --sitemap-find/--sitemap-replace, keep the path and query and use the audited
 * origin. Returns '' for what is not a page of the site (another host's feed, a PDF).
 */
export function auditedPath(loc: string): string {
  let url: URL;
  try {
    url = new URL(loc);
  } catch {
    return '';
  }
  if (!/^https?:$/.test(url.protocol)) return '';
  if (/\.(?:pdf|xml|json|txt|zip|jpe?g|png|gif|webp|avif|svg|docx?|xlsx?|pptx?)$/i.test(url.pathname)) return '';
  return `${url.pathname}${url.search}`;
}

/** Same-origin page links in an HTML document, as paths (for the crawl when there is no sitemap). */
export function linkedPaths(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const paths = new Set<string>();
  for (const match of html.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const href = (match[1] ?? match[2] ?? '').replace(/&amp;/g, '&');
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    const path = auditedPath(url.href);
    if (path && !path.startsWith('/api/')) paths.add(path);
  }
  return [...paths];
}
