import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
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

/** A public article as content/news says it: published, and dated no later than `now`. */
export interface PublicArticle {
  slug: string;
  title: string;
  /** Publication instant in ms (date-only values read as midnight UTC: fine for ordering by day). */
  published: number;
  topics: string[];
}

/** Public articles in content/news, newest first, as of the test machine's clock. */
export function publicArticles(now: Date = new Date()): PublicArticle[] {
  return markdownFiles(NEWS_DIR)
    .flatMap((file) => {
      const data = frontMatter(readFileSync(file, 'utf8'));
      const published = instantOf(data.date);
      if (data.status !== 'published' || !(published <= now.getTime())) return [];
      const topics = Array.isArray(data.topics) ? data.topics.filter((t): t is string => typeof t === 'string') : [];
      return [{ slug: slugOf(file, data), title: typeof data.title === 'string' ? data.title : '', published, topics }];
    })
    .sort((a, b) => b.published - a.published);
}

/** Slugs of the content pages (content/pages/*.md), each served at /<slug>. */
export function contentPageSlugs(): string[] {
  return markdownFiles(path.join(NEWS_DIR, '..', 'pages')).map((file) => slugOf(file, frontMatter(readFileSync(file, 'utf8'))));
}

/** A topic's URL slug: "Alliance Summit" → "alliance-summit", accents dropped. */
export function topicSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
