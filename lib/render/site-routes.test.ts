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
  });

  it('sends page 1 of a listing to the listing itself', () => {
    expect(match('/news/page/1')).toEqual({ page: 'redirect', location: '/news' });
    expect(match('/topics/nato/page/1')).toEqual({ page: 'redirect', location: '/topics/nato' });
    expect(match('/topics/a b/page/1')).toEqual({ page: 'redirect', location: '/topics/a%20b' });
  });

  it('names no page for anything else', () => {
    for (const path of ['/news/page', '/news/page/0', '/news/page/02', '/news/page/x', '/news/a/b', '/topics/nato/feed', '/topics/nato/page', '/about/x', '/a/b/c/d/e', '/news/page/2/x']) {
      expect(match(path), path).toBeUndefined();
    }
  });
});
