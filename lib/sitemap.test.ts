import { describe, expect, it } from 'vitest';
import { MAX_SITEMAP_URLS, newestModification, renderSitemap, renderSitemapIndex, renderUrlset, splitSitemap, type SitemapEntry } from './sitemap';

const entries = (count: number, prefix = '/news/a'): SitemapEntry[] =>
  Array.from({ length: count }, (_, i) => ({ path: `${prefix}${i}`, lastModified: new Date(Date.UTC(2023, 0, 1 + i)) }));

describe('splitSitemap', () => {
  it('keeps each group whole while it fits in one file', () => {
    const files = splitSitemap([
      { name: 'site', entries: entries(3, '/p') },
      { name: '2023', entries: entries(2) },
    ]);
    expect(files.map((file) => [file.name, file.entries.length])).toEqual([
      ['site', 3],
      ['2023', 2],
    ]);
  });

  it('splits a group at the limit into numbered files, in order, none over the limit', () => {
    const group = entries(7);
    const files = splitSitemap([{ name: '2023', entries: group }, { name: 'empty', entries: [] }, { name: '2022', entries: entries(3) }], 3);
    expect(files.map((file) => [file.name, file.entries.length])).toEqual([
      ['2023', 3],
      ['2023-2', 3],
      ['2023-3', 1],
      ['2022', 3],
    ]);
    expect(files.slice(0, 3).flatMap((file) => file.entries)).toEqual(group);
  });

  it('is 50,000 URLs a file unless told otherwise', () => {
    expect(MAX_SITEMAP_URLS).toBe(50_000);
    const files = splitSitemap([{ name: 'big', entries: entries(MAX_SITEMAP_URLS + 1) }]);
    expect(files.map((file) => [file.name, file.entries.length])).toEqual([
      ['big', 50_000],
      ['big-2', 1],
    ]);
  });

  it('refuses a limit that is not a positive whole number, and group names that would make bad or twin file names', () => {
    expect(() => splitSitemap([], 0)).toThrow('a sitemap file holds a positive whole number of URLs, got 0');
    expect(() => splitSitemap([{ name: 'News 2023', entries: [] }])).toThrow('sitemap group name "News 2023": expected lower-case letters, digits and hyphens');
    expect(() => splitSitemap([{ name: 'site', entries: [] }, { name: 'site', entries: [] }])).toThrow('sitemap group name "site" is used twice');
  });
});

describe('rendering', () => {
  it('writes a urlset of absolute, escaped URLs with lastmod where known', () => {
    const xml = renderUrlset([{ path: '/news/a?x=1&y=<2>' }, { path: '/', lastModified: new Date('2023-06-13T04:00:00Z') }], 'https://www.example.gov');
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<url><loc>https://www.example.gov/news/a?x=1&amp;y=%3C2%3E</loc></url>\n' +
        '<url><loc>https://www.example.gov/</loc><lastmod>2023-06-13T04:00:00.000Z</lastmod></url>\n' +
        '</urlset>\n',
    );
  });

  it('writes an index naming each file with the newest change in it', () => {
    const files = splitSitemap([{ name: '2023', entries: entries(3) }, { name: 'site', entries: [{ path: '/' }] }], 2);
    expect(newestModification(files[0]!.entries)).toEqual(new Date('2023-01-02T00:00:00Z'));
    expect(renderSitemapIndex(files, 'https://www.example.gov')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<sitemap><loc>https://www.example.gov/sitemaps/2023.xml</loc><lastmod>2023-01-02T00:00:00.000Z</lastmod></sitemap>\n' +
        '<sitemap><loc>https://www.example.gov/sitemaps/2023-2.xml</loc><lastmod>2023-01-03T00:00:00.000Z</lastmod></sitemap>\n' +
        '<sitemap><loc>https://www.example.gov/sitemaps/site.xml</loc></sitemap>\n' +
        '</sitemapindex>\n',
    );
  });

  it('serves every URL in /sitemap.xml itself while they fit in one file, and the index past that', () => {
    const files = splitSitemap([{ name: '2023', entries: entries(3) }, { name: 'site', entries: [{ path: '/' }] }], 2);
    const whole = renderSitemap(files, 'https://www.example.gov', 4);
    expect(whole).toBe(renderUrlset(files.flatMap((file) => file.entries), 'https://www.example.gov'));
    expect(whole.match(/<url>/g)).toHaveLength(4);
    expect(renderSitemap(files, 'https://www.example.gov', 3)).toBe(renderSitemapIndex(files, 'https://www.example.gov'));
  });
});
