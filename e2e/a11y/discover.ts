/**
 * globalSetup of playwright.a11y.config.ts: finds what to audit on the site under test and writes
 * reports/accessibility/targets.json. Playwright runs it after starting the standalone server (webServer)
 * and before it loads the specs, which turn each target into tests.
 *
 * Pages: every <loc> of /sitemap.xml (sitemap indexes followed), on the audited origin. Without a
 * sitemap: a crawl of same-origin links from / (AUDIT_MAX_PAGES, default 500).
 * States a crawl does not reach: the 404 page, search results (when the home page has a search
 * form), a later page of a paginated list, and a draft in preview (when PREVIEW_SECRET is set:
 * locally the first draft in content/, on a deployment the slug in AUDIT_PREVIEW_SLUG).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import { draftArticles } from '../support/content';
import { auditedPath, linkedPaths, parseSitemap } from './sitemap';
import { REPORT_DIR, TARGETS_FILE, type Target, type TargetList } from './targets';
import { isLaterListingPage, templateOf } from './templates';

export const NOT_FOUND_PATH = '/a11y-audit-page-that-does-not-exist';

async function fetchText(url: string): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(url, { redirect: 'follow', headers: { 'user-agent': 'gov-newsroom accessibility audit' } });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
}

async function sitemapPaths(base: string): Promise<string[] | undefined> {
  const queue = [`${base}/sitemap.xml`];
  const paths: string[] = [];
  for (let fetched = 0; queue.length > 0 && fetched < 50; fetched++) {
    const url = queue.shift() ?? '';
    const { status, text } = await fetchText(url);
    if (status !== 200) {
      if (fetched === 0) return undefined;
      throw new Error(`${url} (listed in the sitemap index) answered ${status}`);
    }
    const { kind, locs } = parseSitemap(text);
    if (kind === 'sitemapindex') queue.push(...locs.map((loc) => `${base}${new URL(loc).pathname}`));
    else paths.push(...locs.map(auditedPath).filter((path) => path !== ''));
  }
  return [...new Set(paths)];
}

async function crawl(base: string, limit: number): Promise<string[]> {
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const pages: string[] = [];
  while (queue.length > 0 && pages.length < limit) {
    const path = queue.shift() ?? '/';
    const { status, text, type } = await fetchText(`${base}${path}`);
    if (status !== 200 || !type.includes('text/html')) continue;
    pages.push(path);
    for (const next of linkedPaths(text, `${base}${path}`)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return pages;
}

/** The home page's search form as "<action>?<name>=", or undefined when it has none. */
export function searchForm(homeHtml: string): string | undefined {
  for (const form of homeHtml.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const [, attributes = '', body = ''] = form;
    const input = /<input\b[^>]*type="search"[^>]*>/i.exec(body)?.[0];
    if (!/role="search"/i.test(attributes) && !input) continue;
    const action = /action="([^"]*)"/i.exec(attributes)?.[1] ?? '/search';
    const name = /name="([^"]*)"/i.exec(input ?? body)?.[1] ?? 'q';
    return `${action}?${name}=`;
  }
  return undefined;
}

/** A word readers would search for: the longest word of an article's headline. */
export function searchWord(articleHtml: string | undefined): string {
  const headline = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(articleHtml ?? '')?.[1]?.replace(/<[^>]+>/g, ' ') ?? '';
  const words = headline.match(/[A-Za-z]{4,}/g) ?? [];
  return words.sort((a, b) => b.length - a.length)[0]?.toLowerCase() ?? 'news';
}

export function nextPageLink(html: string): string | undefined {
  const tag =
    /<a\b[^>]*rel="next"[^>]*>/i.exec(html)?.[0] ?? /<a\b[^>]*class="[^"]*usa-pagination__next-page[^"]*"[^>]*>/i.exec(html)?.[0];
  return tag ? /href="([^"]*)"/i.exec(tag)?.[1] : undefined;
}

export async function discoverTargets(base: string, external: boolean): Promise<TargetList> {
  const notChecked: string[] = [];
  const fromSitemap = await sitemapPaths(base);
  const source = fromSitemap ? 'sitemap' : 'crawl';
  const paths = fromSitemap ?? (await crawl(base, Number(process.env.AUDIT_MAX_PAGES ?? 500)));
  if (paths.length === 0) throw new Error(`No pages to audit: ${base}/sitemap.xml lists none and / links to none.`);
  const targets: Target[] = paths.map((path) => ({ path, template: templateOf(new URL(path, base).pathname), state: 'page', expectedStatus: 200, source }));

  targets.push({ path: NOT_FOUND_PATH, template: '404', state: 'not-found', expectedStatus: 404, source: 'state' });

  const home = await fetchText(`${base}/`);
  const search = searchForm(home.text);
  if (search) {
    const article = targets.find((t) => t.template === 'article');
    const articleHtml = article ? (await fetchText(`${base}${article.path}`)).text : undefined;
    const path = `${search}${encodeURIComponent(searchWord(articleHtml))}`;
    targets.push({ path, template: templateOf(new URL(path, base).pathname), state: 'search-results', expectedStatus: 200, source: 'state' });
  } else {
    notChecked.push('search results: the home page has no search form');
  }

  if (!targets.some((t) => isLaterListingPage(new URL(t.path, base).pathname))) {
    let later: string | undefined;
    for (const listing of targets.filter((t) => /index|topic/.test(t.template)).slice(0, 10)) {
      const href = nextPageLink((await fetchText(`${base}${listing.path}`)).text);
      if (href) {
        later = auditedPath(new URL(href, `${base}${listing.path}`).href);
        break;
      }
    }
    if (later) targets.push({ path: later, template: templateOf(new URL(later, base).pathname), state: 'later-listing-page', expectedStatus: 200, source: 'state' });
    else notChecked.push('a later page of a paginated list: no listing links to a next page');
  } else {
    for (const target of targets) if (isLaterListingPage(new URL(target.path, base).pathname)) target.state = 'later-listing-page';
  }

  const slug = external ? process.env.AUDIT_PREVIEW_SLUG : (process.env.AUDIT_PREVIEW_SLUG ?? draftArticles()[0]?.slug);
  if (!process.env.PREVIEW_SECRET) notChecked.push('draft in preview: PREVIEW_SECRET (the deployment’s preview secret) is not set');
  else if (!slug) notChecked.push('draft in preview: AUDIT_PREVIEW_SLUG (a draft on the deployment) is not set');
  else targets.push({ path: `/news/${slug}`, template: 'article (draft preview)', state: 'draft-preview', expectedStatus: 200, source: 'state', previewSlug: slug });

  return { baseURL: base, discoveredAt: new Date().toISOString(), source, targets, notChecked };
}

export default async function globalSetup(config: FullConfig): Promise<void> {
  const base = String(config.projects[0]?.use.baseURL ?? '').replace(/\/+$/, '');
  if (!base) throw new Error('playwright.a11y.config.ts sets no baseURL');
  const list = await discoverTargets(base, !!process.env.BASE_URL);
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(TARGETS_FILE, `${JSON.stringify(list, null, 2)}\n`);
  const templates = new Set(list.targets.map((t) => t.template));
  console.log(
    `accessibility audit: ${list.targets.length} URLs and states on ${base} (${list.source}), ${templates.size} templates` +
      (list.notChecked.length ? `\n  not checked: ${list.notChecked.join('; ')}` : ''),
  );
}
