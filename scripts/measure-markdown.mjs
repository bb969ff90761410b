#!/usr/bin/env node
// Measures how long remark (remark-parse + remark-frontmatter + remark-gfm, the site's parser) takes
// on pathological Markdown (CPU time) and how much memory it uses (peak RSS growth), by input size. Each case runs in its own
// process with a time cap, so a hang cannot stop the run. Decision 0016 records the numbers.
//   node scripts/measure-markdown.mjs [case ...] [--sizes=1000,10000,100000] [--cap=10]
//   node scripts/measure-markdown.mjs --at-limits     the worst inputs within lib/content/limits.ts
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/** Each generator returns about `n` bytes of hostile Markdown (after a minimal front matter). */
export const GENERATORS = {
  'nested blockquote (> > > …)': (n) => '> '.repeat(Math.floor(n / 2)) + 'a\n',
  'nested blockquote, one per line': (n) => Array.from({ length: Math.floor(Math.sqrt(n)) }, (_, i) => '>'.repeat(i + 1) + ' a').join('\n'),
  'nested list (indented)': (n) => {
    const lines = [];
    let size = 0;
    for (let depth = 0; size < n; depth += 1) {
      const line = `${'  '.repeat(depth)}- a`;
      lines.push(line);
      size += line.length + 1;
    }
    return lines.join('\n');
  },
  'nested list (- - - …)': (n) => '- '.repeat(Math.floor(n / 2)) + 'a\n',
  'emphasis run (*a)': (n) => '*a'.repeat(Math.floor(n / 2)) + '\n',
  'emphasis run (_a)': (n) => '_a'.repeat(Math.floor(n / 2)) + '\n',
  'emphasis run over lines (*a, 80 per line)': (n) => Array.from({ length: Math.floor(n / 161) }, () => '*a'.repeat(80)).join('\n') + '\n',
  'link openers ([a)': (n) => '[a'.repeat(Math.floor(n / 2)) + '\n',
  'link openers over lines ([a, 80 per line)': (n) => Array.from({ length: Math.floor(n / 161) }, () => '[a'.repeat(80)).join('\n') + '\n',
  'nested links ([[[…]]])': (n) => '['.repeat(Math.floor(n / 2)) + 'a' + ']'.repeat(Math.floor(n / 2)) + '\n',
  'image openers (![a)': (n) => '![a'.repeat(Math.floor(n / 3)) + '\n',
  'backtick runs (`a``a```…)': (n) => {
    let s = '';
    for (let i = 1; s.length < n; i += 1) s += '`'.repeat(i) + 'a';
    return s + '\n';
  },
  'unclosed code spans (`a repeated)': (n) => '`a'.repeat(Math.floor(n / 2)) + '\n',
  'table with many columns': (n) => {
    const cols = Math.floor(n / 8);
    return `${'|a'.repeat(cols)}|\n${'|-'.repeat(cols)}|\n${'|b'.repeat(cols)}|\n`;
  },
  'table with many rows': (n) => `|a|b|\n|-|-|\n${'|c|d|\n'.repeat(Math.floor(n / 6))}`,
  'tables of 100 rows (blank line between)': (n) => `${'|a|b|\n|-|-|\n' + '|c|d|\n'.repeat(100)}\n`.repeat(Math.ceil(n / 620)),
  'closed emphasis (*a* *a* …)': (n) => Array.from({ length: Math.floor(n / 81) }, () => '*a* '.repeat(20)).join('\n\n') + '\n',
  'links ([a](b) …), 1,000 per paragraph': (n) => Array.from({ length: Math.ceil(n / 7000) }, () => '[a](b) '.repeat(1000)).join('\n\n') + '\n',
  'list items (- a)': (n) => '- a\n'.repeat(Math.floor(n / 4)),
  'one long line (plain text)': (n) => 'a'.repeat(n) + '\n',
  'plain paragraphs (real-ish text)': (n) => 'The quick brown fox jumps over the lazy dog. '.repeat(Math.floor(n / 45)).replace(/(.{400})/g, '$1\n\n'),
  'autolink literals (www.a.)': (n) => 'www.a.'.repeat(Math.floor(n / 6)) + '\n',
  'footnote definitions ([^a]: …)': (n) => Array.from({ length: Math.floor(n / 12) }, (_, i) => `[^${i}]: a [^${i}]`).join('\n') + '\n',
  'html-ish openers (<a)': (n) => '<a'.repeat(Math.floor(n / 2)) + '\n',
  'entity-ish (&#)': (n) => '&#'.repeat(Math.floor(n / 2)) + '\n',
  'huge front matter (YAML)': () => '',
};

const paragraphs = (count, text) => Array.from({ length: count }, () => text).join('\n\n') + '\n';

