import { describe, expect, it } from 'vitest';
import { makeArticle } from './__fixtures__/article';
import { articleBreadcrumb } from './breadcrumbs';
import { articleMetadata } from './metadata';
import { siteConfig, type SiteConfig } from './site-config';
import { breadcrumbList, governmentOrganization, homeStructuredData, newsArticle } from './structured-data';

const config: SiteConfig = {
  ...siteConfig,
  siteName: 'Example News',
  agencyName: 'Example Agency',
  agencyShortName: 'EA',
  siteUrl: 'https://news.example.gov',
};

describe('newsArticle', () => {
  const image = { src: '/images/news/allies-meet/a.jpg', width: 1200, height: 800, alt: 'Ministers', decorative: false };
  const article = makeArticle({
    image,
    updated: '2023-06-14T09:30:00-04:00',
    updatedAt: new Date('2023-06-14T13:30:00Z'),
    byline: { name: 'Jim Garamone', organization: 'DOD News' },
  });
  const data = newsArticle(article, config);

  it('describes the article with absolute URLs and the agency as a GovernmentOrganization publisher', () => {
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Allies Meet in Brussels',
      description: article.summary,
      url: 'https://news.example.gov/news/allies-meet',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.gov/news/allies-meet' },
      datePublished: '2023-06-13T00:00:00-04:00',
      dateModified: '2023-06-14T09:30:00-04:00',
      image: [{ '@type': 'ImageObject', url: 'https://news.example.gov/images/news/allies-meet/a.jpg', width: 1200, height: 800 }],
      keywords: ['NATO', 'Alliance Summit'],
      inLanguage: 'en-US',
      author: { '@type': 'Person', name: 'Jim Garamone', affiliation: { '@type': 'Organization', name: 'DOD News' } },
      publisher: {
        '@type': 'GovernmentOrganization',
        name: 'Example Agency',
        alternateName: 'EA',
        url: 'https://news.example.gov/',
      },
    });
  });

  it('gives the same dates as the Open Graph tags', () => {
    const og = articleMetadata(article, config).openGraph as { publishedTime: string; modifiedTime: string };
    expect(data.datePublished).toBe(og.publishedTime);
    expect(data.dateModified).toBe(og.modifiedTime);
  });

  it('names no author for an article without a byline, and uses the site image when there is no lead image', () => {
    const plain = newsArticle(makeArticle(), config);
    expect(plain).not.toHaveProperty('author');
    expect(plain.image).toEqual([
      { '@type': 'ImageObject', url: 'https://news.example.gov/share-image.png', width: 1200, height: 630 },
    ]);
  });
});

describe('breadcrumbList', () => {
  it('lists the visible breadcrumb in order, the article last', () => {
    const article = makeArticle();
    expect(breadcrumbList(articleBreadcrumb(article), article.path, config)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example.gov/' },
        { '@type': 'ListItem', position: 2, name: 'News', item: 'https://news.example.gov/news' },
        { '@type': 'ListItem', position: 3, name: 'Allies Meet in Brussels', item: 'https://news.example.gov/news/allies-meet' },
      ],
    });
  });
});

describe('home page structured data', () => {
  it('is the agency as a GovernmentOrganization and the site as a WebSite it publishes', () => {
    const [organization, website] = homeStructuredData(config);
    expect(organization).toEqual({ '@context': 'https://schema.org', ...governmentOrganization(config) });
    expect(organization?.['@type']).toBe('GovernmentOrganization');
    expect(website).toMatchObject({
      '@type': 'WebSite',
      name: 'Example News',
      url: 'https://news.example.gov/',
      publisher: { '@type': 'GovernmentOrganization', name: 'Example Agency' },
    });
  });

  it('adds the logo when the agency configures one', () => {
    expect(governmentOrganization({ ...config, logo: { path: '/logo.png', width: 600, height: 60 } }).logo).toEqual({
      '@type': 'ImageObject',
      url: 'https://news.example.gov/logo.png',
      width: 600,
      height: 60,
    });
  });
});
