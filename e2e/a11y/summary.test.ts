import { describe, expect, it } from 'vitest';
import type { LedgerEntry, LedgerRow } from './ledger';
import { buildSummary } from './summary';
import type { TargetList } from './targets';

const base = {
  template: 'article', viewport: 'desktop', engine: 'axe', impact: 'serious', wcag: '1.4.3', wcagLevel: 'AA', baseline: '',
  html: '<p>', message: 'm', helpUrl: 'https://dequeuniversity.com/rules/axe/4.13/color-contrast', axeVersion: '4.13.2',
  browser: 'chromium 156', date: '2026-11-28', commit: 'abc',
} as const;
const row = (over: Partial<LedgerRow>): LedgerRow => ({ ...base, url: 'http://x/news/a', mode: 'default', level: 'violation', rule: 'color-contrast', selector: 'p', ...over });
const entry = (check: string, url: string, rows: LedgerRow[], mode = 'default', viewport = 'desktop'): LedgerEntry => ({ check, url, template: 'article', viewport, mode, rows });

const targets: TargetList = {
  baseURL: 'http://x',
  discoveredAt: '2026-11-28',
  source: 'sitemap',
  targets: [
    { path: '/news/a', template: 'article', state: 'page', expectedStatus: 200, source: 'sitemap' },
    { path: '/nope', template: '404', state: 'not-found', expectedStatus: 404, source: 'state' },
  ],
  notChecked: ['draft in preview: PREVIEW_SECRET is not set'],
};

describe('the Markdown summary', () => {
  it('passes a clean run and lists pages, states and checks', () => {
    const md = buildSummary({
      targets,
      entries: [entry('axe', 'http://x/news/a', []), entry('structure', 'http://x/news/a', []), entry('axe', 'http://x/news/a', [], 'default', 'phone')],
      tests: [{ title: 'a', project: 'desktop', status: 'passed' }],
      generatedAt: '2026-11-28T12:00:00Z',
    });
    expect(md).toContain('**PASSED**: 1 tests, 1 passed, 0 failed; 0 violation(s)');
    expect(md).toContain('1 URLs from the sitemap and 1 states a crawl does not reach, in 2 templates');
    expect(md).toContain('| not-found | /nope | 404 |');
    expect(md).toContain('- draft in preview: PREVIEW_SECRET is not set');
    expect(md).toContain('| axe | default | 2 | 1 | desktop, phone | 0 |');
    expect(md).toContain('| /news/a | article | axe @ desktop; axe @ phone; structure @ desktop | 0 |');
  });

  it('fails a run with violations and groups them by rule and page; keeps review items apart', () => {
    const md = buildSummary({
      targets,
      entries: [
        entry('axe', 'http://x/news/a', [row({}), row({ selector: 'h2' }), row({ level: 'needs-review', rule: 'link-in-text-block', selector: 'a' })]),
        entry('reflow', 'http://x/nope', [row({ engine: 'suite', rule: 'reflow/page-scrolls-sideways', url: 'http://x/nope', selector: '', mode: 'reflow-320', wcag: '1.4.10' })], 'reflow-320', 'phone'),
      ],
      tests: [{ title: 'a', project: 'desktop', status: 'failed', error: 'expected [] to equal' }],
      generatedAt: '2026-11-28T12:00:00Z',
    });
    expect(md).toContain('**FAILED**: 1 tests, 0 passed, 1 failed; 3 violation(s) on 2 page(s)');
    expect(md).toMatch(/\| color-contrast \| axe \| serious \| 1\.4\.3 \| 1 \| 2 \| https:/);
    expect(md).toContain('| /nope | desktop | reflow-320 | reflow/page-scrolls-sideways | (page) |');
    expect(md).toMatch(/## Needs manual review[\s\S]*\| link-in-text-block \| axe/);
    expect(md).toContain('## Tests that failed');
  });
});
