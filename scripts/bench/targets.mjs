// @ts-check
// Pure helpers of the scale section's targets (issue 14): the build's content line, growth per
// 10× articles, and the one table of every target with its value at each corpus size and a verdict.
import { table } from './report.mjs';

/**
 * The content step's line in a build's output, `content: parsed P of N files (C from cache) in T ms`;
 * the last one when there are several (`lines` says how many), undefined when there is none.
 * @param {string} text
 * @returns {{ parsed: number; total: number; fromCache: number; ms: number; lines: number } | undefined}
 */
export function parseContentLine(text) {
  const matches = [...text.matchAll(/^content: parsed (\d+) of (\d+) files \((\d+) from cache\) in (\d+(?:\.\d+)?) ms\s*$/gm)];
  const last = matches.at(-1);
  if (!last) return undefined;
  return { parsed: Number(last[1]), total: Number(last[2]), fromCache: Number(last[3]), ms: Number(last[4]), lines: matches.length };
}

/**
 * How much a cost grows when the article count grows 10×, from two points: 10 is linear, 100 quadratic.
 * NaN when either point is missing or not positive.
 * @param {{ size: number; value: number }} from
 * @param {{ size: number; value: number }} to
 */
export function growthPer10x(from, to) {
  const ok = (/** @type {number} */ n) => Number.isFinite(n) && n > 0;
  if (!ok(from.size) || !ok(to.size) || !ok(from.value) || !ok(to.value) || from.size === to.size) return Number.NaN;
  return 10 ** (Math.log(to.value / from.value) / Math.log(to.size / from.size));
}

/**
 * Growth per 10× between each pair of consecutive sizes (ascending), skipping sizes without a value.
 * @param {{ size: number; value: number }[]} points
 * @returns {{ from: number; to: number; growth: number }[]}
 */
export function growthSteps(points) {
  const known = points.filter((p) => Number.isFinite(p.value)).sort((a, b) => a.size - b.size);
  return known.slice(1).map((to, i) => {
    const from = /** @type {{ size: number; value: number }} */ (known[i]);
    return { from: from.size, to: to.size, growth: growthPer10x(from, to) };
  });
}

/** 1000 → "1k", 100000 → "100k", 200 → "200". @param {number} size */
export const shortSize = (size) => (size >= 1000 && size % 1000 === 0 ? `${size / 1000}k` : String(size));

/**
 * PASS when every known value is at most `max`, FAIL when one is over, "n/a" when none is known;
 * "PASS (n/a at 1k)" when some sizes have no value.
 * @param {{ size: number; value: number }[]} points
 * @param {number} max
 */
export function verdict(points, max) {
  const known = points.filter((p) => Number.isFinite(p.value));
  if (known.length === 0) return 'n/a';
  const over = known.filter((p) => p.value > max);
  if (over.length > 0) return `FAIL (${over.map((p) => shortSize(p.size)).join(', ')})`;
  const missing = points.filter((p) => !Number.isFinite(p.value));
  return missing.length === 0 ? 'PASS' : `PASS (n/a at ${missing.map((p) => shortSize(p.size)).join(', ')})`;
}

/**
 * @typedef {object} Target
 * @property {string} name what is measured
 * @property {string} limit the target as text ("≤ 10 min"), or "report" when there is none
 * @property {number} [max] the largest passing value, in the unit of `values`
 * @property {Record<number, number>} values by corpus size; NaN or absent when not measured
 * @property {(value: number) => string} format
 * @property {boolean} [growth] show growth per 10× for this row
 * @property {number} [maxGrowth] the largest passing growth per 10× (10: linear); judged with the values
 */

/**
 * The Markdown table of targets: one row per target, one column per size, growth per 10× and the verdict.
 * @param {number[]} sizes
 * @param {Target[]} targets
 */
export function targetsTable(sizes, targets) {
  const ordered = [...sizes].sort((a, b) => a - b);
  const rows = targets.map((t) => {
    const points = ordered.map((size) => ({ size, value: t.values[size] ?? Number.NaN }));
    const steps = t.growth ? growthSteps(points) : [];
    const growthText = steps.length === 0 ? '' : steps.map((s) => `×${Number.isFinite(s.growth) ? s.growth.toFixed(1) : 'n/a'} (${shortSize(s.from)}→${shortSize(s.to)})`).join(', ');
    let judged = t.max === undefined ? 'report' : verdict(points, t.max);
    if (t.maxGrowth !== undefined && steps.some((s) => s.growth > /** @type {number} */ (t.maxGrowth))) {
      judged = `FAIL (grows faster than ×${t.maxGrowth} per 10×)`;
    }
    return [t.name, t.limit, ...points.map((p) => (Number.isFinite(p.value) ? t.format(p.value) : 'n/a')), growthText, `**${judged}**`];
  });
  return table(
    ['target', 'limit', ...ordered.map((size) => `${size.toLocaleString('en-US')} articles`), 'growth per 10×', 'verdict'],
    rows,
    ['left', 'left', ...ordered.map(() => /** @type {const} */ ('right')), 'left', 'left'],
  );
}
