import type { Article } from './types';

/** Where an article stands: only `published` ones are public. */
export type ArticleState = 'draft' | 'scheduled' | 'published';

/** The one rule for what is public: status published, and its publication time has come. */
export function isPublic(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  return article.status === 'published' && article.publishedAt.getTime() <= now.getTime();
}

export function articleState(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): ArticleState {
  if (article.status === 'draft') return 'draft';
  return isPublic(article, now) ? 'published' : 'scheduled';
}
