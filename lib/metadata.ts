import { TZDate } from '@date-fns/tz';
import type { Article, Figure } from './content/types';
import { feedAlternates, type AlternateTypes } from './feeds/catalog';
import { siteConfig, type SiteConfig } from './site-config';

/** An image for Open Graph and Twitter cards (a site path or absolute URL). */
export interface MetaImage {
  url: string;
  width?: number;
  height?: number;
  alt: string;
}

/**
 * What a page says about itself in <head>: the subset of Next's `Metadata` shape this site uses,
 * rendered by components/head-tags.tsx (public pages are rendered outside the App Router's page
 * pipeline, docs/decisions/0017). A string title gets " | <site name>"; `absolute` is used as is.
 * Site paths in it become absolute URLs on the site's origin.
 */
export interface PageMeta {
  title?: string | { absolute: string };
  description?: string;
  alternates?: { canonical?: string; types?: AlternateTypes };
  openGraph?: {
    type: 'website' | 'article';
    siteName?: string;
    locale?: string;
    title?: string;
    description?: string;
    url?: string;
    images?: MetaImage[];
    publishedTime?: string;
    modifiedTime?: string;
    tags?: string[];
  };
  twitter?: { card: 'summary_large_image'; title?: string; description?: string; images?: MetaImage[] };
  robots?: { index: boolean; follow: boolean };
}

/**
 * Every page's <head> metadata comes from here, so titles, descriptions, canonical links,
 * Open Graph and Twitter cards agree across routes (docs/decisions/0007).
 *
 * Next.js merges metadata shallowly: a page that sets `openGraph` or `alternates` replaces the
 * layout's whole object. So each function below returns complete objects (site name, locale,
 * image, alternate links), never a patch on the layout's.
 */

/** Federal Website Standards: a unique <title> of at least 20 characters … */
export const MIN_TITLE_LENGTH = 20;
/** … and a unique meta description of at least 50. */
export const MIN_DESCRIPTION_LENGTH = 50;

/**
 * `<link rel="alternate" type=…>` links every page carries (feed autodiscovery). A page that sets
 * its canonical link replaces the layout's `alternates`, so the layout and every page take them
 * from here. Add feeds here, not in app/layout.tsx alone.
 */
export const ALTERNATE_TYPES: AlternateTypes = feedAlternates();

/** An image for link previews: an absolute-or-site path, its pixel size and its text alternative. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface PageMetadataInput {
  /** The page's own part of the title; " | <site name>" is added. */
  title: string;
  /** The meta description: at least 50 characters, unique to the page. */
  description: string;
  /** The page's path, which is also its canonical URL: `/news`, `/news/page/2`. No query string. */
  path: string;
  /** Defaults to the site's share image. */
  image?: ShareImage;
  /** `<link rel="alternate">` links; defaults to the newsroom feeds (a topic page adds its own). */
  alternateTypes?: AlternateTypes;
}


/** "News | DOD News". */
export function documentTitle(title: string, config: SiteConfig = siteConfig): string {
  return `${title} | ${config.siteName}`;
}

/** The site's default share image (public/share-image.png). */
export function siteShareImage(config: SiteConfig = siteConfig): ShareImage {
  const { path, width, height, alt } = config.shareImage;
  return { url: path, width, height, alt };
}

/** An article's lead image as a share image; a decorative one is described by the headline. */
export function figureShareImage(figure: Figure, fallbackAlt: string): ShareImage {
  return { url: figure.src, width: figure.width, height: figure.height, alt: figure.alt || fallbackAlt };
}

/** ISO 8601 with the site time zone's offset, seconds precision: `2023-06-13T00:00:00-04:00`. */
export function isoInTimeZone(instant: Date, timeZone: string = siteConfig.timeZone): string {
  return new TZDate(instant.getTime(), timeZone).toISOString().replace(/\.000(?=[+-]|Z)/, '');
}

