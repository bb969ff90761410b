import { describe, expect, it } from 'vitest';
import { archivePrerenderPlan, DEFAULT_PRERENDERED_ARTICLES, prerenderLimit, prerenderPlan } from './prerender';

const article = (slug: string, ...topics: string[]) => ({ slug, topics: topics.map((t) => ({ name: t, slug: t })) });

describe('prerenderLimit', () => {
  it('is 1,000 articles unless PRERENDER_ARTICLES says otherwise', () => {
    expect(prerenderLimit(undefined)).toBe(DEFAULT_PRERENDERED_ARTICLES);
    expect(prerenderLimit('')).toBe(1000);
    expect(prerenderLimit('250')).toBe(250);
    expect(prerenderLimit('0')).toBe(0);
  });

  it('refuses anything but a whole number', () => {
    expect(() => prerenderLimit('lots')).toThrow('PRERENDER_ARTICLES: expected a whole number of articles (e.g. 1000), got "lots"');
    expect(() => prerenderLimit('-5')).toThrow('got "-5"');
    expect(() => prerenderLimit('2.5')).toThrow('got "2.5"');
  });
});

describe('prerenderPlan', () => {
  const articles = [
    article('a', 'nato'),
    article('b', 'nato', 'space'),
    article('c', 'nato'),
    article('d', 'space'),
    article('e', 'nato'),
  ];

  it('builds ahead only the newest articles and the listing pages that show them', () => {
    expect(prerenderPlan(articles, 3, 2)).toEqual({
      articles: ['a', 'b', 'c'],
      newsPages: [2],
      topicPages: [{ topic: 'nato', page: 2 }],
    });
  });

  it('builds everything ahead when the limit is above the number of articles', () => {
    const plan = prerenderPlan(articles, 1000, 2);
    expect(plan.articles).toHaveLength(5);
    expect(plan.newsPages).toEqual([2, 3]);
    expect(plan.topicPages).toEqual([{ topic: 'nato', page: 2 }]);
  });

  it('builds no article and no later page with a limit of 0', () => {
    expect(prerenderPlan(articles, 0, 2)).toEqual({ articles: [], newsPages: [], topicPages: [] });
  });
});

describe('archivePrerenderPlan', () => {
  const dated = [
    { slug: 'a', year: 2024, month: 2 },
    { slug: 'b', year: 2024, month: 1 },
    { slug: 'c', year: 2024, month: 1 },
    { slug: 'd', year: 2024, month: 1 },
    { slug: 'e', year: 2023, month: 12 },
  ];
  const periodOf = ({ year, month }: { year: number; month: number }) => ({ year, month });

  it('builds ahead the year and month pages that show one of the newest articles', () => {
    expect(archivePrerenderPlan(dated, 3, 2, periodOf)).toEqual([
      { year: 2024, page: 1 },
      { year: 2024, page: 2 },
      { year: 2024, month: 2, page: 1 },
      { year: 2024, month: 1, page: 1 },
    ]);
  });

  it('builds every archive page when the limit is above the number of articles, and none with 0', () => {
    expect(archivePrerenderPlan(dated, 1000, 2, periodOf)).toEqual([
      { year: 2024, page: 1 },
      { year: 2024, page: 2 },
      { year: 2024, month: 2, page: 1 },
      { year: 2024, month: 1, page: 1 },
      { year: 2024, month: 1, page: 2 },
      { year: 2023, page: 1 },
      { year: 2023, month: 12, page: 1 },
    ]);
    expect(archivePrerenderPlan(dated, 0, 2, periodOf)).toEqual([]);
  });
});
