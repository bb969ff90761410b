import { describe, expect, it } from 'vitest';
import { failingAudits, judgePage, LIGHTHOUSE_TARGETS, lighthousePages, median, summarizePage, summarizeRun, type Lhr } from './lighthouse-report.mjs';

/** A Lighthouse result shaped as Lighthouse 12 writes it, with only the fields the report reads. */
function lhr({
  performance = 1,
  accessibility = 1,
  bestPractices = 1,
  seo = 1,
  tbt = 0,
  cls = 0,
  extraAudits = {},
  performanceRefs = [],
}: {
  performance?: number | null;
  accessibility?: number;
  bestPractices?: number;
  seo?: number;
  tbt?: number;
  cls?: number;
  extraAudits?: NonNullable<Lhr['audits']>;
  performanceRefs?: { id: string; weight?: number; group?: string }[];
} = {}): Lhr {
  return {
    environment: { benchmarkIndex: 2900 },
    categories: {
      performance: {
        score: performance,
        auditRefs: [
          { id: 'total-blocking-time', weight: 30, group: 'metrics' },
          { id: 'cumulative-layout-shift', weight: 25, group: 'metrics' },
          { id: 'largest-contentful-paint', weight: 25, group: 'metrics' },
          { id: 'interactive', weight: 0, group: 'hidden' },
          ...performanceRefs,
        ],
      },
      accessibility: { score: accessibility, auditRefs: [{ id: 'color-contrast', weight: 7 }, { id: 'image-alt', weight: 10 }] },
      'best-practices': { score: bestPractices, auditRefs: [{ id: 'errors-in-console', weight: 1 }] },
      seo: { score: seo, auditRefs: [{ id: 'meta-description', weight: 1 }] },
    },
    audits: {
      'total-blocking-time': { score: tbt <= 50 ? 1 : 0.3, scoreDisplayMode: 'numeric', numericValue: tbt, displayValue: `${tbt} ms` },
      'cumulative-layout-shift': { score: cls <= 0.1 ? 1 : 0.5, scoreDisplayMode: 'numeric', numericValue: cls, displayValue: String(cls) },
      'largest-contentful-paint': { score: 0.97, scoreDisplayMode: 'numeric', numericValue: 1900, displayValue: '1.9 s' },
      'first-contentful-paint': { score: 1, scoreDisplayMode: 'numeric', numericValue: 900, displayValue: '0.9 s' },
      'speed-index': { score: 1, scoreDisplayMode: 'numeric', numericValue: 1100, displayValue: '1.1 s' },
      interactive: { score: 0.2, scoreDisplayMode: 'numeric', numericValue: 9000, displayValue: '9.0 s' },
      'total-byte-weight': { score: 1, scoreDisplayMode: 'numeric', numericValue: 348_000, displayValue: 'Total size was 340 KiB' },
      'resource-summary': {
        score: null,
        scoreDisplayMode: 'informative',
        details: {
          items: [
            { resourceType: 'total', requestCount: 14, transferSize: 348_000 },
            { resourceType: 'script', requestCount: 9, transferSize: 140_000 },
            { resourceType: 'stylesheet', requestCount: 1, transferSize: 30_000 },
          ],
        },
      },
      'color-contrast': { score: accessibility === 1 ? 1 : 0, scoreDisplayMode: 'binary', displayValue: '' },
      'image-alt': { score: 1, scoreDisplayMode: 'binary' },
      'errors-in-console': { score: bestPractices === 1 ? 1 : 0, scoreDisplayMode: 'binary' },
      'meta-description': { score: null, scoreDisplayMode: 'notApplicable' },
      ...extraAudits,
    },
  };
}

describe('median', () => {
  it('takes the middle value, the mean of the middle two for an even count, ignoring missing values', () => {
    expect(median([72, 95, 80])).toBe(80);
    expect(median([1, 4, 2, 3])).toBe(2.5);
    expect(median([Number.NaN, 7, 9])).toBe(8);
    expect(median([])).toBeNaN();
  });
});

