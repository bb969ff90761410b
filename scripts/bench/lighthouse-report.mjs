// Pure helpers of the Lighthouse section of the benchmark (scripts/bench/run.mjs): what one
// Lighthouse result (LHR) says, the median of several runs of a page, the verdict against the
// targets of issue 13, and the audits to fix when a page misses them. No I/O, so each is
// unit-tested (lighthouse-report.test.ts).
import { percentile } from './report.mjs';

/** Issue 13's targets, on the median of the runs of each page (Lighthouse mobile defaults). */
export const LIGHTHOUSE_TARGETS = Object.freeze({
  performance: 98,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
  tbtMs: 50,
  cls: 0.02,
});

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The median of the finite numbers in `values` (the mean of the middle two for an even count); NaN when none. */
export function median(values) {
  return percentile(values.filter((v) => Number.isFinite(v)), 50);
}

const categoryScore = (lhr, id) => {
  const score = lhr?.categories?.[id]?.score;
  return typeof score === 'number' ? Math.round(score * 100) : Number.NaN;
};
const numeric = (lhr, id) => {
  const value = lhr?.audits?.[id]?.numericValue;
  return typeof value === 'number' ? value : Number.NaN;
};

/**
 * The figures of one Lighthouse run. Scores are 0–100; times in ms; bytes as transferred
 * (compressed). Scripts are the external ones Lighthouse saw load (resource-summary), inline
 * scripts are part of the HTML's bytes.
 */
export function summarizeRun(lhr) {
  const resources = lhr?.audits?.['resource-summary']?.details?.items ?? [];
  const row = (type) => resources.find((item) => item.resourceType === type);
  return {
    performance: categoryScore(lhr, 'performance'),
    accessibility: categoryScore(lhr, 'accessibility'),
    'best-practices': categoryScore(lhr, 'best-practices'),
    seo: categoryScore(lhr, 'seo'),
    tbt: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    fcp: numeric(lhr, 'first-contentful-paint'),
    lcp: numeric(lhr, 'largest-contentful-paint'),
    speedIndex: numeric(lhr, 'speed-index'),
    transferBytes: numeric(lhr, 'total-byte-weight'),
    requests: row('total')?.requestCount ?? Number.NaN,
    scriptCount: row('script')?.requestCount ?? (resources.length > 0 ? 0 : Number.NaN),
    scriptBytes: row('script')?.transferSize ?? (resources.length > 0 ? 0 : Number.NaN),
    // Lighthouse's measure of the CPU it ran on: simulated throttling scales main-thread time by it.
    benchmarkIndex: typeof lhr?.environment?.benchmarkIndex === 'number' ? lhr.environment.benchmarkIndex : Number.NaN,
  };
}

const FIGURES = [
  'performance', 'accessibility', 'best-practices', 'seo', 'tbt', 'cls', 'fcp', 'lcp', 'speedIndex', 'transferBytes', 'requests', 'scriptCount', 'scriptBytes', 'benchmarkIndex',
];

/**
 * The runs of one page (LHRs; undefined for a run that failed) as medians of each figure, the
 * spread of performance, and the run whose performance is the median: the one whose audits are listed.
 */
export function summarizePage(lhrs) {
  const runs = lhrs.filter(Boolean);
  const summaries = runs.map(summarizeRun);
  const result = { runs: runs.length, failedRuns: lhrs.length - runs.length };
  for (const figure of FIGURES) result[figure] = median(summaries.map((s) => s[figure]));
  const performances = summaries.map((s) => s.performance).filter(Number.isFinite);
  result.performanceMin = performances.length > 0 ? Math.min(...performances) : Number.NaN;
  result.performanceMax = performances.length > 0 ? Math.max(...performances) : Number.NaN;
  // For an even count no run has the median itself: the lower middle one is shown.
  const order = summaries.map((s, index) => ({ index, value: s.performance })).sort((a, b) => a.value - b.value);
  result.medianRun = order.length > 0 ? order[Math.floor((order.length - 1) / 2)].index : -1;
  return { summary: result, medianLhr: runs[result.medianRun] };
}

/**
 * Which of issue 13's targets a page's medians miss: [] when it passes. Each miss names the
 * figure (a category id, or 'tbt' / 'cls'), its value and the target. No run at all is a miss.
 */
