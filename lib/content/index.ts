import 'server-only';
import path from 'node:path';
import { now as clockNow } from '../clock';
import { siteConfig } from '../site-config';
import { calendarMonthOf, type CalendarMonth } from './calendar';
import { articleState, type ArticleState } from './state';
import { contentBuildDirectory, contentIndexFile } from './content-index';
import { BUILT_INTO_INDEX, createIndexedStore, type PublicContent } from './indexed-store';
import { createContentStore, type ContentStore, type LoadOptions } from './store';
import type { Article, ContentIssue, Page, Topic } from './types';

export { SLUG_PATTERN } from './store';
export { MAX_SUMMARY_LENGTH } from './front-matter';
export { CONTENT_LIMITS } from './limits';
export { contentBuildDirectory, contentIndexFile } from './content-index';
export { ContentError, formatIssue, sortIssues } from './issues';
export { normalizeVirin, parseVirin } from './virin';
export type { VirinResult } from './virin';
export type * from './types';
export { articleState, isPublic } from './state';
export type { ArticleState } from './state';

/**
 * One store per process. The proxy (proxy.ts) is bundled apart from the pages, so each bundle has
 * its own copy of this module: the store lives on globalThis, so the proxy's content index and the
 * pages' are the same, loaded and logged once.
 */
const STORE_KEY = Symbol.for('newsroom.contentStore');
const shared = globalThis as typeof globalThis & { [STORE_KEY]?: ContentStore };

/**
 * The content folder: CONTENT_DIR when set (the benchmark's synthetic corpora), else
 * `<cwd>/content`. Everything that reads content files asks here.
 */
export function contentDirectory(env: Partial<Record<string, string>> = process.env, cwd: string = process.cwd()): string {
  return env.CONTENT_DIR ? path.resolve(cwd, env.CONTENT_DIR) : path.join(cwd, 'content');
}

/**
 * The file store for the project root (`process.cwd()`) and its content folder, created on first
 * use: what staff preview, `next dev`, content:check and the tests read, every file parsed. A
 * running server keeps the last good version of a file that breaks and says so in its log, instead
 * of failing every page. Everything else (content:check, tests) is strict: an error throws.
 */
function getContentStore(): ContentStore {
  const building = process.env.NEXT_PHASE === 'phase-production-build';
  const serving = !building && Boolean(process.env.NEXT_RUNTIME);
  shared[STORE_KEY] ??= createContentStore(process.cwd(), {
    contentDir: contentDirectory(),
    ...(serving ? { keepLastGood: { log: (message: string) => console.warn(message) } } : {}),
  });
  return shared[STORE_KEY];
}

const PUBLIC_KEY = Symbol.for('newsroom.publicContent');
const sharedPublic = globalThis as typeof globalThis & { [PUBLIC_KEY]?: PublicContent };

/**
 * What the public site reads: in a production build and server, the content index the build wrote
 * (decision 0024), brought in line with the content folder; elsewhere (`next dev`, tests) the file
 * store. Created on first use, or at server start by `preparePublicContent`.
 */
function getPublicContent(): PublicContent {
  const existing = sharedPublic[PUBLIC_KEY];
  if (existing) return existing;
  const building = process.env.NEXT_PHASE === 'phase-production-build';
  let made: PublicContent;
  if (process.env.NODE_ENV === 'production' && (building || process.env.NEXT_RUNTIME)) {
    made = createIndexedStore({
      // The build renders from the index content:build has just written from this same folder.
      indexFile: building ? path.join(contentBuildDirectory(), 'index.db') : contentIndexFile(),
      contentDir: contentDirectory(),
      timeZone: siteConfig.timeZone,
      log: (message) => console.warn(message),
      compare: !building,
      clock: () => clockNow().getTime(),
    });
  } else {
    const store = getContentStore();
    made = {
      getPublicArticles: (now) => store.getPublicArticles(now),
      publicList: (now) => store.getPublicArticles(now),
      getPublicArticle: (slug, now) => store.getPublicArticle(slug, now),
      getRelatedArticles: (article, limit, now) => store.getRelatedArticles(article, limit, now),
      getPages: () => store.getPages(),
      getPage: (slug) => store.getPage(slug),
    };
  }
  sharedPublic[PUBLIC_KEY] = made;
  return made;
}

