import type { Article } from '../content/types';

/** A published article as lib/content would return it, for tests of what renders one. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  return {
    slug: 'allies-meet',
    path: '/news/allies-meet',
    sourcePath: 'content/news/allies-meet.md',
    sourceHash: '0'.repeat(64),
    title: 'Allies Meet in Brussels',
    summary: 'Defense ministers from allied nations met in Brussels to discuss readiness.',
    date: '2023-06-13',
    publishedAt: new Date('2023-06-13T04:00:00Z'),
    topics: [
      { name: 'NATO', slug: 'nato' },
      { name: 'Alliance Summit', slug: 'alliance-summit' },
    ],
    status: 'published',
    body: { tree: { type: 'root', children: [] }, figures: [] },
    warnings: [],
    ...overrides,
  };
}