export function judgePage(summary, targets = LIGHTHOUSE_TARGETS) {
  if (!summary || summary.runs === 0) return [{ figure: 'runs', value: 0, target: 1, text: 'no Lighthouse run completed' }];
  const misses = [];
  for (const id of CATEGORIES) {
    const value = summary[id];
    if (!(value >= targets[id])) misses.push({ figure: id, value, target: targets[id], text: `${id} ${Number.isFinite(value) ? value : 'n/a'} < ${targets[id]}` });
  }
  if (!(summary.tbt <= targets.tbtMs)) {
    misses.push({ figure: 'tbt', value: summary.tbt, target: targets.tbtMs, text: `TBT ${Number.isFinite(summary.tbt) ? Math.round(summary.tbt) : 'n/a'} ms > ${targets.tbtMs} ms` });
  }
  if (!(summary.cls <= targets.cls)) {
    misses.push({ figure: 'cls', value: summary.cls, target: targets.cls, text: `CLS ${Number.isFinite(summary.cls) ? summary.cls.toFixed(3) : 'n/a'} > ${targets.cls}` });
  }
  return misses;
}

// The audits a target's miss comes from, when their own score may still read as passing
// (CLS 0.05 scores 1 in Lighthouse but misses 0.02).
const METRIC_AUDITS = { tbt: ['total-blocking-time'], cls: ['cumulative-layout-shift'] };
// Modes whose score says nothing about the page: shown by Lighthouse as information only.
const UNSCORED = new Set(['informative', 'notApplicable', 'manual']);

/**
 * The audits to fix on a page that misses a target, from one LHR (the median run): for each
 * category under target, every audit the Lighthouse report shows for it (not the 'hidden' group)
 * that is scored and below 1, or that errored; for a missed TBT or CLS, that metric's audit.
 * Each as { id, category, score (0–1, or null for an error), displayValue }, worst first per category.
 */
export function failingAudits(lhr, misses) {
  if (!lhr) return [];
  const found = new Map();
  const add = (id, category) => {
    const audit = lhr.audits?.[id];
    if (!audit || found.has(id)) return;
    found.set(id, {
      id,
      category,
      score: typeof audit.score === 'number' ? audit.score : null,
      displayValue: audit.scoreDisplayMode === 'error' ? `error: ${audit.errorMessage ?? 'unknown'}` : (audit.displayValue ?? ''),
    });
  };
  for (const { figure } of misses) {
    for (const id of METRIC_AUDITS[figure] ?? []) add(id, 'performance');
    const category = lhr.categories?.[figure];
    if (!category) continue;
    const refs = (category.auditRefs ?? [])
      .filter((ref) => ref.group !== 'hidden')
      .map((ref) => ({ ref, audit: lhr.audits?.[ref.id] }))
      .filter(({ audit }) => audit && !UNSCORED.has(audit.scoreDisplayMode) && (audit.scoreDisplayMode === 'error' || (typeof audit.score === 'number' && audit.score < 1)))
      // Worst first; among equal scores the audits that weigh in the category's score first.
      .sort((a, b) => (a.audit.score ?? -1) - (b.audit.score ?? -1) || (b.ref.weight ?? 0) - (a.ref.weight ?? 0) || a.ref.id.localeCompare(b.ref.id));
    for (const { ref } of refs) add(ref.id, figure);
  }
  return [...found.values()];
}

/**
 * The pages Lighthouse measures, as [name, path], from the site's sitemap.xml (its text): home, the
 * news index, the newest article (the sitemap lists articles newest first, after the news index
 * pages) and the readiness topic, or the first topic listed when there is no readiness topic.
 * `article` (a path) measures that article instead of the newest, when the sitemap lists it.
 */
export function lighthousePages(sitemapXml, { article: chosen } = {}) {
  const paths = [...String(sitemapXml).matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map(([, loc]) => {
    try {
      return new URL(loc).pathname;
    } catch {
      return loc;
    }
  });
  if (chosen !== undefined && !paths.includes(chosen)) throw new Error(`bench: --lighthouse-article=${chosen} is not a page the sitemap lists`);
  // /news/<digits> is a year of the archive by date, not an article.
  const article = chosen ?? paths.find((p) => /^\/news\/[a-z0-9-]+$/.test(p) && !/^\/news\/\d+$/.test(p));
  const topics = paths.filter((p) => /^\/topics\/[a-z0-9-]+$/.test(p));
  const topic = topics.includes('/topics/readiness') ? '/topics/readiness' : topics[0];
  if (!article) throw new Error('bench: sitemap.xml lists no article (<loc>…/news/<slug></loc>) for Lighthouse to measure');
  if (!topic) throw new Error('bench: sitemap.xml lists no topic page (<loc>…/topics/<slug></loc>) for Lighthouse to measure');
  return [
    ['home', '/'],
    ['news index', '/news'],
    ['article', article],
    ['topic', topic],
  ];
}