/** At server start (instrumentation.ts): opens the index and compares the folder with it, so the first request finds it ready. */
export function preparePublicContent(): void {
  getPublicContent().getPublicArticles(clockNow());
}

/**
 * Every error and warning in every file, read fresh from disk, sorted by file then line: what the
 * staff desk lists. Never throws for content problems.
 */
export function getContentIssues(): ContentIssue[] {
  return getContentStore().checkContent({ fresh: true });
}

/**
 * How a page sees content. Public readers see public articles from the build's snapshot.
 * Staff in preview (Next.js Draft Mode) see every article, drafts and scheduled ones too,
 * read fresh from disk so a saved edit shows on reload.
 */
export interface View {
  preview: boolean;
  /** Defaults to the site clock (lib/clock.ts). */
  now?: Date;
}

const load = (view: View): LoadOptions => ({ fresh: view.preview });

/**
 * The article at /news/<slug> for staff in preview, parsed off the request thread (a worker with a
 * time and memory bound) unless unchanged since it was last parsed. `article` is undefined when the
 * file has errors; `issues` are all of its errors and warnings, each with its line. Undefined when
 * no file has this slug.
 */
export async function loadArticleForPreview(slug: string): Promise<{ article: Article | undefined; issues: ContentIssue[] } | undefined> {
  const result = await getContentStore().loadForPreview('news', slug);
  return result && { article: result.item, issues: result.issues };
}

/**
 * Before a staff view reads every file fresh: files changed since their last load are parsed in the
 * bounded worker first, so the request thread only finds them cached (decision 0016).
 */
export async function preparePreviewContent(): Promise<void> {
  await getContentStore().refreshForPreview();
}

/** The articles a listing shows, newest first. */
export function getArticlesForView(view: View): readonly Article[] {
  // The public list is the store's own, shared until the public set changes: not copied per call.
  return view.preview ? getContentStore().getArticles(load(view)) : getPublicContent().publicList(view.now ?? clockNow());
}

/**
 * What is worked out once per list of articles (the public list stays the same array between
 * publication instants): each topic's articles and each year's and month's, in one pass each,
 * instead of a pass over every article per request, which at 100,000 articles was most of a
 * topic or archive page's time.
 */
const grouped = new WeakMap<readonly Article[], { topics?: Map<string, Article[]>; periods?: Map<string, Article[]> }>();
function groupsOf(list: readonly Article[]) {
  let found = grouped.get(list);
  if (!found) grouped.set(list, (found = {}));
  return found;
}
function byTopic(list: readonly Article[]): Map<string, Article[]> {
  const groups = groupsOf(list);
  if (!groups.topics) {
    groups.topics = new Map();
    for (const article of list) {
      for (const topic of article.topics) {
        let articles = groups.topics.get(topic.slug);
        if (!articles) groups.topics.set(topic.slug, (articles = []));
        articles.push(article);
      }
    }
  }
  return groups.topics;
}
/** Keys `2023` and `2023-6`. */
function byPeriod(list: readonly Article[]): Map<string, Article[]> {
  const groups = groupsOf(list);
  if (!groups.periods) {
    groups.periods = new Map();
    for (const article of list) {
      const { year, month } = calendarMonth(article);
      for (const key of [String(year), `${year}-${month}`]) {
        let articles = groups.periods.get(key);
        if (!articles) groups.periods.set(key, (articles = []));
        articles.push(article);
      }
    }
  }
  return groups.periods;
}

/** The article at /news/<slug>, if this view may see it. */
export function getArticleForView(slug: string, view: View): Article | undefined {
  if (!view.preview) return getPublicContent().getPublicArticle(slug, view.now ?? clockNow());
  return getArticlesForView(view).find((article) => article.slug === slug);
}