describe('summarizeRun', () => {
  it('reads scores as 0–100, the metrics, the transfer and the scripts of one Lighthouse result', () => {
    expect(summarizeRun(lhr({ performance: 0.71, tbt: 919, cls: 0.004 }))).toEqual({
      performance: 71,
      accessibility: 100,
      'best-practices': 100,
      seo: 100,
      tbt: 919,
      cls: 0.004,
      fcp: 900,
      lcp: 1900,
      speedIndex: 1100,
      transferBytes: 348_000,
      requests: 14,
      scriptCount: 9,
      scriptBytes: 140_000,
      benchmarkIndex: 2900,
    });
  });

  it('counts no scripts as 0 when Lighthouse saw none, and a missing score as NaN', () => {
    const result = lhr({ performance: null });
    result.audits!['resource-summary']!.details!.items = [{ resourceType: 'total', requestCount: 3, transferSize: 90_000 }];
    const run = summarizeRun(result);
    expect(run.performance).toBeNaN();
    expect(run.scriptCount).toBe(0);
    expect(run.scriptBytes).toBe(0);
  });
});

describe('summarizePage', () => {
  it('gives the median of each figure over the runs, the performance spread and the median run', () => {
    const runs = [lhr({ performance: 0.79, tbt: 803 }), lhr({ performance: 0.63, tbt: 1501 }), lhr({ performance: 0.7, tbt: 950 })];
    const { summary, medianLhr } = summarizePage(runs);
    expect(summary.performance).toBe(70);
    expect(summary.tbt).toBe(950);
    expect([summary.performanceMin, summary.performanceMax]).toEqual([63, 79]);
    expect(summary.runs).toBe(3);
    expect(summary.medianRun).toBe(2);
    expect(medianLhr).toBe(runs[2]);
  });

  it('leaves failed runs out and counts them', () => {
    const { summary } = summarizePage([undefined, lhr({ performance: 0.99 }), lhr({ performance: 0.97 })]);
    expect(summary.runs).toBe(2);
    expect(summary.failedRuns).toBe(1);
    expect(summary.performance).toBe(98);
    expect(summary.medianRun).toBe(1);
  });
});

describe('judgePage', () => {
  const pass = summarizePage([lhr({ performance: 0.98, tbt: 50, cls: 0.02 })]).summary;

  it('passes a page that meets every target exactly', () => {
    expect(judgePage(pass)).toEqual([]);
  });

  it('names each missed target with its value', () => {
    const summary = { ...pass, performance: 97, accessibility: 96, tbt: 51, cls: 0.021 };
    expect(judgePage(summary).map((miss) => miss.text)).toEqual(['performance 97 < 98', 'accessibility 96 < 100', 'TBT 51 ms > 50 ms', 'CLS 0.021 > 0.02']);
  });

  it('fails a page with no completed run, or with a score missing', () => {
    expect(judgePage(summarizePage([undefined, undefined]).summary).map((miss) => miss.text)).toEqual(['no Lighthouse run completed']);
    expect(judgePage({ ...pass, seo: Number.NaN }).map((miss) => miss.text)).toEqual(['seo n/a < 100']);
  });

  it('uses the targets of issue 13', () => {
    expect(LIGHTHOUSE_TARGETS).toEqual({ performance: 98, accessibility: 100, 'best-practices': 100, seo: 100, tbtMs: 50, cls: 0.02 });
  });
});

