import { describe, expect, it } from 'vitest';
import { matchSiteRoute } from './site-routes';

const match = (path: string) => matchSiteRoute(path.split('/').filter(Boolean));

describe('matchSiteRoute', () => {
  it('names the page of every address the page route serves', () => {
    expect(match('/')).toEqual({ page: 'home' });
    expect(match('/news')).toEqual({ page: 'news', number: 1 });
    expect(match('/news/page/3')).toEqual({ page: 'news', number: 3 });
    expect(match('/news/some-story')).toEqual({ page: 'article', slug: 'some-story' });
    expect(match('/topics')).toEqual({ page: 'topics' });
    expect(match('/topics/nato')).toEqual({ page: 'topic', topic: 'nato', number: 1 });
    expect(match('/topics/nato/page/2')).toEqual({ page: 'topic', topic: 'nato', number: 2 });
    expect(match('/feeds')).toEqual({ page: 'feeds' });
    expect(match('/about')).toEqual({ page: 'content', slug: 'about' });
    expect(match('/news/2023')).toEqual({ page: 'archive', year: 2023, number: 1 });
    expect(match('/news/2023/page/2')).toEqual({ page: 'archive', year: 2023, number: 2 });
    expect(match('/news/2023/06')).toEqual({ page: 'archive', year: 2023, month: 6, number: 1 });
    expect(match('/news/2023/06/page/3')).toEqual({ page: 'archive', year: 2023, month: 6, number: 3 });
    // A slug that starts with digits is still an article.
    expect(match('/news/2023-budget-request')).toEqual({ page: 'article', slug: '2023-budget-request' });
  });

  it('names no page for an impossible date or a date written another way', () => {
    for (const path of ['/news/0999', '/news/999', '/news/20231', '/news/2023/13', '/news/2023/00', '/news/2023/6', '/news/2023/006', '/news/2023/06/01', '/news/2023/page', '/news/2023/06/page', '/news/2023/page/0', '/news/2023/06/page/x', '/news/2023/06/page/2/x', '/news/2023/june']) {
      expect(match(path), path).toBeUndefined();
    }
  });

  it('sends page 1 of a listing to the listing itself', () => {
    expect(match('/news/page/1')).toEqual({ page: 'redirect', location: '/news' });
    expect(match('/topics/nato/page/1')).toEqual({ page: 'redirect', location: '/topics/nato' });
    expect(match('/topics/a b/page/1')).toEqual({ page: 'redirect', location: '/topics/a%20b' });
    expect(match('/news/2023/page/1')).toEqual({ page: 'redirect', location: '/news/2023' });
    expect(match('/news/2023/06/page/1')).toEqual({ page: 'redirect', location: '/news/2023/06' });
  });

  it('names no page for anything else', () => {
    for (const path of ['/news/page', '/news/page/0', '/news/page/02', '/news/page/x', '/news/a/b', '/topics/nato/feed', '/topics/nato/page', '/about/x', '/a/b/c/d/e', '/news/page/2/x']) {
      expect(match(path), path).toBeUndefined();
    }
  });
});
