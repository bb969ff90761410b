import { describe, expect, it } from 'vitest';
import { nextPageLink, searchForm, searchWord } from './discover';
import { a11yExceptions, exceptionFor, exceptionListProblems, type A11yException } from './exceptions';
import { auditedPath, linkedPaths, parseSitemap } from './sitemap';
import { templateRepresentatives, type Target } from './targets';
import { isLaterListingPage, templateOf } from './templates';

describe('sitemap', () => {
  it('reads the <loc> of every url', () => {
    const xml = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://www.example.gov/</loc><lastmod>2026-01-01</lastmod></url>
      <url><loc> https://www.example.gov/news </loc></url></urlset>`;
    expect(parseSitemap(xml)).toEqual({ kind: 'urlset', locs: ['https://www.example.gov/', 'https://www.example.gov/news'] });
  });
  it('reads a sitemap index', () => {
    const xml = `<sitemapindex><sitemap><loc>https://www.example.gov/news.xml</loc></sitemap></sitemapindex>`;
    expect(parseSitemap(xml)).toEqual({ kind: 'sitemapindex', locs: ['https://www.example.gov/news.xml'] });
  });
  it('says what it found instead of a sitemap', () => {
    expect(() => parseSitemap('<html><body>Not found</body></html>')).toThrow('Not a sitemap: expected <urlset> or <sitemapindex>, found html');
  });
  it('audits the path on the audited origin, and skips files and other schemes', () => {
    expect(auditedPath('https://www.example.gov/news/a?x=1')).toBe('/news/a?x=1');
    expect(auditedPath('https://www.example.gov/report.pdf')).toBe('');
    expect(auditedPath('mailto:a@example.gov')).toBe('');
    expect(auditedPath('not a url')).toBe('');
  });
  it('crawls same-origin page links only', () => {
    const html = `<a href="/news">News</a><a class="x" href='/about#team'>About</a><a href="https://other.gov/">x</a>
      <a href="/news/rss.xml">RSS</a><a href="/api/preview?token=1">p</a><a href="mailto:a@b.gov">m</a>`;
    expect(linkedPaths(html, 'https://www.example.gov/')).toEqual(['/news', '/about']);
  });
});

describe('templates', () => {
  it.each([
    ['/', 'home'],
    ['/news', 'news index'],
    ['/news/page/3', 'news index'],
    ['/news/some-story', 'article'],
    ['/news/2023', 'news archive'],
    ['/news/2023/06/page/2', 'news archive'],
    ['/news/2023-budget-request', 'article'],
    ['/topics', 'topic index'],
    ['/topics/nato', 'topic'],
    ['/topics/nato/page/2', 'topic'],
    ['/search', 'search results'],
    ['/feeds', 'feed directory'],
    ['/about/', 'content page'],
    ['/events/2027/launch', 'events pages'],
  ])('%s is a %s', (path, template) => {
    expect(templateOf(path)).toBe(template);
  });
  it('knows a later page of a list', () => {
    expect(isLaterListingPage('/news/page/2')).toBe(true);
    expect(isLaterListingPage('/news/page/12')).toBe(true);
    expect(isLaterListingPage('/news/page/1')).toBe(false);
    expect(isLaterListingPage('/news')).toBe(false);
  });
  it('takes the first page of each template for the mode checks, and leaves the draft in preview out', () => {
    const target = (path: string, template: string, extra: Partial<Target> = {}): Target => ({
      path, template, state: 'page', expectedStatus: 200, source: 'sitemap', ...extra,
    });
    const targets = [
      target('/news/a', 'article'),
      target('/news/b', 'article'),
      target('/news/draft', 'article (draft preview)', { state: 'draft-preview', source: 'state', previewSlug: 'draft' }),
      target('/', 'home'),
    ];
    expect(templateRepresentatives(targets).map((t) => t.path)).toEqual(['/news/a', '/']);
  });
});

describe('exceptions', () => {
  const list: A11yException[] = [
    { rule: 'color-contrast', target: '.hero p', reason: 'Vendor widget', tracking: 'https://example.gov/issues/1', expires: '2026-12-31' },
    { rule: 'keyboard/focus-not-visible', target: '#map', path: '/contact', reason: 'Map embed', tracking: '#2', expires: '2026-12-31' },
  ];
  it('covers its rule and target until it expires, then no longer', () => {
    expect(exceptionFor('color-contrast', '.hero p', '/any', list, '2026-12-31')).toBe(list[0]);
    expect(exceptionFor('color-contrast', '.hero p', '/any', list, '2027-01-01')).toBeUndefined();
    expect(exceptionFor('color-contrast', '.other', '/any', list, '2026-12-01')).toBeUndefined();
  });
  it('covers only its page when it names one', () => {
    expect(exceptionFor('keyboard/focus-not-visible', '#map', '/contact', list, '2026-12-01')).toBe(list[1]);
    expect(exceptionFor('keyboard/focus-not-visible', '#map', '/about', list, '2026-12-01')).toBeUndefined();
  });
  it('rejects an entry without a reason, tracking link or real date', () => {
    expect(exceptionListProblems([{ rule: 'x', target: 'y', reason: ' ', tracking: '', expires: '31/12/2026' }])).toEqual([
      'a11yExceptions[0] (x on y): reason is empty',
      'a11yExceptions[0] (x on y): tracking is empty',
      'a11yExceptions[0] (x on y): expires "31/12/2026" is not a YYYY-MM-DD date',
    ]);
  });
  it('the project list itself is well formed', () => {
    expect(exceptionListProblems(a11yExceptions)).toEqual([]);
  });
});

describe('states found in the HTML', () => {
  it('finds the search form and its field', () => {
    const html = `<form class="usa-search" role="search" action="/search" method="get"><label for="q">Search</label><input id="q" type="search" name="q"></form>`;
    expect(searchForm(html)).toBe('/search?q=');
    expect(searchForm('<form action="/subscribe"><input type="email" name="e"></form>')).toBeUndefined();
  });
  it('searches for the longest word of a headline', () => {
    expect(searchWord('<h1 class="x">Keesler <em>Flight</em> Line Reopens After Hurricane</h1>')).toBe('hurricane');
    expect(searchWord(undefined)).toBe('news');
  });
  it('follows rel=next or the USWDS next-page link', () => {
    expect(nextPageLink('<a href="/news/page/2" rel="next">Next</a>')).toBe('/news/page/2');
    expect(nextPageLink('<a class="usa-pagination__link usa-pagination__next-page" href="/topics/x/page/2" aria-label="Next page">')).toBe('/topics/x/page/2');
    expect(nextPageLink('<a href="/about">About</a>')).toBeUndefined();
  });
});
