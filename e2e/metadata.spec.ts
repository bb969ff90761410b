import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, NOT_FOUND_RESOURCE, test } from './fixtures';
import { seed } from './support/seed';
import { readSitemap } from './support/sitemap';
import { SITE_NAME, TITLE_SUFFIX } from './support/site';

// <head> metadata of every public page (the sitemap's list): the Federal Website Standards'
// title and description rules, canonical links, Open Graph, Twitter cards and JSON-LD.

// /news/<digits> is a year of the archive by date (content:check refuses an all-digit slug).
const ARTICLE = /^\/news\/(?!\d+$)[^/]+$/;

interface Head {
  title: string;
  description: string;
  canonical: string;
  /** Every `head > meta[property]` (Open Graph), by property; repeated properties keep each value. */
  og: Record<string, string[]>;
  twitter: Record<string, string>;
  alternates: string[];
  jsonLd: unknown[];
  jsonLdErrors: string[];
  /** Visible: <time dateTime> after "Published" and "Updated", the byline, the breadcrumb. */
  published: string;
  updated: string;
  byline: string;
  h1: string;
  breadcrumb: { name: string; href: string | null }[];
}

async function readHead(page: Page): Promise<Head> {
  return page.evaluate(() => {
    const og: Record<string, string[]> = {};
    for (const meta of document.querySelectorAll('head > meta[property]')) {
      const key = meta.getAttribute('property') ?? '';
      (og[key] ??= []).push(meta.getAttribute('content') ?? '');
    }
    const twitter: Record<string, string> = {};
    for (const meta of document.querySelectorAll('head > meta[name^="twitter:"]')) {
      twitter[meta.getAttribute('name') ?? ''] = meta.getAttribute('content') ?? '';
    }
    const jsonLd: unknown[] = [];
    const jsonLdErrors: string[] = [];
    for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        jsonLd.push(JSON.parse(script.textContent ?? ''));
      } catch (error) {
        jsonLdErrors.push(String(error));
      }
    }
    const timeAfter = (label: string) =>
      [...document.querySelectorAll('main article header time')]
        .find((time) => (time.previousSibling?.textContent ?? '').trim().endsWith(label))
        ?.getAttribute('datetime') ?? '';
    const byline = [...document.querySelectorAll('main article header p')].find((p) => p.textContent?.startsWith('By '));
    return {
      title: document.title,
      description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
      og,
      twitter,
      alternates: [...document.querySelectorAll('head link[rel="alternate"]')].map(
        (link) => `${link.getAttribute('type') ?? ''} ${link.getAttribute('href') ?? ''}`,
      ),
      jsonLd,
      jsonLdErrors,
      published: timeAfter('Published'),
      updated: timeAfter('Updated'),
      byline: byline?.textContent?.slice(3).split(',')[0]?.trim() ?? '',
      h1: document.querySelector('h1')?.textContent?.trim() ?? '',
      breadcrumb: [...document.querySelectorAll('nav.usa-breadcrumb li')].map((li) => ({
        name: (li.textContent ?? '').trim(),
        href: li.querySelector('a')?.href ?? null,
      })),
    };
  });
}

/** Every page URL of the sitemap index's files. */
async function sitemapUrls(request: APIRequestContext): Promise<string[]> {
  return (await readSitemap(request)).urls;
}

const one = (head: Head, property: string) => head.og[property]?.[0] ?? '';

/**
 * The instant a visible `<time dateTime>` stands for. A date without a time is the start of that
 * day in the newsroom's time zone, so the tag must be that date at 00:00 with a UTC offset.
 */
function expectSameInstant(tag: string, visible: string, label: string) {
  expect(tag, `${label}: ISO 8601 with a UTC offset`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/);
  if (/^\d{4}-\d{2}-\d{2}$/.test(visible)) {
    expect(tag, `${label} vs visible ${visible}`).toMatch(new RegExp(`^${visible}T00:00:00[+-]\\d{2}:\\d{2}$`));
  } else {
    expect(Date.parse(tag), `${label} ${tag} vs visible ${visible}`).toBe(Date.parse(visible));
  }
}

type Thing = Record<string, unknown>;
const ofType = (items: unknown[], type: string) => items.filter((item): item is Thing => (item as Thing)?.['@type'] === type);

