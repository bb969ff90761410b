import 'server-only';
import { createContentStore, type ContentStore, type LoadOptions } from './store';
import type { Article, ContentIssue, Page } from './types';

export { createContentStore, loadContent, MAX_SUMMARY_LENGTH, SLUG_PATTERN } from './store';
export type { ContentSnapshot, ContentStore, ContentStoreOptions, LoadOptions } from './store';
export { ContentError, formatIssue, sortIssues } from './issues';
export { normalizeVirin, parseVirin } from './virin';
export type { VirinResult } from './virin';
export type * from './types';

let defaultStore: ContentStore | undefined;

/** The store for the project root (`process.cwd()`), created on first use. */
export function getContentStore(): ContentStore {
  defaultStore ??= createContentStore(process.cwd());
  return defaultStore;
}

/** Every article of every status, newest first. Throws ContentError if any file has an error. */
export function getArticles(options?: LoadOptions): Article[] {
  return getContentStore().getArticles(options);
}

/** The only rule for what is public: status published and publishedAt <= now. Newest first. */
export function getPublicArticles(now: Date = new Date(), options?: LoadOptions): Article[] {
  return getContentStore().getPublicArticles(now, options);
}

export function getPublicArticle(slug: string, now?: Date, options?: LoadOptions): Article | undefined {
  return getContentStore().getPublicArticle(slug, now, options);
}

/** Public articles sharing a topic with `article`, most shared topics first, then newest. */
export function getRelatedArticles(article: Article, limit = 3, now?: Date, options?: LoadOptions): Article[] {
  return getContentStore().getRelatedArticles(article, limit, now, options);
}

export function getPages(options?: LoadOptions): Page[] {
  return getContentStore().getPages(options);
}

export function getPage(slug: string, options?: LoadOptions): Page | undefined {
  return getContentStore().getPage(slug, options);
}

/** Every error and warning in every file, sorted by file then line. Never throws for content problems. */
export function checkContent(options?: LoadOptions): ContentIssue[] {
  return getContentStore().checkContent(options);
}
