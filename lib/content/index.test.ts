import { describe, expect, it } from 'vitest';

describe('lib/content entry point', () => {
  it('binds the default store to the project root and exposes the public API', async () => {
    const content = await import('./index');
    expect(content.getContentStore().rootDir).toBe(process.cwd());
    for (const name of [
      'getArticles',
      'getPublicArticles',
      'getPublicArticle',
      'getRelatedArticles',
      'getPages',
      'getPage',
      'checkContent',
      'formatIssue',
      'createContentStore',
    ] as const) {
      expect(typeof content[name], name).toBe('function');
    }
    expect(new content.ContentError([])).toBeInstanceOf(Error);
  });
});
