// Types of lighthouse-report.mjs, for its tests (the benchmark itself runs as plain Node ESM).
export const LIGHTHOUSE_TARGETS: Readonly<{
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
  tbtMs: number;
  cls: number;
}>;
export const CATEGORIES: string[];
export function median(values: number[]): number;

/** The parts of a Lighthouse result (LHR) these helpers read. */
export interface Lhr {
  environment?: { benchmarkIndex?: number };
  runWarnings?: string[];
  categories?: Record<string, { score: number | null; auditRefs?: { id: string; weight?: number; group?: string }[] }>;
  audits?: Record<
    string,
    {
      score: number | null;
      scoreDisplayMode?: string;
      numericValue?: number;
      displayValue?: string;
      errorMessage?: string;
      details?: { items?: { resourceType?: string; requestCount?: number; transferSize?: number }[] };
    }
  >;
}
export interface RunSummary {
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
  tbt: number;
  cls: number;
  fcp: number;
  lcp: number;
  speedIndex: number;
  transferBytes: number;
  requests: number;
  scriptCount: number;
  scriptBytes: number;
  benchmarkIndex: number;
}
export interface PageSummary extends RunSummary {
  runs: number;
  failedRuns: number;
  performanceMin: number;
  performanceMax: number;
  medianRun: number;
}
export interface Miss {
  figure: string;
  value: number;
  target: number;
  text: string;
}
export interface FailingAudit {
  id: string;
  category: string;
  score: number | null;
  displayValue: string;
}
export function summarizeRun(lhr: Lhr | undefined): RunSummary;
export function summarizePage(lhrs: (Lhr | undefined)[]): { summary: PageSummary; medianLhr: Lhr | undefined };
export function judgePage(summary: PageSummary | undefined, targets?: typeof LIGHTHOUSE_TARGETS): Miss[];
export function failingAudits(lhr: Lhr | undefined, misses: Pick<Miss, 'figure'>[]): FailingAudit[];
export function lighthousePages(sitemapXml: string, options?: { article?: string }): [string, string][];
