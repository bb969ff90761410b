import { randomUUID } from 'node:crypto';
import { expect, NOT_FOUND_RESOURCE, test } from './fixtures';
import { seed } from './support/seed';
import {
  expectedPublicPaths,
  notFoundTest,
  REQUIRED_TEXT_TOKENS,
  REQUIRED_URL_TOKENS,
  robotsSitemapLocations,
  scanPage,
  siteSearchDetected,
  sitemapUrlCount,
  type SiteScan,
} from './support/site-scan';
import { readSitemap } from './support/sitemap';

// GSA Site Scanning scans a site's home page; the seed article stands for every article.
// Each test fails on any field the scanner would record as missing.

/** Every scanner detection a page must pass; returns one line per miss. */
function misses(scan: SiteScan): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  check(scan.status_code === 200, `status_code ${scan.status_code}`);
  check(scan.media_type === 'text/html', `media_type ${scan.media_type}`);
  check(scan.uswds_usa_classes > 0, 'no element whose class attribute starts with "usa-"');
  check(scan.uswds_banner_heres_how, 'banner button text lacks "Here\'s how you know"');
  check(/^uswds v\d+\.\d+\.\d+$/.test(scan.uswds_semantic_version ?? ''), `uswds_semantic_version ${scan.uswds_semantic_version}`);
  check(scan.uswds_publicsans_font, 'no Public Sans in the stylesheets');
  check(scan.uswds_string_in_css, 'no "uswds" in the stylesheets');
  check(scan.uswds_favicon, 'no us_flag_small.png in the HTML');
  for (const token of REQUIRED_URL_TOKENS) check(scan.required_links_url.includes(token), `no link whose href contains "${token}"`);
  for (const token of REQUIRED_TEXT_TOKENS) check(scan.required_links_text.includes(token), `no link whose text contains "${token}"`);
  check(scan.feedback_links_text.includes('contact'), 'no link whose whole text is "Contact"');
  check(scan.title.length >= 20, `title "${scan.title}" under 20 characters`);
  check(scan.description.length >= 50, `description "${scan.description}" under 50 characters`);
  check(/^https?:\/\//.test(scan.canonical_link), `canonical_link "${scan.canonical_link}"`);
  for (const field of ['og_title', 'og_description', 'og_image', 'og_type', 'og_url'] as const) {
    check(scan[field] !== '', `${field} missing from <head>`);
  }
  check(scan.language === 'en', `language "${scan.language}" (the first element with lang)`);
  check(scan.main_element_count === 1, `${scan.main_element_count} <main> elements`);
  check(/width=/.test(scan.viewport_meta_tag), 'no viewport meta tag with width=');
  check(!/maximum-scale\s*=\s*1(\.0*)?\b|user-scalable\s*=\s*(no|0)/i.test(scan.viewport_meta_tag), `viewport "${scan.viewport_meta_tag}" blocks zoom`);
  check(scan.login.length === 0, `login strings in the HTML: ${scan.login.join(', ')}`);
  check(!scan.meta_refresh, 'a <meta http-equiv="refresh">');
  return problems;
}

test.describe('GSA Site Scanning detections', () => {
  test('the home page passes every page-level detection', async ({ page }, testInfo) => {
    const scan = await scanPage(page, '/');
    await testInfo.attach('site-scan home.json', { body: JSON.stringify(scan, null, 2), contentType: 'application/json' });
    expect(misses(scan)).toEqual([]);
    expect(scan.og_type).toBe('website');
    expect(await siteSearchDetected(page), 'site_search: a search form the scanner recognizes').toBe(true);
  });

  test('an article passes every page-level detection and carries its article dates', async ({ page }, testInfo) => {
    const scan = await scanPage(page, seed.path);
    await testInfo.attach('site-scan article.json', { body: JSON.stringify(scan, null, 2), contentType: 'application/json' });
    expect(misses(scan)).toEqual([]);
    expect(scan.og_type).toBe('article');
    expect(await siteSearchDetected(page), 'site_search: a search form the scanner recognizes').toBe(true);
    // seo.ts parses both with new Date(); an invalid value is recorded as null.
    expect(Number.isNaN(Date.parse(scan.og_article_published)), scan.og_article_published).toBe(false);
    expect(Number.isNaN(Date.parse(scan.og_article_modified)), scan.og_article_modified).toBe(false);
  });

  test('/sitemap.xml lists exactly the public pages, so the scanner counts them; the per-year files list the same', async ({ request }) => {
    const response = await request.get('/sitemap.xml', { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/xml/);
    const { index, urls } = await readSitemap(request);
    const expected = expectedPublicPaths();
    // Fewer than 50,000 pages: one <urlset>, whose <url> elements are the scanner's sitemap_xml_count
    // (an index would count 0; the site serves one only past 50,000, lib/sitemap.ts).
    expect(index.kind).toBe('urlset');
    expect(sitemapUrlCount(index.xml)).toBe(expected.length);
    const listed = urls.map((url) => new URL(url).pathname);
    expect([...listed].sort()).toEqual([...expected].sort());
    expect(new Set(listed).size, 'no URL twice').toBe(listed.length);
    // Every article and listing page says when it last changed (content pages only when they have an `updated` date).
    const withoutLastmod = [...index.xml.matchAll(/<url><loc>([^<]+)<\/loc><\/url>/g)].map((m) => new URL(m[1]!).pathname);
    expect(withoutLastmod.filter((path) => path === '/' || path.startsWith('/news') || path.startsWith('/topics'))).toEqual([]);

    // The files the index would name (site.xml, one per year of the archive) are served too and
    // together list the same pages, each at most 50,000.
    const years = [...new Set(listed.map((path) => /^\/news\/(\d{4})$/.exec(path)?.[1]).filter((year): year is string => !!year))];
    expect(years.length, 'the archive has at least one year').toBeGreaterThan(0);
    const fromFiles: string[] = [];
    for (const name of ['site', ...years]) {
      const file = await request.get(`/sitemaps/${name}.xml`, { maxRedirects: 0 });
      expect(file.status(), `/sitemaps/${name}.xml`).toBe(200);
      const xml = await file.text();
      expect(sitemapUrlCount(xml), name).toBeLessThanOrEqual(50_000);
      fromFiles.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    }
    expect(fromFiles.sort()).toEqual([...expected].sort());
  });

  test('robots.txt is served at its own path and names the sitemap as the scanner splits it', async ({ request, baseURL }) => {
    const response = await request.get('/robots.txt', { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(new URL(response.url()).pathname).toBe('/robots.txt');
    expect(robotsSitemapLocations(await response.text())).toEqual([new URL('/sitemap.xml', baseURL).href]);
  });

  test('/not-found-test<uuid> answers 404, with or without a dash', async ({ request }) => {
    expect(await notFoundTest(request, randomUUID())).toBe(true);
    expect(await notFoundTest(request, `-${randomUUID()}`)).toBe(true);
  });

  test('the 404 page the scanner gets is a full USWDS page', async ({ page, consoleErrors }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    const scan = await scanPage(page, `/not-found-test${randomUUID()}`);
    expect(scan.status_code).toBe(404);
    expect(scan.uswds_banner_heres_how).toBe(true);
    expect(scan.main_element_count).toBe(1);
    expect(scan.required_links_text).toEqual(REQUIRED_TEXT_TOKENS);
  });
});
