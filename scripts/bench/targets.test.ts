import { describe, expect, it } from 'vitest';
import { growthPer10x, growthSteps, parseContentLine, targetsTable, verdict } from './targets.mjs';

describe('the content step line of a build', () => {
  it('reads parsed, total, cached files and milliseconds', () => {
    const log = ['> prebuild', 'content: parsed 1 of 100000 files (99999 from cache) in 812 ms', '   ▲ Next.js 16'].join('\n');
    expect(parseContentLine(log)).toEqual({ parsed: 1, total: 100000, fromCache: 99999, ms: 812, lines: 1 });
  });

  it('takes the last of several lines and says how many there were', () => {
    const log = 'content: parsed 10 of 10 files (0 from cache) in 5.5 ms\ncontent: parsed 0 of 10 files (10 from cache) in 2 ms\n';
    expect(parseContentLine(log)).toEqual({ parsed: 0, total: 10, fromCache: 10, ms: 2, lines: 2 });
  });

  it('is undefined when the build printed no such line, or another wording', () => {
    expect(parseContentLine('Compiled successfully\n')).toBeUndefined();
    expect(parseContentLine('content: parsed some of 10 files (0 from cache) in 2 ms')).toBeUndefined();
  });
});

describe('growth per 10× articles', () => {
  it('is 10 for a linear cost and 100 for a quadratic one, whatever the step between sizes', () => {
    expect(growthPer10x({ size: 1000, value: 30 }, { size: 10000, value: 300 })).toBeCloseTo(10);
    expect(growthPer10x({ size: 200, value: 4 }, { size: 1000, value: 100 })).toBeCloseTo(100);
    expect(growthPer10x({ size: 1000, value: 60 }, { size: 10000, value: 60 })).toBeCloseTo(1);
  });

  it('is NaN when a point is missing or zero', () => {
    expect(growthPer10x({ size: 1000, value: Number.NaN }, { size: 10000, value: 3 })).toBeNaN();
    expect(growthPer10x({ size: 1000, value: 0 }, { size: 10000, value: 3 })).toBeNaN();
  });

  it('steps between consecutive measured sizes in ascending order', () => {
    const steps = growthSteps([
      { size: 100000, value: 4000 },
      { size: 1000, value: 40 },
      { size: 10000, value: Number.NaN },
    ]);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ from: 1000, to: 100000 });
    expect(steps[0]!.growth).toBeCloseTo(10);
  });
});

describe('the targets table', () => {
  it('judges every known value against the limit', () => {
    expect(verdict([{ size: 1, value: 5 }, { size: 2, value: 10 }], 10)).toBe('PASS');
    expect(verdict([{ size: 1000, value: 5 }, { size: 10000, value: 11 }], 10)).toBe('FAIL (10k)');
    expect(verdict([{ size: 1000, value: Number.NaN }, { size: 10000, value: 9 }], 10)).toBe('PASS (n/a at 1k)');
    expect(verdict([{ size: 1000, value: Number.NaN }], 10)).toBe('n/a');
  });

  it('writes one row per target with a column per size, the growth and the verdict', () => {
    const text = targetsTable([10000, 1000], [
      { name: 'build', limit: '≤ 10 min', max: 600, values: { 1000: 30, 10000: 600 }, format: (s) => `${s} s`, growth: true, maxGrowth: 10 },
      { name: 'first search', limit: '≤ 1 s', max: 1000, values: { 1000: 200 }, format: (ms) => `${ms} ms` },
      { name: 'one-article rebuild', limit: 'report', values: { 10000: 90 }, format: (s) => `${s} s` },
    ]);
    expect(text.split('\n')).toEqual([
      '| target | limit | 1,000 articles | 10,000 articles | growth per 10× | verdict |',
      '| --- | --- | ---: | ---: | --- | --- |',
      '| build | ≤ 10 min | 30 s | 600 s | ×20.0 (1k→10k) | **FAIL (grows faster than ×10 per 10×)** |',
      '| first search | ≤ 1 s | 200 ms | n/a |  | **PASS (n/a at 10k)** |',
      '| one-article rebuild | report | n/a | 90 s |  | **report** |',
    ]);
  });
});
