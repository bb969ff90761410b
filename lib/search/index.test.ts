import { describe, expect, it, vi } from 'vitest';
import { goodRoot } from '../content/__fixtures__/make-tree';
import { createContentStore } from '../content/store';
import { createSearchIndex } from './engine';
import { createIndexCache } from './index';

const store = createContentStore(goodRoot);
// nato-summit-scheduled.md is dated 2030-01-01T10:00:00-05:00; nato-exercise-draft.md is a draft.
const BEFORE = new Date('2029-12-31T00:00:00Z');
const AFTER = new Date('2030-01-01T15:00:01Z');

describe('the public search index cache', () => {
  it('builds once for the same set of articles', () => {
    const build = vi.fn(createSearchIndex);
    const indexFor = createIndexCache(build);
    const first = indexFor(store.getPublicArticles(BEFORE));
    expect(indexFor(store.getPublicArticles(BEFORE))).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('finds a scheduled article once its time has come, and not before', () => {
    const indexFor = createIndexCache();
    const found = (now: Date) => indexFor(store.getPublicArticles(now)).search(['embargoed']).map((hit) => hit.article.slug);
    expect(found(BEFORE)).toEqual([]);
    expect(found(AFTER)).toEqual(['nato-summit-scheduled']);
  });

  it('never holds a draft', () => {
    const index = createIndexCache()(store.getPublicArticles(AFTER));
    expect(index.search(['draft'])).toEqual([]);
    expect(index.search(['not', 'yet'])).toEqual([]);
  });
});
