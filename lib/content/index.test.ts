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

describe('contentDirectory', () => {
  it('is <cwd>/content unless CONTENT_DIR names another folder', async () => {
    const { contentDirectory } = await import('./index');
    expect(contentDirectory({}, '/srv/site')).toBe('/srv/site/content');
    expect(contentDirectory({ CONTENT_DIR: '' }, '/srv/site')).toBe('/srv/site/content');
    expect(contentDirectory({ CONTENT_DIR: 'bench/work/corpus-1000' }, '/srv/site')).toBe('/srv/site/bench/work/corpus-1000');
    expect(contentDirectory({ CONTENT_DIR: '/data/content' }, '/srv/site')).toBe('/data/content');
  });
});
