import type { APIRequestContext, Page } from '@playwright/test';
import { archivePath, calendarMonthOf } from '../../lib/content/calendar';
import { siteConfig } from '../../lib/site-config';
import { contentPageSlugs, publicArticles, topicSlug } from './content';

/**
 * GSA Site Scanning, reproduced: the detections of github.com/GSA/site-scanning-engine
 * (libs/core-scanner/src/scans/*.ts and pages/*.ts) as the checklist Part B describes them, with
 * the scanner's column names, so a result can be compared with the public snapshot.
 */

/** The scanner's browser: Puppeteer's default viewport. */
export const SCANNER_VIEWPORT = { width: 800, height: 600 };

/** required-links.ts: substrings of a lower-cased href. (The Spanish tokens apply only with a Spanish section.) */
export const REQUIRED_URL_TOKENS = ['about', 'fear', 'foia', 'inspector', 'privacy', 'usa.gov'];
/** required-links.ts: substrings of a link's lower-cased textContent. */
export const REQUIRED_TEXT_TOKENS = [
  'about us',
  'accessibility',
  'budget and performance',
  'no fear act',
  'foia',
  'inspector general',
  'privacy policy',
  'vulnerability disclosure',
  'usa.gov',
];
/** feedback-links.ts: a link whose entire lower-cased textContent equals one of these. */
export const FEEDBACK_TEXTS = [
  'feedback',
  'contact',
  'support',
  'help',
  'suggestion',
  'customer-service',
  'tell us what you think',
  'let us know',
  'survey',
  'webmaster',
];
/** login.ts: any of these in the lower-cased raw HTML records a login form. */
export const LOGIN_STRINGS = [
  'type="password"',
  '>sign in<',
  'id="new_user"',
  '"forgot_your_password"',
  'forgot your password?',
  '>show password</a>',
  '"user_password"',
  '"user_email"',
  '>forgot password</a>',
  '>forgot user id</a>',
  'showpassword',
  'create account',
  '"userid"',
  '"password"',
];

/** Public pages that are routes, not content files: they are in the sitemap too. */
export const FIXED_PUBLIC_PATHS = ['/', '/news', '/topics', '/feeds'];

/** A listing's pages: `/news`, `/news/page/2`, … for `count` articles. */
function listingPaths(base: string, count: number): string[] {
  const pages = Math.max(1, Math.ceil(count / siteConfig.listPageSize));
  return Array.from({ length: pages }, (_, i) => (i === 0 ? base : `${base}/page/${i + 1}`));
}

/**
 * Every public page, worked out from content/ and FIXED_PUBLIC_PATHS without asking the site:
 * home and the listings with their later pages, each public article, each topic of a public
 * article with its later pages, each year and month of the archive by date with its later pages
 * (by the publication date in the site's time zone), each content page.
 */
export function expectedPublicPaths(now: Date = new Date()): string[] {
  const articles = publicArticles(now);
  const count = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts];
  };
  const periods = articles.map((article) => calendarMonthOf(new Date(article.publishedAt), siteConfig.timeZone));
  return [
    ...FIXED_PUBLIC_PATHS,
    ...listingPaths('/news', articles.length).slice(1),
    ...articles.map((article) => `/news/${article.slug}`),
    ...count(articles.flatMap((article) => article.topics.map(topicSlug))).flatMap(([slug, n]) => listingPaths(`/topics/${slug}`, n)),
    ...count(periods.map(({ year }) => archivePath(year))).flatMap(([base, n]) => listingPaths(base, n)),
    ...count(periods.map(({ year, month }) => archivePath(year, month))).flatMap(([base, n]) => listingPaths(base, n)),
    ...contentPageSlugs().map((slug) => `/${slug}`),
  ];
}

/** sitemap-xml.ts: `sitemap_xml_count` is the number of <url> elements. */
export function sitemapUrlCount(xml: string): number {
  return (xml.match(/<url>/g) ?? []).length;
}

/** robots-txt.ts: for lines starting "sitemap:" (any case), the value is `line.split(' ')[1]`. */
export function robotsSitemapLocations(robots: string): string[] {
  return robots
    .split(/\r?\n/)
    .filter((line) => line.toLowerCase().startsWith('sitemap:'))
    .map((line) => line.split(' ')[1] ?? '');
}

/** not-found.ts: GET /not-found-test<uuid>; `404_test` is true only for status 404. */
export async function notFoundTest(request: APIRequestContext, suffix: string): Promise<boolean> {
  return (await request.get(`/not-found-test${suffix}`, { maxRedirects: 0 })).status() === 404;
}

/**
 * search.ts (`site_search`): a form whose action contains "search", or with class usa-search; an
 * input whose type contains "search"; a form or input whose name or id contains "search"; or an
 * element with class "search".
 */
