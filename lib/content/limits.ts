import type { IssueList } from './issues';

/**
 * Limits on a content file, checked before the Markdown parser sees it: the parser (micromark)
 * takes time and memory far out of proportion to the input on some shapes (deep nesting, long
 * runs of emphasis or link delimiters, huge tables), and one such file would otherwise hold up a
 * build or a preview. Each limit is far above any real article (real articles are 5–30 KB, a long
 * transcript about 150 KB); the measurements are in docs/decisions/0016-content-limits-and-bounded-parsing.md
 * (scripts/measure-markdown.mjs makes them again).
 */
export const CONTENT_LIMITS = {
  /** Bytes of the whole file (UTF-8). */
  fileBytes: 256 * 1024,
  /** Characters on one line. */
  lineLength: 10_000,
  /** Block quote (`>`) and list markers (`-`, `*`, `+`, `1.`) opening one line. */
  nesting: 16,
  /** Columns of indentation at the start of a line (a tab counts 4). */
  indentation: 64,
  /** Lines in the file. */
  lines: 5_000,
  /**
   * Markup marks in the file: emphasis, link and code delimiters (`*`, `_`, `[`, `]`, `` ` ``, `~`),
   * table cell separators (`|`) and block quote and list markers. Each becomes a node or two of the
   * parser's tree, and those, not bytes, are what cost time and memory.
   */
  marks: 2_500,
  /** Emphasis, link and code delimiters in one paragraph (lines between blank lines): resolving them is quadratic. */
  delimiters: 500,
  /** Table cell separators (`|`) on one line: about as many table columns. */
  tableColumns: 64,
  /** Bytes of the front matter between the --- lines. */
  frontMatterBytes: 16 * 1024,
} as const;

export type ContentLimits = { readonly [K in keyof typeof CONTENT_LIMITS]: number };

const DELIMITERS = new Set(['*', '_', '[', ']', '`', '~']);
const number = (value: number) => value.toLocaleString('en-US');
const kib = (bytes: number) => `${number(Math.ceil(bytes / 1024))} KB`;

/** Leading block quote and list markers of a line, and the columns of indentation before the first. */
function linePrefix(line: string): { markers: number; indent: number } {
  let at = 0;
  let indent = 0;
  while (at < line.length && (line[at] === ' ' || line[at] === '\t')) {
    indent += line[at] === '\t' ? 4 : 1;
    at += 1;
  }
  let markers = 0;
  for (;;) {
    const rest = line.slice(at, at + 12);
    const marker = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/.exec(rest);
    if (!marker) break;
    markers += 1;
    at += marker[0].length;
  }
  return { markers, indent };
}

/** The size limit alone, for a file not yet read (a 2 GB file is refused without reading it). */
export function checkSize(bytes: number, issues: IssueList, limits: ContentLimits = CONTENT_LIMITS): boolean {
  if (bytes <= limits.fileBytes) return true;
  issues.error(1, 'size', `the file is ${kib(bytes)}; the limit is ${kib(limits.fileBytes)}: split it into several articles`);
  return false;
}

/**
 * Checks `source` against the limits and reports each kind of excess once, on the first line
 * that has it (the file's size on line 1). Returns true when the file is within every limit and
 * may be parsed. Linear in the file's size.
 */
export function checkLimits(source: string, issues: IssueList, limits: ContentLimits = CONTENT_LIMITS): boolean {
  const before = issues.errorCount;
  // Nothing else is worth scanning in a file over the size limit.
  if (!checkSize(Buffer.byteLength(source, 'utf8'), issues, limits)) return false;
  const lines = source.split(/\r?\n/);
  const reported = new Set<string>();
  const once = (key: string, line: number, field: string, message: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    issues.error(line, field, message);
  };

  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
    const block = lines.slice(1, end === -1 ? undefined : end).join('\n');
    const size = Buffer.byteLength(block, 'utf8');
    if (size > limits.frontMatterBytes) {
      once('front', 1, 'frontmatter', `front matter is ${kib(size)}; the limit is ${kib(limits.frontMatterBytes)}`);
    }
  }

  if (lines.length > limits.lines) {
    once('lines', limits.lines + 1, 'size', `the file has ${number(lines.length)} lines; the limit is ${number(limits.lines)}: split it into several articles`);
  }

  let blockStart = 0;
  let delimiters = 0;
  let marks = 0;
  let previousBlank = true;
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.length > limits.lineLength) {
      once(
        'line',
        lineNumber,
        'body',
        `line is ${number(line.length)} characters long; the limit is ${number(limits.lineLength)}: break it into paragraphs`,
      );
    }
    if (line.trim() === '') {
      previousBlank = true;
      return;
    }
    if (previousBlank) {
      blockStart = lineNumber;
      delimiters = 0;
      previousBlank = false;
    }
    let lineDelimiters = 0;
    let pipes = 0;
    for (const char of line) {
      if (DELIMITERS.has(char)) lineDelimiters += 1;
      else if (char === '|') pipes += 1;
    }
    delimiters += lineDelimiters;
    if (delimiters > limits.delimiters) {
      once(
        'delimiters',
        blockStart,
        'body',
        `paragraph has more than ${number(limits.delimiters)} emphasis, link and code marks (* _ [ ] \` ~); the limit is ${number(limits.delimiters)}: split it`,
      );
    }
    const { markers, indent } = linePrefix(line);
    marks += markers + pipes + lineDelimiters;
    if (marks > limits.marks) {
      once(
        'marks',
        lineNumber,
        'size',
        `the file has more than ${number(limits.marks)} markup marks (* _ [ ] \` ~ | and "> ", "- ", "1. " at line starts) by this line; the limit is ${number(limits.marks)}: split it into several articles`,
      );
    }
    if (markers > limits.nesting) {
      once(
        'nesting',
        lineNumber,
        'body',
        `line nests ${number(markers)} block quotes and lists ("> ", "- ", "1. "); the limit is ${number(limits.nesting)}`,
      );
    }
    if (indent > limits.indentation) {
      once('indent', lineNumber, 'body', `line is indented ${number(indent)} columns; the limit is ${number(limits.indentation)}`);
    }
    if (pipes > limits.tableColumns) {
      once('columns', lineNumber, 'body', `line has ${number(pipes)} table cell separators ("|"); the limit is ${number(limits.tableColumns)}`);
    }
  });
  return issues.errorCount === before;
}
