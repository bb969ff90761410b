/**
 * Which pages `next build` renders ahead (docs/decisions/0010-prerendering-at-scale.md): the
 * newest PRERENDER_ARTICLES public articles (1,000 unless set), and the listing pages that show
 * them. Everything older renders on its first request and is then cached like a built page
 * (ISR, `revalidate`), so a newsroom with years of archives builds in minutes, not hours.
 */
import type { Article } from './content/types';

export const DEFAULT_PRERENDERED_ARTICLES = 1000;

/** The limit from PRERENDER_ARTICLES: a whole number ≥ 0 (0 prerenders no article), or the default when unset. */
export function prerenderLimit(value: string | undefined = process.env.PRERENDER_ARTICLES): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PRERENDERED_ARTICLES;
  const limit = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(limit)) {
    throw new Error(`PRERENDER_ARTICLES: expected a whole number of articles (e.g. 1000), got "${value}"`);
  }
  return limit;
}

export interface PrerenderPlan {
  /** Slugs of the articles to prerender, newest first. */
  articles: string[];
  /** Page numbers 2.. of /news to prerender (page 1 is /news itself). */
  newsPages: number[];
  /** Later pages of each topic that show a prerendered article. */
  topicPages: { topic: string; page: number }[];
}

/** `articles` newest first: the newest `limit`, and the listing pages on which those appear. */
export function prerenderPlan(articles: readonly Pick<Article, 'slug' | 'topics'>[], limit: number, pageSize: number): PrerenderPlan {
  const recent = articles.slice(0, limit);
  const laterPagesFor = (count: number) =>
    Array.from({ length: Math.max(0, Math.ceil(count / pageSize) - 1) }, (_, i) => i + 2);
  const perTopic = new Map<string, number>();
  for (const article of recent) {
    for (const topic of article.topics) perTopic.set(topic.slug, (perTopic.get(topic.slug) ?? 0) + 1);
  }
  return {
    articles: recent.map((article) => article.slug),
    newsPages: laterPagesFor(recent.length),
    topicPages: [...perTopic].flatMap(([topic, count]) => laterPagesFor(count).map((page) => ({ topic, page }))),
  };
}

/** A page of the archive by date: a year (no month) or a month, and the page number. */
export interface ArchivePrerender {
  year: number;
  month?: number;
  page: number;
}

/**
 * The archive pages that show one of the newest `limit` articles (`articles` newest first, each
 * period's own pages newest first too): every page of a year or month up to the last that holds
 * one of them. Older periods render on their first request, like old articles.
 */
export function archivePrerenderPlan<T>(
  articles: readonly T[],
  limit: number,
  pageSize: number,
  periodOf: (article: T) => { year: number; month: number },
): ArchivePrerender[] {
  const counts = new Map<string, { year: number; month?: number; count: number }>();
  const add = (key: string, year: number, month?: number) => {
    const entry = counts.get(key) ?? { year, ...(month === undefined ? {} : { month }), count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  };
  for (const article of articles.slice(0, limit)) {
    const { year, month } = periodOf(article);
    add(String(year), year);
    add(`${year}-${month}`, year, month);
  }
  return [...counts.values()].flatMap(({ count, ...period }) =>
    Array.from({ length: Math.ceil(count / pageSize) }, (_, i) => ({ ...period, page: i + 1 })),
  );
}
