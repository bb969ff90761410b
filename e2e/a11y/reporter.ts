/**
 * Playwright reporter of the accessibility audit. Collects every "a11y-ledger" attachment and
 * writes, in reports/accessibility/:
 *   violations.json  every ledger row (violations, best practice, needs review, excepted)
 *   violations.csv   the same rows, one per line, for a spreadsheet
 *   summary.md       pages and states checked, checks run, violations by rule and by page
 * The HTML report (html/) and JUnit XML (junit.xml) come from Playwright's own reporters.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { LEDGER_ATTACHMENT, toCsv, type LedgerEntry } from './ledger';
import { buildSummary, type TestOutcome } from './summary';
import { REPORT_DIR, TARGETS_FILE, type TargetList } from './targets';

const OUTPUTS = ['violations.json', 'violations.csv', 'summary.md'];

export default class AccessibilityLedgerReporter implements Reporter {
  /** Per test id; a retried test reports each attempt and the last one counts. */
  private entries = new Map<string, LedgerEntry[]>();
  private tests = new Map<string, TestOutcome>();

  onBegin(): void {
    for (const file of OUTPUTS) rmSync(path.join(REPORT_DIR, file), { force: true });
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.entries.set(
      test.id,
      result.attachments
        .filter((attachment) => attachment.name === LEDGER_ATTACHMENT && attachment.body)
        .map((attachment) => JSON.parse(attachment.body?.toString('utf8') ?? '{}') as LedgerEntry),
    );
    this.tests.set(test.id, {
      title: test.titlePath().slice(3).join(' › '),
      project: test.parent.project()?.name ?? '',
      status: result.status,
      error: result.error?.message?.replace(/\u001b\[\d+m/g, ''),
    });
  }

  onEnd(result: FullResult): void {
    mkdirSync(REPORT_DIR, { recursive: true });
    const targets = existsSync(TARGETS_FILE) ? (JSON.parse(readFileSync(TARGETS_FILE, 'utf8')) as TargetList) : undefined;
    const entries = [...this.entries.values()].flat();
    const rows = entries.flatMap((e) => e.rows);
    writeFileSync(path.join(REPORT_DIR, 'violations.json'), `${JSON.stringify(rows, null, 2)}\n`);
    writeFileSync(path.join(REPORT_DIR, 'violations.csv'), toCsv(rows));
    const summary = buildSummary({ targets, entries, tests: [...this.tests.values()], generatedAt: new Date().toISOString() });
    writeFileSync(path.join(REPORT_DIR, 'summary.md'), summary);
    const violations = rows.filter((r) => r.level === 'violation').length;
    const relative = (file: string) => path.relative(process.cwd(), path.join(REPORT_DIR, file));
    console.log(
      `\naccessibility audit (${result.status}): ${new Set(entries.map((e) => e.url)).size} URLs, ${entries.length} check runs, ${violations} violation(s), ` +
        `${rows.filter((r) => r.level === 'needs-review').length} element(s) for manual review.\n` +
        `  summary: ${relative('summary.md')}  ledger: ${relative('violations.csv')} and .json  HTML: npx playwright show-report ${relative('html')}`,
    );
  }

  printsToStdio(): boolean {
    return false;
  }
}