describe('failingAudits', () => {
  it('lists the scored audits below 1 of each missed category, worst first, leaving out hidden and unscored ones', () => {
    const result = lhr({
      performance: 0.72,
      tbt: 919,
      accessibility: 0.96,
      performanceRefs: [
        { id: 'unused-javascript', weight: 0, group: 'diagnostics' },
        { id: 'render-blocking-insight', weight: 0, group: 'hidden' },
        { id: 'mainthread-work-breakdown', weight: 0, group: 'diagnostics' },
      ],
      extraAudits: {
        'unused-javascript': { score: 0, scoreDisplayMode: 'metricSavings', displayValue: 'Est savings of 60 KiB' },
        'render-blocking-insight': { score: 0, scoreDisplayMode: 'metricSavings', displayValue: 'Est savings of 300 ms' },
        'mainthread-work-breakdown': { score: 1, scoreDisplayMode: 'informative', displayValue: '2.1 s' },
      },
    });
    const misses = judgePage(summarizePage([result]).summary);
    expect(failingAudits(result, misses)).toEqual([
      { id: 'unused-javascript', category: 'performance', score: 0, displayValue: 'Est savings of 60 KiB' },
      { id: 'total-blocking-time', category: 'performance', score: 0.3, displayValue: '919 ms' },
      { id: 'largest-contentful-paint', category: 'performance', score: 0.97, displayValue: '1.9 s' },
      { id: 'color-contrast', category: 'accessibility', score: 0, displayValue: '' },
    ]);
  });

  it('lists a missed metric’s own audit even when Lighthouse scores it as passing', () => {
    const result = lhr({ cls: 0.05 });
    expect(failingAudits(result, judgePage(summarizePage([result]).summary))).toEqual([
      { id: 'cumulative-layout-shift', category: 'performance', score: 1, displayValue: '0.05' },
    ]);
  });

  it('lists an audit that errored, with its message', () => {
    const result = lhr({
      seo: 0.9,
      extraAudits: { 'meta-description': { score: null, scoreDisplayMode: 'error', errorMessage: 'Required MetaElements gatherer did not run.' } },
    });
    expect(failingAudits(result, [{ figure: 'seo' }])).toEqual([
      { id: 'meta-description', category: 'seo', score: null, displayValue: 'error: Required MetaElements gatherer did not run.' },
    ]);
  });

  it('lists nothing for a page that passes, or without a result', () => {
    const result = lhr({ accessibility: 0.96 });
    expect(failingAudits(result, [])).toEqual([]);
    expect(failingAudits(undefined, [{ figure: 'accessibility' }])).toEqual([]);
  });
});

describe('lighthousePages', () => {
  const sitemap = (locs: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.map((loc) => `<url>\n<loc>${loc}</loc>\n</url>`).join('\n')}\n</urlset>`;

  it('measures home, the news index, the newest article and the readiness topic', () => {
    const xml = sitemap([
      'https://www.defense.gov/',
      'https://www.defense.gov/news',
      'https://www.defense.gov/news/page/2',
      'https://www.defense.gov/news/keesler-flight-line-reopens-after-hurricane',
      'https://www.defense.gov/news/biden-stoltenberg-confer-before-nato-summit',
      'https://www.defense.gov/topics',
      'https://www.defense.gov/topics/europe',
      'https://www.defense.gov/topics/readiness',
      'https://www.defense.gov/topics/readiness/page/2',
    ]);
    expect(lighthousePages(xml)).toEqual([
      ['home', '/'],
      ['news index', '/news'],
      ['article', '/news/keesler-flight-line-reopens-after-hurricane'],
      ['topic', '/topics/readiness'],
    ]);
  });

  it('measures the article asked for instead of the newest, if the sitemap lists it', () => {
    const xml = sitemap(['https://x.gov/news/newest', 'https://x.gov/news/biden-stoltenberg-confer-before-nato-summit', 'https://x.gov/topics/europe']);
    expect(lighthousePages(xml, { article: '/news/biden-stoltenberg-confer-before-nato-summit' })[2]).toEqual([
      'article',
      '/news/biden-stoltenberg-confer-before-nato-summit',
    ]);
    expect(() => lighthousePages(xml, { article: '/news/draft-article-example' })).toThrow(
      'bench: --lighthouse-article=/news/draft-article-example is not a page the sitemap lists',
    );
  });

  it('takes the first topic when there is no readiness topic, and says what is missing', () => {
    expect(lighthousePages(sitemap(['https://x.gov/news/a-b', 'https://x.gov/topics/europe/page/2', 'https://x.gov/topics/europe']))[3]).toEqual([
      'topic',
      '/topics/europe',
    ]);
    expect(() => lighthousePages(sitemap(['https://x.gov/', 'https://x.gov/news/page/2', 'https://x.gov/topics/europe']))).toThrow(
      'bench: sitemap.xml lists no article (<loc>…/news/<slug></loc>) for Lighthouse to measure',
    );
    expect(() => lighthousePages(sitemap(['https://x.gov/news/a-b', 'https://x.gov/topics']))).toThrow('bench: sitemap.xml lists no topic page');
    // A year of the archive by date comes before its articles in the year's file; it is not an article.
    expect(lighthousePages(sitemap(['https://x.gov/news/2026', 'https://x.gov/news/2026/11', 'https://x.gov/news/a-b', 'https://x.gov/topics/europe']))[2]).toEqual([
      'article',
      '/news/a-b',
    ]);
  });
});
