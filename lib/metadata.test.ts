import { describe, expect, it } from 'vitest';
import { makeArticle } from './__fixtures__/article';
import { ALTERNATE_TYPES, articleMetadata, isoInTimeZone, pageMetadata, rootMetadata } from './metadata';
import { siteConfig, type SiteConfig } from './site-config';

const config: SiteConfig = { ...siteConfig, siteName: 'Example News', siteUrl: 'https://news.example.gov' };

const DESCRIPTION = 'A description long enough for the federal minimum of fifty characters.';

describe('isoInTimeZone', () => {
  it('writes the instant with the zone offset, to the second', () => {
    expect(isoInTimeZone(new Date('2023-06-13T04:00:00Z'), 'America/New_York')).toBe('2023-06-13T00:00:00-04:00');
    expect(isoInTimeZone(new Date('2023-01-13T05:00:00Z'), 'America/New_York')).toBe('2023-01-13T00:00:00-05:00');
    expect(isoInTimeZone(new Date('2023-01-13T05:00:00Z'), 'Asia/Kolkata')).toBe('2023-01-13T10:30:00+05:30');
  });

  it('keeps milliseconds when there are any', () => {
    expect(isoInTimeZone(new Date('2023-01-13T05:00:00.250Z'), 'UTC')).toBe('2023-01-13T05:00:00.250+00:00');
  });
});

describe('pageMetadata', () => {
  const metadata = pageMetadata({ title: 'Topics we cover', description: DESCRIPTION, path: '/topics' }, config);

  it('adds the site name to the title and sets the description and canonical path', () => {
    expect(metadata.title).toEqual({ absolute: 'Topics we cover | Example News' });
    expect(metadata.description).toBe(DESCRIPTION);
    expect(metadata.alternates?.canonical).toBe('/topics');
  });

  // Next replaces the layout's whole openGraph/alternates when a page sets them: the page's own
  // objects must be complete.
  it('returns a complete Open Graph object, not a patch on the layout', () => {
    expect(metadata.openGraph).toEqual({
      type: 'website',
      siteName: 'Example News',
      locale: 'en_US',
      title: 'Topics we cover',
      description: DESCRIPTION,
      url: '/topics',
      images: [{ url: '/share-image.png', width: 1200, height: 630, alt: siteConfig.shareImage.alt }],
    });
    expect(metadata.twitter).toEqual({
      card: 'summary_large_image',
      title: 'Topics we cover',
      description: DESCRIPTION,
      images: [{ url: '/share-image.png', alt: siteConfig.shareImage.alt }],
    });
  });

  it('keeps the alternate links (feeds) the layout has, since its canonical replaces the layout alternates', () => {
    expect(metadata.alternates?.types).toBe(ALTERNATE_TYPES);
    expect(rootMetadata({ preview: false }, config).alternates?.types).toBe(ALTERNATE_TYPES);
  });

  it('uses a given image instead of the site image', () => {
    const withImage = pageMetadata(
      { title: 'Photo story page', description: DESCRIPTION, path: '/photo', image: { url: '/p.jpg', width: 10, height: 5, alt: 'A ship' } },
      config,
    );
    expect(withImage.openGraph?.images).toEqual([{ url: '/p.jpg', width: 10, height: 5, alt: 'A ship' }]);
  });

  it('refuses a title under 20 characters with the site name', () => {
    expect(() => pageMetadata({ title: 'News', description: DESCRIPTION, path: '/news' }, config)).toThrow(
      'Metadata for /news: the title "News | Example News" is 19 characters; the federal standard needs at least 20',
    );
  });

  it('refuses a description under 50 characters', () => {
    expect(() => pageMetadata({ title: 'All the news', description: 'Too short.', path: '/news' }, config)).toThrow(
      'Metadata for /news: the description is 10 characters; the federal standard needs at least 50',
    );
  });

  it('refuses a canonical path with a query string or without a leading slash', () => {
    expect(() => pageMetadata({ title: 'Search results', description: DESCRIPTION, path: '/search?q=x' }, config)).toThrow(
      'Metadata for /search?q=x: expected a site path starting with "/", without query or fragment',
    );
    expect(() => pageMetadata({ title: 'Search results', description: DESCRIPTION, path: 'search' }, config)).toThrow(
      'expected a site path',
    );
  });
});

describe('articleMetadata', () => {
  it('is an Open Graph article with its dates in the site time zone and a tag per topic', () => {
    const metadata = articleMetadata(
      makeArticle({ updated: '2023-06-14T09:30:00-04:00', updatedAt: new Date('2023-06-14T13:30:00Z') }),
      config,
    );
    expect(metadata.title).toEqual({ absolute: 'Allies Meet in Brussels | Example News' });
    expect(metadata.alternates?.canonical).toBe('/news/allies-meet');
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      url: '/news/allies-meet',
      siteName: 'Example News',
      publishedTime: '2023-06-13T00:00:00-04:00',
      modifiedTime: '2023-06-14T09:30:00-04:00',
      tags: ['NATO', 'Alliance Summit'],
    });
  });

  it('gives the publication time as the modified time of an article never updated', () => {
    expect(articleMetadata(makeArticle(), config).openGraph).toMatchObject({
      publishedTime: '2023-06-13T00:00:00-04:00',
      modifiedTime: '2023-06-13T00:00:00-04:00',
    });
  });

  it('shares the lead image with its size and alt text', () => {
    const image = { src: '/images/news/allies-meet/a.jpg', width: 1200, height: 800, alt: 'Ministers at a table', decorative: false };
    const metadata = articleMetadata(makeArticle({ image }), config);
    expect(metadata.openGraph?.images).toEqual([{ url: image.src, width: 1200, height: 800, alt: 'Ministers at a table' }]);
    expect(metadata.twitter?.images).toEqual([{ url: image.src, alt: 'Ministers at a table' }]);
  });

  it('describes a decorative lead image by the headline', () => {
    const image = { src: '/images/news/allies-meet/a.jpg', width: 1200, height: 800, alt: '', decorative: true };
    expect(articleMetadata(makeArticle({ image }), config).openGraph?.images).toEqual([
      { url: image.src, width: 1200, height: 800, alt: 'Allies Meet in Brussels' },
    ]);
  });

  it('refuses an article whose summary is too short for a meta description', () => {
    expect(() => articleMetadata(makeArticle({ summary: 'Short.' }), config)).toThrow('the description is 6 characters');
  });
});

describe('rootMetadata', () => {
  it('gives pages without their own metadata the site image and no canonical link', () => {
    const metadata = rootMetadata({ preview: false }, config);
    expect(metadata.title).toEqual({ absolute: 'Example News' });
    expect(metadata.alternates?.canonical).toBeUndefined();
    expect(metadata.openGraph).toMatchObject({ siteName: 'Example News', locale: 'en_US', type: 'website' });
    expect(metadata.openGraph?.images).toEqual([expect.objectContaining({ url: '/share-image.png', alt: siteConfig.shareImage.alt })]);
    expect(metadata.robots).toBeUndefined();
  });

  it('keeps staff preview out of search engines', () => {
    expect(rootMetadata({ preview: true }, config).robots).toEqual({ index: false, follow: false });
  });
});
