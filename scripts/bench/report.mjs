// Pure helpers of the benchmark (scripts/bench/run.mjs): statistics, units, Markdown tables,
// parsing of `/usr/bin/time -v`. No I/O here, so each is unit-tested (report.test.ts).

/** The p-th percentile (0–100) of `values` by linear interpolation between closest ranks; NaN when empty. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** `a / b` as text with two decimals, or "n/a" when either is missing or b is 0. */
export function ratio(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  return (a / b).toFixed(2);
}

export function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return 'n/a';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Thousands separators, and `digits` decimals: 12345.6 → "12,346". */
export function formatNumber(value, digits = 0) {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatSeconds(seconds) {
  if (!Number.isFinite(seconds)) return 'n/a';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}

const escapeCell = (cell) => String(cell ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A GitHub Markdown table; columns whose header starts with a digit-free "#" or whose cells are numbers are right-aligned. */
export function table(headers, rows, align = headers.map((_, i) => (i === 0 ? 'left' : 'right'))) {
  const rule = align.map((side) => (side === 'right' ? '---:' : '---'));
  return [headers, rule, ...rows].map((cells, index) => `| ${(index === 1 ? cells : cells.map(escapeCell)).join(' | ')} |`).join('\n');
}

/**
 * The figures of `/usr/bin/time -v`: wall seconds, peak RSS of the largest single process (bytes),
 * and exit status. GNU time reports the maximum over the process and its waited-for children, not their sum.
 */
export function parseGnuTime(text) {
  const field = (label) => text.match(new RegExp(`^\\s*${label}: (.+)$`, 'm'))?.[1]?.trim();
  const elapsed = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
  let wallSeconds = Number.NaN;
  if (elapsed) {
    const parts = elapsed.split(':').map(Number);
    wallSeconds = parts.reduce((total, part) => total * 60 + part, 0);
  }
  const maxRssKb = Number(field('Maximum resident set size \\(kbytes\\)'));
  const exit = Number(field('Exit status') ?? Number.NaN);
  return { wallSeconds, peakRssBytes: maxRssKb * 1024, exitStatus: exit };
}

const BARS = '▁▂▃▄▅▆▇█';

/** An ASCII-art sparkline of `values`, scaled between their minimum and maximum. */
export function sparkline(values) {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  return values.map((v) => BARS[max === min ? 0 : Math.round(((v - min) / (max - min)) * (BARS.length - 1))]).join('');
}

/**
 * Whether memory levels off: the mean of the last third of the samples is within `tolerance`
 * (a fraction) of the mean of the middle third. Growth past that is reported as still rising.
 */
export function levelsOff(values, tolerance = 0.05) {
  if (values.length < 6) return { levels: false, growth: Number.NaN, reason: 'too few samples' };
  const third = Math.floor(values.length / 3);
  const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
  const middle = mean(values.slice(third, 2 * third));
  const last = mean(values.slice(2 * third));
  const growth = (last - middle) / middle;
  return { levels: growth <= tolerance, growth, reason: growth <= tolerance ? 'levels off' : 'still rising' };
}

/** The summary of one autocannon result: what the report shows per target and URL. */
export function summarizeLoad(result) {
  const non2xx = result.non2xx ?? 0;
  return {
    requestsPerSecond: result.requests?.average ?? Number.NaN,
    p50: result.latency?.p50 ?? Number.NaN,
    p99: result.latency?.p99 ?? Number.NaN,
    total: result.requests?.total ?? 0,
    non2xx,
    errors: (result.errors ?? 0) + (result.timeouts ?? 0),
  };
}

/** autocannon's `statusCodeStats` as text, most frequent first: "429 × 9,870, 200 × 130"; "none" when empty. */
export function statusMix(statusCodeStats = {}) {
  const entries = Object.entries(statusCodeStats).map(([status, { count }]) => [status, Number(count)]).filter(([, count]) => count > 0);
  if (entries.length === 0) return 'none';
  return entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([status, count]) => `${status} × ${formatNumber(count)}`).join(', ');
}

/** Parses `--name=value`/`--flag` arguments; `--only=a,b` becomes a Set. */
export function parseFlags(argv) {
  const flags = {};
  for (const arg of argv) {
    const match = arg.match(/^--([a-z-]+)(?:=(.*))?$/);
    if (!match) throw new Error(`bench: unknown argument "${arg}"; expected --name or --name=value`);
    flags[match[1]] = match[2] ?? true;
  }
  return flags;
}
