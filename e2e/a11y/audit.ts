/**
 * What the audit specs do on a page: open a target, run axe or a suite check, write the results
 * into the ledger (a test attachment the reporter collects), attach a screenshot, and hand back
 * what must fail the test.
 */
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { NOT_FOUND_RESOURCE, WCAG_TAGS, type ConsoleErrors, waitForUswds } from '../fixtures';
import { previewLink } from '../support/preview';
import { exceptionFor } from './exceptions';
import { describeFindings, type Finding } from './findings';
import { axeRows, findingRow, LEDGER_ATTACHMENT, type LedgerEntry, type LedgerRow, type RowContext } from './ledger';
import type { Target } from './targets';

/**
 * Best-practice rules that fail the audit like WCAG rules (checklist item 79): each is about
 * structure a screen-reader user relies on. The other best-practice rules are reported only.
 */
export const BLOCKING_BEST_PRACTICE = [
  'landmark-one-main',
  'page-has-heading-one',
  'region',
  'heading-order',
  'landmark-unique',
  'empty-heading',
  'skip-link',
];

let commit: string | undefined;
function gitCommit(): string {
  if (commit === undefined) {
    try {
      commit = process.env.GITHUB_SHA ?? execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      commit = '';
    }
  }
  return commit;
}

function rowContext(page: Page, testInfo: TestInfo, target: Target, mode: string, axeVersion = ''): RowContext {
  const browser = page.context().browser();
  return {
    // The target's own URL (a search keeps its query; a site-wide check names /*).
    url: new URL(target.path, page.url()).href,
    template: target.template,
    viewport: testInfo.project.name,
    mode,
    axeVersion,
    browser: browser ? `${browser.browserType().name()} ${browser.version()}` : '',
    date: new Date().toISOString(),
    commit: gitCommit(),
  };
}

async function attachLedger(testInfo: TestInfo, check: string, context: RowContext, rows: LedgerRow[]): Promise<void> {
  const entry: LedgerEntry = { check, url: context.url, template: context.template, viewport: context.viewport, mode: context.mode, rows };
  await testInfo.attach(LEDGER_ATTACHMENT, { body: JSON.stringify(entry), contentType: 'application/json' });
}

/**
 * Opens a target: a preview link freshly signed for a draft, the page itself otherwise. Checks the
 * status, and waits for the USWDS behaviours unless the page's scripts are blocked.
 */
export async function openTarget(page: Page, target: Target, consoleErrors: ConsoleErrors, options: { scripts?: boolean } = {}): Promise<void> {
  if (target.expectedStatus === 404) consoleErrors.allow(NOT_FOUND_RESOURCE);
  const url = target.previewSlug ? previewLink(target.previewSlug) : target.path;
  const response = await page.goto(url);
  expect(response?.status(), `${target.path} answers ${target.expectedStatus}`).toBe(target.expectedStatus);
  if (target.previewSlug) expect(new URL(page.url()).pathname, 'the preview link lands on the draft').toBe(target.path);
  if (options.scripts !== false) await waitForUswds(page);
}

/**
 * One axe run with the WCAG 2.0–2.2 A/AA tags and best-practice. WCAG rules and
 * BLOCKING_BEST_PRACTICE fail; other best-practice rules and "incomplete" (needs review) are
 * written to the ledger only. Returns the failing rows.
 */
export async function runAxe(page: Page, testInfo: TestInfo, target: Target, mode: string): Promise<LedgerRow[]> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
  await testInfo.attach(`axe ${mode}.json`, { body: JSON.stringify(results, null, 2), contentType: 'application/json' });
  const context = rowContext(page, testInfo, target, mode, results.testEngine.version);
  const path = new URL(page.url()).pathname;
  const blocks = (tags: string[], id: string) => tags.some((t) => WCAG_TAGS.includes(t)) || BLOCKING_BEST_PRACTICE.includes(id);
  const rows = [
    ...results.violations.flatMap((v) =>
      axeRows(v, blocks(v.tags, v.id) ? 'violation' : 'best-practice', context, (selector) => !!exceptionFor(v.id, selector, path)),
    ),
    ...results.incomplete.flatMap((v) => axeRows(v, 'needs-review', context, () => false)),
  ];
  await attachLedger(testInfo, 'axe', context, rows);
  return rows.filter((row) => row.level === 'violation');
}

/**
 * Fails the test with one line per row when axe found a blocking violation. Soft: the test goes
 * on to its other checks, so one run reports everything wrong with a page.
 */
export function expectNoViolations(rows: readonly LedgerRow[], label: string): void {
  expect.soft(
    rows.map((row) => `${row.rule}: ${row.selector}`),
    `axe found ${rows.length} violation(s) on ${label}:\n${rows.map((r) => `  [${r.impact}] ${r.rule} (WCAG ${r.wcag || '-'}) ${r.selector}\n    ${r.html}\n    ${r.helpUrl}`).join('\n')}`,
  ).toEqual([]);
}

/** Writes a suite check's findings into the ledger and fails the test (softly) on those not excepted. */
export async function expectNoFindings(page: Page, testInfo: TestInfo, target: Target, mode: string, check: string, findings: readonly Finding[]): Promise<void> {
  const context = rowContext(page, testInfo, target, mode);
  const path = new URL(page.url()).pathname;
  const rows = findings.map((f) => findingRow(f, context, !!exceptionFor(`${f.check}/${f.rule}`, f.selector, path)));
  await attachLedger(testInfo, check, context, rows);
  const failing = findings.filter((_, index) => rows[index]?.level === 'violation');
  expect.soft(failing.map((f) => `${f.check}/${f.rule}: ${f.selector || '(page)'}`), `${check} on ${target.path} (${mode}):\n${describeFindings(failing)}`).toEqual([]);
}

/**
 * A screenshot of the page in this mode, attached for the HTML report. Only the page as it first
 * loads is shot whole: a full-page shot of a long article on a phone takes about a second, and
 * the other modes are judged by their checks, so their shot shows the viewport.
 */
export async function attachScreenshot(page: Page, testInfo: TestInfo, mode: string, { fullPage = false } = {}): Promise<void> {
  const body = await page.screenshot({ fullPage, type: 'jpeg', quality: 60, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(`screenshot ${mode}`, { body, contentType: 'image/jpeg' });
}
