import type { BreadcrumbTrail } from './breadcrumbs';
import type { Article } from './content/types';
import { isoInTimeZone } from './metadata';
import { siteConfig, type SiteConfig } from './site-config';

/**
 * schema.org structured data (JSON-LD) for search engines: the agency as a
 * GovernmentOrganization, the site as a WebSite, each article as a NewsArticle with its
 * BreadcrumbList. Rendered by components/json-ld.tsx.
 */

export type JsonLdValue = string | number | boolean | null | JsonLdValue[] | { [key: string]: JsonLdValue };
export type JsonLdObject = { '@type': string } & { [key: string]: JsonLdValue };

const CONTEXT = 'https://schema.org';

function absolute(path: string, config: SiteConfig): string {
  return new URL(path, config.siteUrl).href;
}

/** The agency that publishes the site. */
export function governmentOrganization(config: SiteConfig = siteConfig): JsonLdObject {
  const organization: JsonLdObject = {
    '@type': 'GovernmentOrganization',
    name: config.agencyName,
    alternateName: config.agencyShortName,
    url: absolute('/', config),
  };
  if (config.logo) {
    organization.logo = {
      '@type': 'ImageObject',
      url: absolute(config.logo.path, config),
      width: config.logo.width,
      height: config.logo.height,
    };
  }
  return organization;
}

/** The home page's description of the site and its publisher. */
export function homeStructuredData(config: SiteConfig = siteConfig): JsonLdObject[] {
  return [
    { '@context': CONTEXT, ...governmentOrganization(config) },
    {
      '@context': CONTEXT,
      '@type': 'WebSite',
      name: config.siteName,
      url: absolute('/', config),
      inLanguage: 'en-US',
      publisher: governmentOrganization(config),
    },
  ];
}

/** A NewsArticle: what the article page shows, with its dates exactly as its Open Graph tags give them. */
export function newsArticle(article: Article, config: SiteConfig = siteConfig): JsonLdObject {
  const url = absolute(article.path, config);
  const image = article.image ?? { src: config.shareImage.path, width: config.shareImage.width, height: config.shareImage.height };
  const data: JsonLdObject = {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: isoInTimeZone(article.publishedAt, config.timeZone),
    dateModified: isoInTimeZone(article.updatedAt ?? article.publishedAt, config.timeZone),
    image: [{ '@type': 'ImageObject', url: absolute(image.src, config), width: image.width, height: image.height }],
    keywords: article.topics.map((topic) => topic.name),
    inLanguage: 'en-US',
    publisher: governmentOrganization(config),
  };
  if (article.byline) {
    const author: JsonLdObject = { '@type': 'Person', name: article.byline.name };
    if (article.byline.organization) author.affiliation = { '@type': 'Organization', name: article.byline.organization };
    data.author = author;
  }
  return data;
}

/** The visible breadcrumb as a BreadcrumbList, the current page last. */
export function breadcrumbList({ trail, current }: BreadcrumbTrail, path: string, config: SiteConfig = siteConfig): JsonLdObject {
  const items = [...trail.map((crumb) => ({ name: crumb.label, path: crumb.href })), { name: current, path }];
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: absolute(item.path, config),
    })),
  };
}