/**
 * The worst inputs found that pass every limit of lib/content/limits.ts (256 KB, 5,000 lines, 2,500
 * marks, 500 delimiters a paragraph, nesting 16, indentation 64): what a file can still cost.
 */
export const AT_LIMITS = {
  '2,500 list items (- a)': () => '- a\n'.repeat(2_490),
  '800 table rows (|c|d|)': () => `|a|b|\n|-|-|\n${'|c|d|\n'.repeat(800)}`,
  '5 paragraphs of 500 *a': () => paragraphs(4, '*a'.repeat(500)),
  '5 paragraphs of 250 links': () => paragraphs(4, '[a](b) '.repeat(250)),
  '5 paragraphs of 250 nested [': () => paragraphs(4, '['.repeat(250) + 'a' + ']'.repeat(250)),
  '5 paragraphs of 500 backtick runs': () => paragraphs(4, Array.from({ length: 30 }, (_, i) => '`'.repeat(i + 1) + 'a').join('').slice(0, 600)),
  '150 lines nested 16 deep (> )': () => `${'> '.repeat(16)}a\n`.repeat(150),
  '150 lines of 16 list markers': () => `${'- '.repeat(16)}a\n`.repeat(150),
  'indented list to 64 columns, 2,490 lines': () => Array.from({ length: 2_490 }, (_, i) => `${' '.repeat((i % 32) * 2)}- a`).join('\n'),
  '620 footnotes': () => Array.from({ length: 615 }, (_, i) => `[^${i}]: a`).join('\n\n'),
  '256 KB of prose in 4,990 lines': () => Array.from({ length: 4_990 }, () => 'The quick brown fox jumps over the lazy dog. a b c'.padEnd(52, '.')).join('\n'),
  '256 KB on 26 lines of 10,000 characters': () => Array.from({ length: 26 }, () => 'word '.repeat(2_000)).join('\n'),
  '39 rows of 64 columns': () => Array.from({ length: 39 }, () => '|a'.repeat(63) + '|').join('\n'),
};

function frontMatter(name, n) {
  if (name === 'huge front matter (YAML)') return `---\ntitle: x\n${Array.from({ length: Math.floor(n / 12) }, (_, i) => `k${i}: v${i}`).join('\n')}\n---\n`;
  return '---\ntitle: x\n---\n';
}

async function runOne(name, n) {
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkFrontmatter = (await import('remark-frontmatter')).default;
  const remarkGfm = (await import('remark-gfm')).default;
  const source = frontMatter(name, n) + (AT_LIMITS[name] ?? GENERATORS[name])(n);
  const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  const before = process.memoryUsage().rss;
  // CPU time, not wall time: the machine may be shared, and a busy neighbour should not move the numbers.
  const start = process.cpuUsage();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  let outcome = 'ok';
  try {
    parser.parse(source);
  } catch (error) {
    outcome = error instanceof RangeError ? 'stack overflow' : String(error).slice(0, 40);
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  process.stdout.write(JSON.stringify({ bytes: source.length, ms: Math.round(ms), mb: Math.round((peak - before) / 1e6), outcome }));
}

if (process.argv[2] === '--one') {
  await runOne(process.argv[3], Number(process.argv[4]));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flag = (key, fallback) => process.argv.find((arg) => arg.startsWith(`--${key}=`))?.split('=')[1] ?? fallback;
  const sizes = flag('sizes', '1000,10000,100000,250000').split(',').map(Number);
  const cap = Number(flag('cap', '10'));
  if (process.argv.includes('--at-limits')) {
    for (const name of Object.keys(AT_LIMITS)) {
      const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', name, '0'], { encoding: 'utf8', timeout: cap * 1000 });
      const cell = result.error || result.signal ? `> ${cap} s` : (() => {
        const { bytes, ms, mb, outcome } = JSON.parse(result.stdout);
        return `${Math.round(bytes / 1024)} KB: ${ms} ms ${mb} MB${outcome === 'ok' ? '' : ` (${outcome})`}`;
      })();
      console.log(`${name.padEnd(45)} ${cell}`);
    }
    process.exit(0);
  }
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  for (const name of names.length > 0 ? names : Object.keys(GENERATORS)) {
    const cells = [];
    for (const n of sizes) {
      const result = spawnSync(process.execPath, ['--stack-size=984', fileURLToPath(import.meta.url), '--one', name, String(n)], {
        encoding: 'utf8',
        timeout: cap * 1000,
      });
      if (result.error || result.signal) {
        cells.push(`${n / 1000} KB: > ${cap} s`);
        break; // larger inputs only take longer
      }
      const { ms, mb, outcome } = JSON.parse(result.stdout);
      cells.push(`${n / 1000} KB: ${ms} ms ${mb} MB${outcome === 'ok' ? '' : ` (${outcome})`}`);
    }
    console.log(`${name.padEnd(45)} ${cells.join(' | ')}`);
  }
}
