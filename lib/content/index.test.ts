import { describe, expect, it } from 'vitest';

describe('lib/content entry point', () => {
  it('is one API of views: what routes, feeds and the staff desk read, and nothing that reaches around it', async () => {
    const content = await import('./index');
    const functions = Object.entries(content)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(functions).toEqual([
      'ContentError',
      'archivePeriodOf',
      'articleState',
      'builtIntoIndex',
      'contentBuildDirectory',
      'contentDirectory',
      'contentIndexFile',
      'formatIssue',
      'getArchiveArticlesForView',
      'getArchiveMonthsForView',
      'getArchiveYearsForView',
      'getArticleForView',
      'getArticlesForView',
      'getContentIssues',
      'getPageForView',
      'getPagesForView',
      'getRelatedForView',
      'getTopicArticlesForView',
      'getTopicsForView',
      'isPublic',
      'loadArticleForPreview',
      'normalizeVirin',
      'parseVirin',
      'preparePreviewContent',
      'preparePublicContent',
      'sortIssues',
      'stateOf',
    ]);
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
