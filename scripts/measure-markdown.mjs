#!/usr/bin/env node
// Measures how long remark (remark-parse + remark-frontmatter + remark-gfm, the site's parser) takes
// on pathological Markdown (CPU time) and how much memory it uses (peak RSS growth), by input size. Each case runs in its own
// process with a time cap, so a hang cannot stop the run. Decision 0016 records the numbers.
//   node scripts/measure-markdown.mjs [case ...] [--sizes=1000,10000,100000] [--cap=10]
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

function frontMatter(name, n) {
  if (name === 'huge front matter (YAML)') return `---\ntitle: x\n${Array.from({ length: Math.floor(n / 12) }, (_, i) => `k${i}: v${i}`).join('\n')}\n---\n`;
  return '---\ntitle: x\n---\n';
}

async function runOne(name, n) {
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkFrontmatter = (await import('remark-frontmatter')).default;
  const remarkGfm = (await import('remark-gfm')).default;
  const source = frontMatter(name, n) + GENERATORS[name](n);
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
