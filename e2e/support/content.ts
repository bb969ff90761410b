import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { parseContentDate } from '../../lib/content/dates';
import { siteConfig } from '../../lib/site-config';
import { filesUnder } from './files';

/** Draft articles found in content/news, so the draft tests never hard-code a slug. */
export interface DraftArticle {
  slug: string;
  title: string;
  file: string;
}

const NEWS_DIR = path.join(__dirname, '..', '..', 'content', 'news');

function markdownFiles(dir: string): string[] {
  return filesUnder(dir).filter((file) => file.endsWith('.md'));
}

function frontMatter(source: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (!match) return {};
  const data: unknown = parse(match[1] ?? '');
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** The slug is the front-matter `slug`, else the file name (`index.md` → its folder name). */
function slugOf(file: string, data: Record<string, unknown>): string {
  if (typeof data.slug === 'string' && data.slug) return data.slug;
  const base = path.basename(file, '.md');
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

export function draftArticles(): DraftArticle[] {
  return markdownFiles(NEWS_DIR).flatMap((file) => {
    const data = frontMatter(readFileSync(file, 'utf8'));
    if (data.status !== 'draft') return [];
    return [
      {
        slug: slugOf(file, data),
        title: typeof data.title === 'string' ? data.title : '',
        file: path.relative(path.join(NEWS_DIR, '..', '..'), file),
      },
    ];
  });
}

/** An article the public must not see yet: a draft, or a published article dated after `now`. */
export interface UnpublishedArticle extends DraftArticle {
  state: 'draft' | 'scheduled';
}

/** YAML leaves ISO dates as strings (the core schema); a date without a time is midnight UTC. */
function instantOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** Drafts and scheduled articles in content/news, as of the test machine's clock. */
export function unpublishedArticles(now: Date = new Date()): UnpublishedArticle[] {
  return markdownFiles(NEWS_DIR).flatMap((file) => {
    const data = frontMatter(readFileSync(file, 'utf8'));
    const state =
      data.status === 'draft' ? 'draft' : data.status === 'published' && instantOf(data.date) > now.getTime() ? 'scheduled' : undefined;
    if (!state) return [];
    return [
      {
        slug: slugOf(file, data),
        title: typeof data.title === 'string' ? data.title : '',
        file: path.relative(path.join(NEWS_DIR, '..', '..'), file),
        state,
      },
    ];
  });
}

/** A public article as its file says, for checks that list articles (feeds, listings). */
export interface PublicArticle {
  slug: string;
  path: string;
  title: string;
  /** Publication instant: a date without a time is midnight in the site's time zone. */
  publishedAt: number;
  /** Last change: `updated` if given, else the publication. */
  changedAt: number;
  byline?: string;
  topics: string[];
}

function contentInstant(value: unknown, file: string): number {
  const result = parseContentDate(String(value), siteConfig.timeZone);
  if (!result.ok) throw new Error(`${file}: ${result.message}`);
  return result.instant.getTime();
}

/** Published articles whose time has come, newest first (ties by slug), as of `now`. */
export function publicArticles(now: Date = new Date()): PublicArticle[] {
  return markdownFiles(NEWS_DIR)
    .flatMap((file): PublicArticle[] => {
      const data = frontMatter(readFileSync(file, 'utf8'));
      if (data.status !== 'published') return [];
      const publishedAt = contentInstant(data.date, file);
      if (publishedAt > now.getTime()) return [];
      const slug = slugOf(file, data);
      const byline = (data.byline as { name?: unknown } | undefined)?.name;
      return [
        {
          slug,
          path: `/news/${slug}`,
          title: String(data.title).trim(),
          publishedAt,
          changedAt: data.updated === undefined ? publishedAt : contentInstant(data.updated, file),
          ...(typeof byline === 'string' ? { byline: byline.trim() } : {}),
          topics: Array.isArray(data.topics) ? data.topics.map((topic) => String(topic).trim()) : [],
        },
      ];
    })
    .sort((a, b) => b.publishedAt - a.publishedAt || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** Slugs of the content pages (content/pages/*.md), each served at /<slug>. */
export function contentPageSlugs(): string[] {
  return markdownFiles(path.join(NEWS_DIR, '..', 'pages')).map((file) => slugOf(file, frontMatter(readFileSync(file, 'utf8'))));
}

/** A topic's URL slug, as the content layer makes it. */
export { topicSlug } from '../../lib/content/front-matter';
