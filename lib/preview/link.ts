/** What the `preview-link` CLI says around a token: the URL, the article's status, close slugs. */
import type { Article } from '@/lib/content';
import { articleState } from '@/lib/content/state';
import { formatDateTime } from '@/lib/format-date';

export const DEFAULT_BASE_URL = 'http://localhost:3000';

/**
 * Where preview links point: the preview host (PREVIEW_HOST, with SITE_URL's scheme) when the site
 * has one, since preview works only there; else SITE_URL; else the local server.
 */
export function previewBaseUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const site = env.SITE_URL || DEFAULT_BASE_URL;
  const host = env.PREVIEW_HOST?.trim();
  if (!host) return site;
  const scheme = /^http:/i.test(site) ? 'http:' : 'https:';
  return `${scheme}//${host}`;
}

/**
 * `<base>/api/preview?token=<token>`. A path on the base is kept (`https://example.gov/newsroom`).
 * Throws an Error when the base is not an http(s) URL.
 */
export function buildPreviewUrl(baseUrl: string, token: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`SITE_URL "${baseUrl}" is not a URL: use an origin like https://www.example.gov.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL "${baseUrl}" is not an http or https URL.`);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/preview`;
  url.search = '';
  url.hash = '';
  url.searchParams.set('token', token);
  return url.href;
}

/** `draft`, `scheduled for <date and time>` (published, but not yet public at `now`) or `published`. */
export function describeStatus(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): string {
  const state = articleState(article, now);
  return state === 'scheduled' ? `scheduled for ${formatDateTime(article.publishedAt)}` : state;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function words(slug: string): Set<string> {
  return new Set(slug.split(/[^a-z0-9]+/).filter((word) => word.length >= 3));
}

/**
 * Slugs that `wanted` may have meant, closest first: a typo away (edit distance within a third of
 * the length), containing it or contained in it, or sharing at least half of its words.
 */
export function closeMatches(wanted: string, slugs: readonly string[], limit = 5): string[] {
  const needle = wanted.trim().toLowerCase();
  if (needle === '') return [];
  const needleWords = words(needle);
  const scored: { slug: string; distance: number }[] = [];
  for (const slug of slugs) {
    const distance = editDistance(needle, slug);
    const shared = [...words(slug)].filter((word) => needleWords.has(word)).length;
    const close =
      distance <= Math.max(2, Math.floor(Math.max(needle.length, slug.length) / 3)) ||
      slug.includes(needle) ||
      needle.includes(slug) ||
      (needleWords.size > 0 && shared * 2 >= needleWords.size);
    if (close) scored.push({ slug, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return scored.slice(0, limit).map(({ slug }) => slug);
}

/** `No article has the slug "x". Close matches: a, b.` (or, with none, the way to list them). */
export function unknownSlugMessage(wanted: string, slugs: readonly string[]): string {
  const matches = closeMatches(wanted, slugs);
  const base = `No article has the slug "${wanted}".`;
  if (matches.length === 0) return `${base} The slug is the article's file name without .md, in content/news/.`;
  return `${base} Close matches:\n${matches.map((slug) => `  ${slug}`).join('\n')}`;
}
