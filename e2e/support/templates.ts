import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { seed } from './seed';
import { sitemapPaths } from './sitemap';

/** One page of each public template, as the site under test lists it. */
export interface Template {
  name: string;
  path: string;
  status: number;
}

const ROOT = path.join(__dirname, '..', '..');

/** A word of the seed article's title that search finds it by. */
function searchWord(): string {
  const word = seed.title.split(/[^A-Za-z]+/).find((candidate) => candidate.length >= 4);
  if (!word) throw new Error(`no word of 4 or more letters in the seed title "${seed.title}"`);
  return word.toLowerCase();
}

/**
 * Every public HTML template, one page each, taken from the sitemap (so another agency's content
 * gives its own pages): home, news index and its page 2, the seed article, a year and a month of
 * the archive by date, topics, the topic with the most pages and its page 2, feeds, a content page; plus search with and without a query and
 * the 404 for an unknown path and an unknown article. A listing's page 2 is there only when the
 * content fills one; every other template must be in the sitemap, or this throws.
 */
export async function publicTemplates(request: APIRequestContext): Promise<Template[]> {
  const paths = await sitemapPaths(request);
  const listed = new Set(paths);
  const need = (name: string, found: string | undefined): Template => {
    if (!found) throw new Error(`the sitemap lists no ${name} page`);
    return { name, path: found, status: 200 };
  };
  const topics = paths.filter((p) => /^\/topics\/[^/]+$/.test(p));
  const pagesOf = (base: string) => paths.filter((p) => p.startsWith(`${base}/page/`)).length;
  // The topic with most pages, so its page 2 is covered when any topic has one.
  const topic = [...topics].sort((a, b) => pagesOf(b) - pagesOf(a))[0];
  const reserved = new Set(['news', 'topics', 'feeds', 'search', 'preview']);
  const contentPages = paths.filter((p) => /^\/[^/]+$/.test(p) && !reserved.has(p.slice(1)));
  const optional = (name: string, found: string | undefined): Template[] => (found ? [{ name, path: found, status: 200 }] : []);
  const unique = Date.now().toString(36);
  return [
    need('home', paths.find((p) => p === '/')),
    need('news index', paths.find((p) => p === '/news')),
    ...optional('news page 2', paths.find((p) => p === '/news/page/2')),
    need('article', listed.has(seed.path) ? seed.path : undefined),
    need('topics', paths.find((p) => p === '/topics')),
    need('topic', topic),
    ...optional('topic page 2', topic && paths.find((p) => p === `${topic}/page/2`)),
    need('news year', paths.find((p) => /^\/news\/\d{4}$/.test(p))),
    need('news month', paths.find((p) => /^\/news\/\d{4}\/\d{2}$/.test(p))),
    need('feeds', paths.find((p) => p === '/feeds')),
    need('content page', contentPages.includes('/about') ? '/about' : contentPages[0]),
    { name: 'search', path: '/search', status: 200 },
    { name: 'search results', path: `/search?q=${encodeURIComponent(searchWord())}`, status: 200 },
    { name: '404 unknown path', path: `/no-such-page-${unique}`, status: 404 },
    { name: '404 unknown article', path: `/news/no-such-article-${unique}`, status: 404 },
  ];
}

/**
 * The gzip level the documented nginx uses (`gzip_comp_level` in deploy/nginx/newsroom.conf): the
 * size a reader downloads. Read from the file so the budget follows the deployment.
 */
export function nginxGzipLevel(): number {
  const file = path.join(ROOT, 'deploy', 'nginx', 'newsroom.conf');
  const match = /^\s*gzip_comp_level\s+(\d)\s*;/m.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no gzip_comp_level`);
  return Number(match[1]);
}
