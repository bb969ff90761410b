import { expect, test } from './fixtures';
import { unpublishedArticles } from './support/content';
import { allListedArticles } from './support/site';
import { readSitemap } from './support/sitemap';
import { siteConfig } from '../lib/site-config';

// Machine-readable site files: what search engines and GSA's Site Scanning read.

test.describe('sitemap, robots.txt and security.txt', () => {
  test('the sitemap lists every public page with lastmod, and no draft', async ({ page, request }) => {
    const response = await request.get('/sitemap.xml');
    expect(response.status()).toBe(200);
    // The index's files (docs/decisions/0021), read as one.
    const sitemap = await readSitemap(request);
    const xml = sitemap.files.map((file) => file.xml).join('\n');
    const locs = sitemap.urls.map((url) => new URL(url).pathname);
    const { articles } = await allListedArticles(page);
    for (const path of ['/', '/news', ...articles.map((a) => a.path), '/about', '/accessibility', '/privacy']) {
      expect(locs, `sitemap lists ${path}`).toContain(path);
    }
    const unpublished = unpublishedArticles();
    expect(unpublished.length, 'drafts and scheduled articles in content').toBeGreaterThan(1);
    for (const { slug } of unpublished) expect(locs, `sitemap omits ${slug}`).not.toContain(`/news/${slug}`);
    const entries = xml.match(/<url>[\s\S]*?<\/url>/g) ?? [];
    // Articles, not /news/page/<n> nor a year of the archive by date (/news/<yyyy>).
    const articleEntries = entries.filter((entry) => /<loc>[^<]*\/news\/(?!page\/)(?!\d+<)[^</]+<\/loc>/.test(entry));
    // Every entry says when it last changed.
    for (const entry of entries) expect(entry, 'every entry carries lastmod').toMatch(/<lastmod>\d{4}-\d{2}-\d{2}/);
    expect(articleEntries.length).toBe(articles.length);
    for (const entry of articleEntries) expect(entry, 'article entries carry lastmod').toMatch(/<lastmod>\d{4}-\d{2}-\d{2}/);
  });

  test('robots.txt allows the site and names the sitemap index with exactly one space after the colon', async ({ request }) => {
    const response = await request.get('/robots.txt');
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^User-Agent: \*$/im);
    expect(text).toMatch(/^Allow: \/$/m);
    expect(text).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
    expect(text).not.toMatch(/^Sitemap:\s{2,}/m);
  });

  test('security.txt follows RFC 9116 and says what siteConfig.security says', async ({ request, baseURL }) => {
    const response = await request.get('/.well-known/security.txt');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    const lines = (await response.text()).split('\n').filter((line) => line.includes(': '));
    const values = (field: string) => lines.filter((line) => line.startsWith(`${field}: `)).map((line) => line.slice(field.length + 2));
    const { security } = siteConfig;
    expect(values('Contact')).toEqual(security.contacts);
    for (const contact of values('Contact')) expect(contact).toMatch(/^(mailto:|https:\/\/|tel:)/);
    expect(values('Contact').join(' ')).not.toMatch(/example\.(gov|com|org)/);
    expect(values('Expires')).toHaveLength(1);
    const expires = Date.parse(values('Expires')[0] ?? '');
    expect(expires).toBeGreaterThan(Date.now());
    expect(expires).toBeLessThan(Date.now() + 365 * 24 * 60 * 60 * 1000);
    expect(values('Policy')).toEqual([new URL(security.policy, baseURL).href]);
    expect(values('Canonical')).toEqual([new URL('/.well-known/security.txt', baseURL).href]);
    expect(values('Preferred-Languages')).toEqual([security.preferredLanguages.join(', ')]);
    expect(values('Encryption')).toEqual(security.encryption ? [security.encryption] : []);
  });
});