/** Related Stories stay public-only in preview too: a draft is shown exactly as it will look. */
export function getRelatedForView(article: Article, view: View): Article[] {
  const now = view.now ?? clockNow();
  return view.preview ? getContentStore().getRelatedArticles(article, 3, now, load(view)) : getPublicContent().getRelatedArticles(article, 3, now);
}

/** The content pages (About, Accessibility statement, …), A to Z: every one is public. */
export function getPagesForView(view: View): Page[] {
  return view.preview ? getContentStore().getPages(load(view)) : getPublicContent().getPages();
}

export function getPageForView(slug: string, view: View): Page | undefined {
  return view.preview ? getContentStore().getPage(slug, load(view)) : getPublicContent().getPage(slug);
}

/** Where an article stands now, by the site clock. */
export function stateOf(article: Article, now: Date = clockNow()): ArticleState {
  return articleState(article, now);
}

export interface TopicCount {
  topic: Topic;
  count: number;
}

/** Topics of the articles this view may see, with how many articles each has, A to Z. */
export function getTopicsForView(view: View): TopicCount[] {
  const counts: TopicCount[] = [];
  for (const [slug, articles] of byTopic(getArticlesForView(view))) {
    counts.push({ topic: articles[0]!.topics.find((t) => t.slug === slug)!, count: articles.length });
  }
  return counts.sort((a, b) => a.topic.name.localeCompare(b.topic.name, 'en'));
}

/** The articles this view may see on one topic, newest first. */
export function getTopicArticlesForView(slug: string, view: View): { topic: Topic; articles: readonly Article[] } | undefined {
  const articles = byTopic(getArticlesForView(view)).get(slug);
  const topic = articles?.[0]?.topics.find((t) => t.slug === slug);
  return topic && articles ? { topic, articles } : undefined;
}

/** The articles of one year, or of one month of it (`month` 1 to 12), in the date archive. */
export interface ArchivePeriod {
  year: number;
  month?: number;
}

export interface ArchiveCount {
  /** A year, or a month 1 to 12. */
  value: number;
  count: number;
}

/** Each article's month in the site's time zone (worked out once per quarter hour: lib/content/calendar.ts). */
function calendarMonth(article: Article): CalendarMonth {
  return calendarMonthOf(article.publishedAt, siteConfig.timeZone);
}

/** Where `article` is filed in the date archive: its publication year and month in the site's time zone. */
export function archivePeriodOf(article: Article): Required<ArchivePeriod> {
  return calendarMonth(article);
}

function counted(values: number[]): ArchiveCount[] {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}

/** The years that have articles this view may see, newest first, with how many each has. */
export function getArchiveYearsForView(view: View): ArchiveCount[] {
  const years: ArchiveCount[] = [];
  for (const [key, articles] of byPeriod(getArticlesForView(view))) if (!key.includes('-')) years.push({ value: Number(key), count: articles.length });
  return years.sort((a, b) => b.value - a.value);
}

/** The months of `year` that have articles this view may see, January first, with how many each has. */
export function getArchiveMonthsForView(year: number, view: View): ArchiveCount[] {
  return counted(getArchiveArticlesForView({ year }, view).map((article) => calendarMonth(article).month)).sort((a, b) => a.value - b.value);
}

/** The articles this view may see from one year or month, newest first; empty for a period with none. */
export function getArchiveArticlesForView(period: ArchivePeriod, view: View): readonly Article[] {
  return byPeriod(getArticlesForView(view)).get(period.month === undefined ? String(period.year) : `${period.year}-${period.month}`) ?? [];
}

/**
 * True when `article` is exactly the row the build wrote into the content index (same file, same
 * text): the build's search index (lib/search) holds it, so search need not index it again. False
 * for anything read from the content folder since (a file edited or added after the build, a
 * scheduled article whose time came) and for every article of the file store (dev, tests).
 */
export function builtIntoIndex(article: Article): boolean {
  return (article as Article & { [BUILT_INTO_INDEX]?: true })[BUILT_INTO_INDEX] === true;
}