function checkLengths({ title, description, path }: PageMetadataInput, config: SiteConfig): void {
  const full = documentTitle(title, config);
  if (full.trim().length < MIN_TITLE_LENGTH) {
    throw new Error(
      `Metadata for ${path}: the title "${full}" is ${full.trim().length} characters; the federal standard needs at least ${MIN_TITLE_LENGTH}`,
    );
  }
  if (description.trim().length < MIN_DESCRIPTION_LENGTH) {
    throw new Error(
      `Metadata for ${path}: the description is ${description.trim().length} characters; the federal standard needs at least ${MIN_DESCRIPTION_LENGTH}`,
    );
  }
  if (!path.startsWith('/') || path.includes('?') || path.includes('#')) {
    throw new Error(`Metadata for ${path}: expected a site path starting with "/", without query or fragment`);
  }
}

type OpenGraph = NonNullable<PageMeta['openGraph']>;

/** Open Graph type `website` or `article`, with the fields only articles have. */
type OpenGraphKind = { type: 'website' } | { type: 'article'; publishedTime: string; modifiedTime: string; tags: string[] };

function build(input: PageMetadataInput, kind: OpenGraphKind, config: SiteConfig): PageMeta {
  checkLengths(input, config);
  const { title, description, path } = input;
  const image = input.image ?? siteShareImage(config);
  const openGraph: OpenGraph = {
    ...kind,
    siteName: config.siteName,
    locale: config.locale,
    title,
    description,
    url: path,
    images: [{ url: image.url, width: image.width, height: image.height, alt: image.alt }],
  };
  return {
    title: { absolute: documentTitle(title, config) },
    description,
    alternates: { canonical: path, types: input.alternateTypes ?? ALTERNATE_TYPES },
    openGraph,
    twitter: {
      card: 'summary_large_image',
      title,
      description,
      images: [{ url: image.url, alt: image.alt }],
    },
  };
}

/** Metadata for any page that is not an article: home, listings, content pages, search, feeds. */
export function pageMetadata(input: PageMetadataInput, config: SiteConfig = siteConfig): PageMeta {
  return build(input, { type: 'website' }, config);
}

/** An article: Open Graph type article, its dates in the site's time zone, a tag per topic, its lead image. */
export function articleMetadata(article: Article, config: SiteConfig = siteConfig): PageMeta {
  const input: PageMetadataInput = { title: article.title, description: article.summary, path: article.path };
  if (article.image) input.image = figureShareImage(article.image, article.title);
  return build(
    input,
    {
      type: 'article',
      publishedTime: isoInTimeZone(article.publishedAt, config.timeZone),
      modifiedTime: isoInTimeZone(article.updatedAt ?? article.publishedAt, config.timeZone),
      tags: article.topics.map((topic) => topic.name),
    },
    config,
  );
}

/**
 * The root layout's metadata: what a page that sets none of its own still gets (the 404 page),
 * with the site name as its title. No canonical link here: only a real page has one.
 */
export function rootMetadata({ preview }: { preview: boolean }, config: SiteConfig = siteConfig): PageMeta {
  const image = siteShareImage(config);
  return {
    title: { absolute: config.siteName },
    description: config.description,
    alternates: { types: ALTERNATE_TYPES },
    openGraph: {
      type: 'website',
      siteName: config.siteName,
      locale: config.locale,
      images: [{ url: image.url, width: image.width, height: image.height, alt: image.alt }],
    },
    twitter: { card: 'summary_large_image', images: [{ url: image.url, alt: image.alt }] },
    // Staff preview is never for search engines (proxy.ts also sends X-Robots-Tag).
    ...(preview ? { robots: { index: false, follow: false } } : {}),
  };
}

/**
 * The metadata a page's <head> gets: the site's defaults (rootMetadata), each key the page sets
 * replacing the default's whole value, as Next merges a page's metadata into its layout's. Staff
 * preview is `noindex, nofollow` whatever the page says.
 */
export function documentMeta(page: PageMeta, { preview }: { preview: boolean }, config: SiteConfig = siteConfig): PageMeta {
  const merged: PageMeta = { ...rootMetadata({ preview: false }, config), ...page };
  return preview ? { ...merged, robots: { index: false, follow: false } } : merged;
}

/** The <title> text: a page's own title with " | <site name>", or an absolute one as it is. */
export function titleText(title: PageMeta['title'], config: SiteConfig = siteConfig): string {
  if (title === undefined) return config.siteName;
  return typeof title === 'string' ? documentTitle(title, config) : title.absolute;
}
