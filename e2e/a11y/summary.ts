/**
 * The Markdown summary of an audit run (reports/accessibility/summary.md). Pure: built from the
 * ledger entries and the test outcomes the reporter collected; unit-tested in summary.test.ts.
 */
import type { LedgerEntry, LedgerRow } from './ledger';
import type { TargetList } from './targets';

export interface TestOutcome {
  title: string;
  project: string;
  status: string;
  error?: string;
}

export interface SummaryInput {
  targets?: TargetList;
  entries: readonly LedgerEntry[];
  tests: readonly TestOutcome[];
  generatedAt: string;
}

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return '_None._\n';
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`)].join('\n') + '\n';
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

const pathOf = (url: string) => {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
};

function byRule(rows: readonly LedgerRow[], withHelp = false): string {
  const groups = [...countBy(rows, (r) => r.rule)].sort((a, b) => b[1].length - a[1].length);
  return table(
    ['Rule', 'Engine', 'Impact', 'WCAG', 'Pages', 'Elements', ...(withHelp ? ['Help'] : [])],
    groups.map(([rule, items]) => [
      rule,
      items[0]?.engine ?? '',
      items[0]?.impact ?? '',
      items[0]?.wcag || '-',
      String(new Set(items.map((r) => pathOf(r.url))).size),
      String(items.length),
      ...(withHelp ? [items[0]?.helpUrl ?? ''] : []),
    ]),
  );
}

export function buildSummary({ targets, entries, tests, generatedAt }: SummaryInput): string {
  const rows = entries.flatMap((e) => e.rows);
  const violations = rows.filter((r) => r.level === 'violation');
  const failed = tests.filter((t) => t.status !== 'passed' && t.status !== 'skipped');
  const anyRow = rows[0];
  const axeVersion = rows.find((r) => r.axeVersion)?.axeVersion ?? '';
  const urls = new Set(entries.map((e) => pathOf(e.url)));
  const list = targets?.targets ?? [];
  const states = list.filter((t) => t.state !== 'page');
  const listed = list.filter((t) => t.source !== 'state');
  const out: string[] = [];

  out.push(`# Accessibility audit summary\n`);
  out.push(`- Site: ${targets?.baseURL ?? 'unknown'} (pages from its ${targets?.source ?? 'sitemap'})`);
  out.push(`- Run: ${generatedAt}${anyRow?.commit ? `, commit ${anyRow.commit}` : ''}`);
  out.push(`- Engines: axe-core ${axeVersion || 'not run'} (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa, best-practice) and the suite's own checks; browser ${rows.find((r) => r.browser)?.browser ?? 'unknown'}`);
  out.push(`- Result: **${failed.length === 0 && violations.length === 0 ? 'PASSED' : 'FAILED'}**: ${tests.length} tests, ${tests.length - failed.length} passed, ${failed.length} failed; ${violations.length} violation(s) on ${new Set(violations.map((r) => pathOf(r.url))).size} page(s)\n`);

  out.push(`## Pages and states checked\n`);
  out.push(
    `${listed.length} URLs from the ${targets?.source ?? 'sitemap'} and ${list.length - listed.length} states a crawl does not reach, in ` +
      `${new Set(list.map((t) => t.template)).size} templates; ${urls.size} distinct URLs were opened. States:\n`,
  );
  out.push(table(['State', 'URL', 'Template'], states.map((t) => [t.state, t.path, t.template])));
  if (targets?.notChecked.length) out.push(`Not checked on this site:\n\n${targets.notChecked.map((n) => `- ${n}`).join('\n')}\n`);

  out.push(`## Checks run\n`);
  const runs = [...countBy(entries, (e) => `${e.check}\u0000${e.mode}`)].sort((a, b) => a[0].localeCompare(b[0]));
  out.push(
    table(
      ['Check', 'Mode', 'Runs', 'Pages', 'Viewports', 'Violations'],
      runs.map(([key, items]) => {
        const [check = '', mode = ''] = key.split('\u0000');
        return [
          check,
          mode,
          String(items.length),
          String(new Set(items.map((e) => pathOf(e.url))).size),
          [...new Set(items.map((e) => e.viewport))].sort().join(', '),
          String(items.flatMap((e) => e.rows).filter((r) => r.level === 'violation').length),
        ];
      }),
    ),
  );

  out.push(`## Checks per page\n`);
  const perPage = [...countBy(entries, (e) => pathOf(e.url))].sort((a, b) => a[0].localeCompare(b[0]));
  out.push(
    table(
      ['URL', 'Template', 'Checks (check: mode @ viewport)', 'Violations'],
      perPage.map(([url, items]) => [
        url,
        items[0]?.template ?? '',
        [...new Set(items.map((e) => `${e.check}${e.mode === 'default' ? '' : `: ${e.mode}`} @ ${e.viewport}`))].sort().join('; '),
        String(items.flatMap((e) => e.rows).filter((r) => r.level === 'violation').length),
      ]),
    ),
  );

  out.push(`## Violations by rule\n`);
  out.push(byRule(violations, true));
  out.push(`## Violations by page\n`);
  out.push(
    table(
      ['URL', 'Viewport', 'Mode', 'Rule', 'Selector'],
      violations.map((r) => [pathOf(r.url), r.viewport, r.mode, r.rule, r.selector || '(page)']),
    ),
  );
  if (failed.length) {
    out.push(`## Tests that failed\n`);
    out.push(table(['Test', 'Viewport', 'Status', 'Error'], failed.map((t) => [t.title, t.project, t.status, (t.error ?? '').slice(0, 300)])));
  }
  out.push(`## Best practice (reported, not failing)\n`);
  out.push(byRule(rows.filter((r) => r.level === 'best-practice'), true));
  out.push(`## Needs manual review (axe "incomplete")\n`);
  out.push(`axe could not decide these (text over images or gradients, links told apart by colour alone, …). A person checks each; the ledger lists every element.\n`);
  out.push(byRule(rows.filter((r) => r.level === 'needs-review'), true));
  out.push(`## Exceptions applied\n`);
  out.push(byRule(rows.filter((r) => r.level === 'excepted')));
  out.push(`Full detail: violations.csv / violations.json (every row), junit.xml, and the HTML report in html/ (axe JSON and a screenshot per page and mode).\n`);
  return out.join('\n');
}
