/**
 * Which page template a path belongs to. The audit runs the per-template checks (keyboard, text
 * resize, forced colours…) once per template, on the first URL of it the sitemap lists, so the
 * template is derived from the path alone: it works against any deployment, and a new section of
 * the site (say /events/<slug>) becomes its own template without anyone editing this file.
 */
const KNOWN: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/$/, 'home'],
  [/^\/news(?:\/page\/\d+)?$/, 'news index'],
  [/^\/news\/\d{4}(?:\/\d{2})?(?:\/page\/\d+)?$/, 'news archive'],
  [/^\/news\/[^/]+$/, 'article'],
  [/^\/topics$/, 'topic index'],
  [/^\/topics\/[^/]+(?:\/page\/\d+)?$/, 'topic'],
  [/^\/search$/, 'search results'],
  [/^\/feeds$/, 'feed directory'],
  [/^\/[^/]+$/, 'content page'],
];

export function templateOf(pathname: string): string {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [pattern, template] of KNOWN) if (pattern.test(path)) return template;
  // An unknown section: its first segment names it, so /events/a and /events/b share one.
  const first = path.split('/')[1] ?? '';
  return `${first} pages`;
}

/** Listing pages after the first (/news/page/2): the "page of a paginated list" state. */
export function isLaterListingPage(pathname: string): boolean {
  return /\/page\/(?:[2-9]|\d{2,})\/?$/.test(pathname);
}
