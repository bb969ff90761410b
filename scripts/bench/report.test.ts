import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatSeconds,
  levelsOff,
  parseFlags,
  parseGnuTime,
  percentile,
  ratio,
  sparkline,
  statusMix,
  summarizeLoad,
  table,
} from './report.mjs';

describe('bench statistics', () => {
  it('interpolates percentiles between the closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 1, 5], 0)).toBe(1);
    expect(percentile([10, 1, 5], 100)).toBe(10);
    expect(percentile(Array.from({ length: 101 }, (_, i) => i), 99)).toBe(99);
    expect(percentile([], 50)).toBeNaN();
  });

  it('writes a ratio with two decimals, or n/a when it cannot be computed', () => {
    expect(ratio(8000, 10000)).toBe('0.80');
    expect(ratio(1740, 13950)).toBe('0.12');
    expect(ratio(5, 0)).toBe('n/a');
    expect(ratio(Number.NaN, 3)).toBe('n/a');
  });

  it('says whether memory levels off from the last third of the samples', () => {
    expect(levelsOff([100, 150, 200, 205, 206, 207, 207, 208, 208]).levels).toBe(true);
    expect(levelsOff([100, 120, 140, 160, 180, 200, 220, 240, 260]).reason).toBe('still rising');
    expect(levelsOff([1, 2]).reason).toBe('too few samples');
  });

  it('summarizes an autocannon result, counting timeouts as errors', () => {
    expect(
      summarizeLoad({ requests: { average: 1500.5, total: 30010 }, latency: { p50: 30, p99: 80 }, non2xx: 2, errors: 1, timeouts: 3 }),
    ).toEqual({ requestsPerSecond: 1500.5, p50: 30, p99: 80, total: 30010, non2xx: 2, errors: 4 });
  });
});

describe('bench report formatting', () => {
  it('formats bytes and durations for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(17755)).toBe('17 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatSeconds(42.25)).toBe('42.3 s');
    expect(formatSeconds(605)).toBe('10 min 05 s');
  });

  it('writes a Markdown table, right-aligning every column after the first and escaping pipes', () => {
    expect(table(['page', 'req/s'], [['home', '1,740'], ['a|b', 3]])).toBe(
      ['| page | req/s |', '| --- | ---: |', '| home | 1,740 |', '| a\\|b | 3 |'].join('\n'),
    );
  });

  it('draws a sparkline from the lowest to the highest sample', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5])).toBe('▁▁');
  });

  it('reads wall time, peak RSS and exit status from /usr/bin/time -v', () => {
    const text = [
      '\tCommand being timed: "node next build"',
      '\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02:03.5',
      '\tMaximum resident set size (kbytes): 611000',
      '\tExit status: 0',
    ].join('\n');
    expect(parseGnuTime(text)).toEqual({ wallSeconds: 3723.5, peakRssBytes: 611000 * 1024, exitStatus: 0 });
  });

  it('lists the status codes of a load run, most frequent first', () => {
    expect(statusMix({ '200': { count: 130 }, '429': { count: '9870' }, '500': { count: 0 } })).toBe('429 × 9,870, 200 × 130');
    expect(statusMix({})).toBe('none');
    expect(statusMix()).toBe('none');
  });

  it('parses --only lists and refuses other arguments', () => {
    expect(parseFlags(['--only=serving,soak', '--quick'])).toEqual({ only: 'serving,soak', quick: true });
    expect(() => parseFlags(['serving'])).toThrow('bench: unknown argument "serving"; expected --name or --name=value');
  });
});