test.describe('page metadata', () => {
  test('every page in the sitemap has a unique title and description, a canonical link and complete Open Graph tags', async ({
    page,
    request,
    baseURL,
  }) => {
    const urls = await sitemapUrls(request);
    expect(urls.length).toBeGreaterThan(10);
    test.setTimeout(30_000 + urls.length * 3_000);
    const titles = new Map<string, string>();
    const descriptions = new Map<string, string>();
    const imageStatus = new Map<string, string>();
    const problems: string[] = [];
    let homeAlternates: string[] | undefined;

    for (const url of urls) {
      const path = new URL(url).pathname;
      expect(new URL(url).origin, 'sitemap URLs are on the site under test').toBe(new URL(baseURL!).origin);
      const response = await page.goto(path);
      const head = await readHead(page);
      const fail = (message: string) => problems.push(`${path}: ${message}`);
      if (response?.status() !== 200) fail(`status ${response?.status()}`);

      if (head.title.trim().length < 20) fail(`title "${head.title}" is under 20 characters`);
      if (!head.title.endsWith(TITLE_SUFFIX)) fail(`title "${head.title}" does not end with "${TITLE_SUFFIX}"`);
      if (titles.has(head.title)) fail(`title "${head.title}" is also on ${titles.get(head.title)}`);
      titles.set(head.title, path);
      if (head.description.trim().length < 50) fail(`description "${head.description}" is under 50 characters`);
      if (descriptions.has(head.description)) fail(`description is also on ${descriptions.get(head.description)}`);
      descriptions.set(head.description, path);

      // Next writes the home page's URL without its "/" (https://example.gov); the URL is the same.
      if (!/^https?:\/\//.test(head.canonical) || new URL(head.canonical).href !== url) {
        fail(`canonical "${head.canonical}", expected the page's own URL ${url}`);
      }
      if (one(head, 'og:url') !== head.canonical) fail(`og:url "${one(head, 'og:url')}" differs from the canonical link`);
      for (const property of ['og:title', 'og:description', 'og:type', 'og:image', 'og:image:alt', 'og:site_name']) {
        if (!one(head, property).trim()) fail(`no ${property}`);
      }
      if (one(head, 'og:site_name') !== SITE_NAME) fail(`og:site_name "${one(head, 'og:site_name')}"`);
      if (one(head, 'og:locale') !== 'en_US') fail(`og:locale "${one(head, 'og:locale')}"`);
      if (one(head, 'og:description') !== head.description) fail('og:description differs from the meta description');
      if (head.twitter['twitter:card'] !== 'summary_large_image') fail(`twitter:card "${head.twitter['twitter:card']}"`);
      if (head.twitter['twitter:image'] !== one(head, 'og:image')) fail('twitter:image differs from og:image');

      const image = one(head, 'og:image');
      if (!/^https?:\/\//.test(image)) fail(`og:image "${image}" is not absolute`);
      else if (!imageStatus.has(image)) {
        const got = await request.get(new URL(image).pathname);
        imageStatus.set(image, `${got.status()} ${got.headers()['content-type'] ?? ''}`);
      }
      if (image && !/^200 image\//.test(imageStatus.get(image) ?? '')) fail(`og:image ${image} answers ${imageStatus.get(image)}`);
      for (const property of ['og:image:width', 'og:image:height']) {
        if (!/^\d+$/.test(one(head, property))) fail(`${property} "${one(head, property)}"`);
      }

      // A page that sets its canonical link replaces the layout's <link rel="alternate"> set unless it repeats it.
      homeAlternates ??= head.alternates;
      // Topic pages list their own feeds as well (checked in feeds.spec.ts); the newsroom's must stay.
      const sitewide = head.alternates.filter((link) => !/\/topics\/[^/]+\/(rss\.xml|atom\.xml|feed\.json)$/.test(link));
      if (JSON.stringify(sitewide) !== JSON.stringify(homeAlternates)) {
        fail(`alternate links ${JSON.stringify(head.alternates)} differ from the home page's ${JSON.stringify(homeAlternates)}`);
      }
      if (head.jsonLdErrors.length > 0) fail(`JSON-LD does not parse: ${head.jsonLdErrors.join('; ')}`);

      if (ARTICLE.test(path)) {
        if (one(head, 'og:type') !== 'article') fail(`og:type "${one(head, 'og:type')}" on an article`);
      } else if (one(head, 'og:type') !== 'website') {
        fail(`og:type "${one(head, 'og:type')}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('every article has article dates equal to its visible dates, topic tags and NewsArticle and BreadcrumbList JSON-LD', async ({
    page,
    request,
  }) => {
    const articles = (await sitemapUrls(request)).filter((url) => ARTICLE.test(new URL(url).pathname));
    expect(articles.length).toBeGreaterThan(2);
    let bylined = 0;
    let updated = 0;
    for (const url of articles) {
      const path = new URL(url).pathname;
      await test.step(path, async () => {
        await page.goto(path);
        const head = await readHead(page);
        const published = one(head, 'article:published_time');
        const modified = one(head, 'article:modified_time');
        expect(head.published, 'a visible Published <time>').not.toBe('');
        expectSameInstant(published, head.published, 'article:published_time');
        expect(Date.parse(modified), 'article:modified_time is not before publication').toBeGreaterThanOrEqual(Date.parse(published));
        if (head.updated) {
          updated += 1;
          expectSameInstant(modified, head.updated, 'article:modified_time');
        } else {
          expect(modified, 'modified_time of an article never updated').toBe(published);
        }
        const tags = await page.getByRole('list', { name: 'Topics' }).getByRole('link').allTextContents();
        expect(head.og['article:tag'] ?? []).toEqual(tags.map((tag) => tag.trim()));

        const [article, ...more] = ofType(head.jsonLd, 'NewsArticle');
        expect(more, 'one NewsArticle').toEqual([]);
        expect(article).toMatchObject({
          '@context': 'https://schema.org',
          headline: head.h1,
          description: head.description,
          datePublished: published,
          dateModified: modified,
          mainEntityOfPage: { '@id': url },
          publisher: { '@type': 'GovernmentOrganization', name: expect.any(String), url: expect.stringMatching(/^https?:\/\//) },
        });
        const images = (article?.image ?? []) as { url: string }[];
        expect(images.map((i) => i.url)).toContain(one(head, 'og:image'));
        if (head.byline) {
          bylined += 1;
          expect(article?.author).toMatchObject({ '@type': 'Person', name: head.byline });
        } else {
          expect(article).not.toHaveProperty('author');
        }

        const [breadcrumbs] = ofType(head.jsonLd, 'BreadcrumbList');
        const items = (breadcrumbs?.itemListElement ?? []) as { position: number; name: string; item: string }[];
        expect(items.map((i) => i.name)).toEqual(head.breadcrumb.map((c) => c.name));
        expect(items.map((i) => i.position)).toEqual(head.breadcrumb.map((_, index) => index + 1));
        expect(items.map((i) => i.item)).toEqual(head.breadcrumb.map((c) => c.href ?? url));
      });
    }
    // The fixtures cover both branches of each rule above.
    expect(bylined, 'articles with a byline').toBeGreaterThan(0);
    expect(bylined, 'articles without a byline').toBeLessThan(articles.length);
    expect(updated, 'articles with an Updated date').toBeGreaterThan(0);
  });

  test('an article shares its lead image with its alt text', async ({ page }) => {
    await page.goto(seed.path);
    const head = await readHead(page);
    const lead = page.locator('main article > figure img').first();
    const src = new URL((await lead.getAttribute('src'))!, page.url());
    // next/image serves the file through its optimizer; the share image is the file itself.
    const file = src.pathname === '/_next/image' ? src.searchParams.get('url') : src.pathname;
    expect(new URL(one(head, 'og:image')).pathname).toBe(file);
    expect(one(head, 'og:image:alt')).toBe(await lead.getAttribute('alt'));
    expect(one(head, 'og:image:alt')).toBe(seed.figures[0]!.alt);
  });

  test('the home page describes the agency as a GovernmentOrganization and the site as a WebSite', async ({ page, baseURL }) => {
    await page.goto('/');
    const { jsonLd, jsonLdErrors } = await readHead(page);
    expect(jsonLdErrors).toEqual([]);
    const [organization] = ofType(jsonLd, 'GovernmentOrganization');
    expect(organization).toMatchObject({ name: expect.any(String), url: new URL('/', baseURL).href });
    expect(ofType(jsonLd, 'WebSite')[0]).toMatchObject({ name: SITE_NAME, url: new URL('/', baseURL).href });
  });

  test('the 404 page gets the site defaults: its own title, the share image, and no canonical link', async ({ page, consoleErrors }) => {
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    const response = await page.goto(`/not-found-test-${randomUUID()}`);
    expect(response?.status()).toBe(404);
    const head = await readHead(page);
    expect(head.title).toBe(`Page not found${TITLE_SUFFIX}`);
    expect(head.canonical).toBe('');
    expect(one(head, 'og:site_name')).toBe(SITE_NAME);
    expect(one(head, 'og:image')).toMatch(/^https?:\/\/.+\/share-image\.png$/);
    expect(one(head, 'og:image:alt')).not.toBe('');
  });

  test('the Digital Analytics Program script is off by default', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).hostname === 'dap.digitalgov.gov') requested.push(r.url());
    });
    for (const path of ['/', seed.path]) {
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.locator('script#_fed_an_ua_tag')).toHaveCount(0);
    }
    expect(requested).toEqual([]);
  });
});
