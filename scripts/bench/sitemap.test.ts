import { describe, expect, it } from 'vitest';
import { readSitemapText } from './sitemap.mjs';

describe('readSitemapText', () => {
  const urlset = (...locs: string[]) => `<urlset>${locs.map((loc) => `<url><loc>${loc}</loc></url>`).join('')}</urlset>`;

  it('follows an index to its files, in order, on the server under test', async () => {
    const served: Record<string, string> = {
      'http://127.0.0.1:1/sitemap.xml':
        '<sitemapindex><sitemap><loc>https://www.example.gov/sitemaps/site.xml</loc></sitemap><sitemap><loc>https://www.example.gov/sitemaps/2026.xml</loc></sitemap></sitemapindex>',
      'http://127.0.0.1:1/sitemaps/site.xml': urlset('https://www.example.gov/'),
      'http://127.0.0.1:1/sitemaps/2026.xml': urlset('https://www.example.gov/news/a'),
    };
    const read = await readSitemapText('http://127.0.0.1:1', async (url) => served[url] ?? '');
    expect(read.files).toEqual([served['http://127.0.0.1:1/sitemaps/site.xml'], served['http://127.0.0.1:1/sitemaps/2026.xml']]);
    expect(read.text).toContain('/news/a');
  });

  it('takes a plain urlset as the one file', async () => {
    const read = await readSitemapText('http://x', async () => urlset('https://www.example.gov/'));
    expect(read.files).toHaveLength(1);
  });
});
