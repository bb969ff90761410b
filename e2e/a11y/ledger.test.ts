import { describe, expect, it } from 'vitest';
import { axeRows, findingRow, snippet, successCriteria, toCsv, trustedTesterIds, wcagLevel, type RowContext } from './ledger';

const context: RowContext = {
  url: 'http://127.0.0.1:3100/news/a',
  template: 'article',
  viewport: 'desktop',
  mode: 'default',
  axeVersion: '4.13.2',
  browser: 'chromium 156',
  date: '2026-11-28T12:00:00.000Z',
  commit: 'abc123',
};

describe('WCAG success criteria from axe tags', () => {
  it('turns wcagXYZ tags into X.Y.Z and ignores level and other tags', () => {
    expect(successCriteria(['cat.color', 'wcag2aa', 'wcag143', 'wcag1412', 'wcag21aa', 'TT13.c'])).toEqual(['1.4.3', '1.4.12']);
  });
  it('names the conformance level', () => {
    expect(wcagLevel(['wcag2a', 'wcag111'])).toBe('A');
    expect(wcagLevel(['wcag22aa', 'wcag258'])).toBe('AA');
    expect(wcagLevel(['best-practice'])).toBe('');
  });
  it('keeps the Trusted Tester ids', () => {
    expect(trustedTesterIds(['TTv5', 'TT6.a', 'wcag111'])).toEqual(['TT6.a']);
  });
});

describe('ledger rows', () => {
  const result = {
    id: 'image-alt',
    impact: 'critical',
    tags: ['wcag2a', 'wcag111', 'TT7.a'],
    help: 'Images must have alternative text',
    helpUrl: 'https://dequeuniversity.com/rules/axe/4.13/image-alt',
    nodes: [
      { target: ['main', 'img'], html: '<img\n   src="a.jpg">', failureSummary: 'Fix any of the following:\n  Element does not have an alt attribute' },
      { target: [['iframe', 'img.x']], html: '<img class="x">' },
    ],
  };

  it('has one row per node with selector, criteria and help', () => {
    const rows = axeRows(result, 'violation', context, () => false);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      engine: 'axe', level: 'violation', rule: 'image-alt', impact: 'critical', wcag: '1.1.1', wcagLevel: 'A', baseline: 'TT7.a',
      selector: 'main img', html: '<img src="a.jpg">', helpUrl: result.helpUrl, axeVersion: '4.13.2', url: context.url,
    });
    expect(rows[0]?.message).toBe('Fix any of the following: Element does not have an alt attribute');
    expect(rows[1]?.selector).toBe('iframe >>> img.x');
    expect(rows[1]?.message).toBe('Images must have alternative text');
  });

  it('marks an excepted node, and only a violation can be excepted', () => {
    expect(axeRows(result, 'violation', context, (s) => s === 'main img').map((r) => r.level)).toEqual(['excepted', 'violation']);
    expect(axeRows(result, 'needs-review', context, () => true).map((r) => r.level)).toEqual(['needs-review', 'needs-review']);
  });

  it('writes a suite finding with its check in the rule', () => {
    const row = findingRow(
      { check: 'reflow', rule: 'page-scrolls-sideways', wcag: ['1.4.10'], baseline: [], impact: 'serious', selector: '', html: '', message: 'The page is 600 px wide' },
      context,
      false,
    );
    expect(row).toMatchObject({ engine: 'suite', level: 'violation', rule: 'reflow/page-scrolls-sideways', wcag: '1.4.10', message: 'The page is 600 px wide' });
  });

  it('cuts long snippets', () => {
    expect(snippet('a'.repeat(400))).toHaveLength(300);
    expect(snippet('a'.repeat(400)).endsWith('…')).toBe(true);
  });
});

describe('CSV', () => {
  it('has a header, quotes commas, quotes and newlines, and defuses formulas', () => {
    const row = axeRows(
      { id: 'x', impact: 'minor', tags: [], help: 'say "hi", then\nleave', helpUrl: '=HYPERLINK("evil")', nodes: [{ target: ['a'], html: '<a>' }] },
      'best-practice',
      context,
      () => false,
    )[0]!;
    const csv = toCsv([row]);
    const [header, line] = csv.split('\r\n');
    expect(header).toBe('url,template,viewport,mode,engine,level,rule,impact,wcag,wcagLevel,baseline,selector,html,message,helpUrl,axeVersion,browser,date,commit');
    expect(line).toContain('"say ""hi"", then leave"');
    expect(line).toContain(`"'=HYPERLINK(""evil"")"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