export async function siteSearchDetected(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const has = (value: string | null) => (value ?? '').toLowerCase().includes('search');
    const forms = [...document.querySelectorAll('form')];
    const inputs = [...document.querySelectorAll('input')];
    return (
      forms.some((form) => has(form.getAttribute('action')) || form.classList.contains('usa-search')) ||
      inputs.some((input) => has(input.getAttribute('type'))) ||
      [...forms, ...inputs].some((el) => has(el.getAttribute('name')) || has(el.id)) ||
      document.querySelector('.search') !== null
    );
  });
}

/** The scanner's record of one page, under its column names (booleans and lists, not its scores). */
export interface SiteScan {
  status_code: number;
  media_type: string;
  /** Elements whose class attribute starts with "usa-" (uswds.ts scores round(sqrt(n)) * 5). */
  uswds_usa_classes: number;
  uswds_banner_heres_how: boolean;
  uswds_semantic_version: string | null;
  uswds_publicsans_font: boolean;
  uswds_string_in_css: boolean;
  uswds_favicon: boolean;
  required_links_url: string[];
  required_links_text: string[];
  feedback_links_text: string[];
  title: string;
  description: string;
  canonical_link: string;
  og_title: string;
  og_description: string;
  og_image: string;
  og_type: string;
  og_url: string;
  og_article_published: string;
  og_article_modified: string;
  /** The first element with a lang attribute, as seo.ts reads it. */
  language: string;
  main_element_count: number;
  viewport_meta_tag: string;
  /** Which of LOGIN_STRINGS the raw HTML contains. */
  login: string[];
  meta_refresh: boolean;
}

/**
 * Loads `path` the way the scanner does (its viewport, waiting for the network to go quiet) and
 * records what it would. Stylesheets are read from the responses the page itself received.
 */
export async function scanPage(page: Page, path: string): Promise<SiteScan> {
  await page.setViewportSize(SCANNER_VIEWPORT);
  const stylesheets: Promise<string>[] = [];
  const onResponse = (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() === 'stylesheet') stylesheets.push(response.text());
  };
  page.on('response', onResponse);
  const response = await page.goto(path, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  if (!response) throw new Error(`no response for ${path}`);
  const html = (await response.text()).toLowerCase();
  const css = (await Promise.all(stylesheets)).join('\n');

  const dom = await page.evaluate(
    ({ urlTokens, textTokens, feedbackTexts }) => {
      const meta = (key: string) =>
        document.querySelector(`head > meta[property="${key}"]`)?.getAttribute('content') ??
        document.querySelector(`head > meta[name="${key}"]`)?.getAttribute('content') ??
        '';
      const links = [...document.querySelectorAll('a')];
      const hrefs = links.map((a) => (a.getAttribute('href') ?? '').toLowerCase());
      const texts = links.map((a) => (a.textContent ?? '').toLowerCase());
      const bannerTexts = [...document.querySelectorAll('.usa-banner__button-text, .usa-banner-button-text')].map((el) =>
        (el.textContent ?? '').replace(/’/g, "'"),
      );
      return {
        uswds_usa_classes: document.querySelectorAll("[class^='usa-']").length,
        uswds_banner_heres_how: bannerTexts.some(
          (text) => text.includes("Here's how you know") || text.includes('Así es como usted puede verificarlo'),
        ),
        required_links_url: urlTokens.filter((token) => hrefs.some((href) => href.includes(token))),
        required_links_text: textTokens.filter((token) => texts.some((text) => text.includes(token))),
        feedback_links_text: feedbackTexts.filter((token) => texts.some((text) => text === token)),
        title: document.title.trim(),
        description: meta('description'),
        canonical_link: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
        og_title: meta('og:title'),
        og_description: meta('og:description'),
        og_image: meta('og:image'),
        og_type: meta('og:type'),
        og_url: meta('og:url'),
        og_article_published: meta('article:published_time'),
        og_article_modified: meta('article:modified_time'),
        language: document.querySelector('[lang]')?.getAttribute('lang') ?? '',
        main_element_count: document.getElementsByTagName('main').length,
        viewport_meta_tag: document.querySelector("head > meta[name='viewport'][content*='width=']")?.getAttribute('content') ?? '',
      };
    },
    { urlTokens: REQUIRED_URL_TOKENS, textTokens: REQUIRED_TEXT_TOKENS, feedbackTexts: FEEDBACK_TEXTS },
  );

  return {
    status_code: response.status(),
    media_type: (response.headers()['content-type'] ?? 'none-specified').split(';')[0]!.trim(),
    ...dom,
    uswds_semantic_version: /uswds v?[0-9.]*/i.exec(css)?.[0] ?? null,
    uswds_publicsans_font: /[Pp]ublic.[Ss]ans/.test(css),
    uswds_string_in_css: css.includes('uswds'),
    uswds_favicon: /us_flag_small\.png|favicon-57\.png|favicon-192\.png|favicon-72\.png|favicon-144\.png|favicon-114\.png/.test(html),
    login: LOGIN_STRINGS.filter((needle) => html.includes(needle)),
    meta_refresh: /<meta[^>]+http-equiv=["']?refresh/.test(html),
  };
}
