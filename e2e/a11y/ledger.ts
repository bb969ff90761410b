/**
 * The violations ledger: one row per finding of any check (axe or the suite's own), written by
 * e2e/a11y/reporter.ts to reports/accessibility/violations.{json,csv}. Pure functions, unit-tested
 * in ledger.test.ts.
 */
import type { Finding } from './findings';

export type Level = 'violation' | 'best-practice' | 'needs-review' | 'excepted';

export interface LedgerRow {
  url: string;
  template: string;
  /** Playwright project: desktop (1280×800) or phone (390×844). */
  viewport: string;
  /** default, banner-expanded, menu-open, reflow-320, text-200, text-spacing, forced-colors, reduced-motion, no-js, keyboard. */
  mode: string;
  engine: 'axe' | 'suite';
  level: Level;
  rule: string;
  impact: string;
  /** WCAG success criteria, space-separated ("1.4.3 1.4.6"). */
  wcag: string;
  /** A, AA, AAA or '' (best practice). */
  wcagLevel: string;
  /** Section 508 ICT Testing Baseline ids (suite checks) or Trusted Tester ids (axe TT tags). */
  baseline: string;
  selector: string;
  html: string;
  message: string;
  helpUrl: string;
  axeVersion: string;
  browser: string;
  date: string;
  commit: string;
}

export const LEDGER_COLUMNS: ReadonlyArray<keyof LedgerRow> = [
  'url', 'template', 'viewport', 'mode', 'engine', 'level', 'rule', 'impact', 'wcag', 'wcagLevel', 'baseline',
  'selector', 'html', 'message', 'helpUrl', 'axeVersion', 'browser', 'date', 'commit',
];

/** What one run of one check on one page in one mode attaches to its test (attachment "a11y-ledger"). */
export interface LedgerEntry {
  check: string;
  url: string;
  template: string;
  viewport: string;
  mode: string;
  rows: LedgerRow[];
}

export const LEDGER_ATTACHMENT = 'a11y-ledger';

/** "wcag1412" → "1.4.12" (axe's success-criterion tags, doc/API.md "Axe-core Tags"). */
export function successCriteria(tags: readonly string[]): string[] {
  return tags.flatMap((tag) => {
    const match = /^wcag(\d)(\d)(\d+)$/.exec(tag);
    return match ? [`${match[1]}.${match[2]}.${match[3]}`] : [];
  });
}

export function wcagLevel(tags: readonly string[]): string {
  if (tags.some((t) => /^wcag2\d?a$/.test(t))) return 'A';
  if (tags.some((t) => /^wcag2\d?aa$/.test(t))) return 'AA';
  if (tags.some((t) => /^wcag2\d?aaa$/.test(t))) return 'AAA';
  return '';
}

/** Trusted Tester test ids from axe tags ("TT6.a"). */
export function trustedTesterIds(tags: readonly string[]): string[] {
  return tags.filter((t) => /^TT\d+\.[a-z]$/i.test(t));
}

/** Collapse whitespace and cut to `max` characters (ledger cells stay readable). */
export function snippet(html: string, max = 300): string {
  const flat = html.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Minimal shapes of axe's results object that the ledger reads. */
export interface AxeNodeLike {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
export interface AxeRuleResultLike {
  id: string;
  impact?: string | null;
  tags: string[];
  help: string;
  helpUrl: string;
  nodes: AxeNodeLike[];
}

export function selectorOf(node: AxeNodeLike): string {
  return node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' ');
}

export type RowContext = Pick<LedgerRow, 'url' | 'template' | 'viewport' | 'mode' | 'axeVersion' | 'browser' | 'date' | 'commit'>;

export function axeRows(result: AxeRuleResultLike, level: Level, context: RowContext, isExcepted: (selector: string) => boolean): LedgerRow[] {
  return result.nodes.map((node) => {
    const selector = selectorOf(node);
    return {
      ...context,
      engine: 'axe',
      level: level === 'violation' && isExcepted(selector) ? 'excepted' : level,
      rule: result.id,
      impact: result.impact ?? '',
      wcag: successCriteria(result.tags).join(' '),
      wcagLevel: wcagLevel(result.tags),
      baseline: trustedTesterIds(result.tags).join(' '),
      selector,
      html: snippet(node.html),
      message: snippet(node.failureSummary ?? result.help, 500),
      helpUrl: result.helpUrl,
    };
  });
}

export function findingRow(finding: Finding, context: RowContext, excepted: boolean): LedgerRow {
  return {
    ...context,
    engine: 'suite',
    level: excepted ? 'excepted' : 'violation',
    rule: `${finding.check}/${finding.rule}`,
    impact: finding.impact,
    wcag: finding.wcag.join(' '),
    wcagLevel: '',
    baseline: finding.baseline.join(' '),
    selector: finding.selector,
    html: snippet(finding.html),
    message: finding.message,
    helpUrl: '',
  };
}

/** RFC 4180 CSV with a header row; cells that start like a formula are prefixed with ' for spreadsheets. */
export function toCsv(rows: readonly LedgerRow[]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [LEDGER_COLUMNS.join(','), ...rows.map((row) => LEDGER_COLUMNS.map((column) => cell(String(row[column]))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
