import { afterAll, describe, expect, it } from 'vitest';
import { lines, makeTree, removeTrees } from './__fixtures__/make-tree';
import { formatIssue, IssueList } from './issues';
import { checkLimits, CONTENT_LIMITS } from './limits';
import { createContentStore } from './store';

afterAll(removeTrees);

const FILE = 'content/news/hostile.md';
const FRONT = lines(
  '---',
  'title: Hostile Story',
  'summary: A story built to make the Markdown parser take minutes and gigabytes.',
  'date: 2023-06-13',
  'status: draft',
  '---',
  '',
);

/** The issues checkLimits reports for `body` after a 7-line front matter. */
function limitsOf(body: string): string[] {
  const issues = new IssueList(FILE);
  checkLimits(FRONT + body, issues);
  return issues.items.map(formatIssue);
}

describe('content limits, checked before the Markdown parser sees a file', () => {
  it('refuses a file over 256 KB (the issue: a 20 MB file took 81 s and 2.1 GB)', () => {
    expect(limitsOf('Text. '.repeat(50_000))).toEqual([
      `${FILE}:1: size: the file is 294 KB; the limit is 256 KB: split it into several articles`,
    ]);
  });

  it('refuses a line over 10,000 characters', () => {
    expect(limitsOf(lines('Short.', '', 'a'.repeat(10_001)))).toEqual([
      `${FILE}:10: body: line is 10,001 characters long; the limit is 10,000: break it into paragraphs`,
    ]);
  });

  it('refuses block quotes nested deeper than 16 (the issue: 100 KB of ">" took 228 s, then a stack overflow)', () => {
    expect(limitsOf(lines('> '.repeat(17) + 'deep'))).toEqual([
      `${FILE}:8: body: line nests 17 block quotes and lists ("> ", "- ", "1. "); the limit is 16`,
    ]);
    expect(limitsOf(lines('>'.repeat(16) + ' at the limit'))).toEqual([]);
  });

  it('counts list markers as nesting, and refuses indentation over 64 columns (the issue: a 9 MB nested list)', () => {
    expect(limitsOf(lines('- 1. * + - 1. * + - 1. * + - 1. * + - deep'))).toEqual([
      `${FILE}:8: body: line nests 17 block quotes and lists ("> ", "- ", "1. "); the limit is 16`,
    ]);
    expect(limitsOf(lines('- a', '\t'.repeat(16) + ' - b'))).toEqual([
      `${FILE}:9: body: line is indented 65 columns; the limit is 64`,
    ]);
  });

  it('refuses a paragraph with more than 500 emphasis, link and code marks (the issue: 250 KB of *a took 199 s)', () => {
    expect(limitsOf(lines('Fine paragraph.', '', 'Starts plainly,', '*a'.repeat(300), '[a'.repeat(201)))).toEqual([
      `${FILE}:10: body: paragraph has more than 500 emphasis, link and code marks (* _ [ ] \` ~); the limit is 500: split it`,
    ]);
    // The count starts again after a blank line.
    expect(limitsOf(lines('*a'.repeat(500), '', '`a'.repeat(500)))).toEqual([]);
  });

  it('refuses a table row with more than 64 cell separators', () => {
    expect(limitsOf(lines('|a'.repeat(65) + '|', '|-'.repeat(65) + '|'))).toEqual([
      `${FILE}:8: body: line has 66 table cell separators ("|"); the limit is 64`,
    ]);
  });

  it('refuses more than 5,000 lines', () => {
    expect(limitsOf('Line.\n'.repeat(5_000))).toEqual([`${FILE}:5001: size: the file has 5,008 lines; the limit is 5,000: split it into several articles`]);
  });

  it('refuses more than 2,500 markup marks in the file, named at the line that passes the limit', () => {
    // Three marks an item ("- ", "[", "]"): the 834th item, on line 7 + 2 × 833 + 1, passes 2,500.
    const items = Array.from({ length: 900 }, (_, index) => `- [${index}]`).join('\n\n');
    expect(limitsOf(lines(items))).toEqual([
      `${FILE}:1674: size: the file has more than 2,500 markup marks (* _ [ ] \` ~ | and "> ", "- ", "1. " at line starts) by this line; the limit is 2,500: split it into several articles`,
    ]);
  });

  it('refuses front matter over 16 KB', () => {
    const issues = new IssueList(FILE);
    checkLimits(lines('---', ...Array.from({ length: 2_000 }, (_, index) => `key${index}: value`), '---', 'Text.'), issues);
    expect(issues.items.map(formatIssue)).toEqual([`${FILE}:1: frontmatter: front matter is 29 KB; the limit is 16 KB`]);
  });

  it('passes a long real-shaped article: a 150 KB transcript', () => {
    const plain = 'MR. SMITH: The quick brown fox jumps over the lazy dog, and the committee heard the testimony again. ';
    const marked = 'MS. JONES: The quick brown fox jumps over the lazy dog, and the *committee* heard [testimony](https://example.gov/a). ';
    // Every tenth turn has emphasis and a link: far more than a real transcript.
    const transcript = Array.from({ length: 1_450 }, (_, index) => (index % 10 === 0 ? marked : plain)).join('\n\n');
    expect(Buffer.byteLength(transcript)).toBeGreaterThan(140_000);
    expect(limitsOf(transcript)).toEqual([]);
  });

  it('names every limit it enforces', () => {
    expect(Object.keys(CONTENT_LIMITS).sort()).toEqual(
      ['delimiters', 'fileBytes', 'frontMatterBytes', 'indentation', 'lineLength', 'lines', 'marks', 'nesting', 'tableColumns'].sort(),
    );
  });
});

describe('a file over a limit in the store', () => {
  it('is reported with its file and line and never reaches the parser (100 KB of nested ">" ran 228 s)', () => {
    const root = makeTree({ [FILE]: FRONT + '> '.repeat(50_000) + 'a\n' });
    const started = Date.now();
    expect(createContentStore(root).checkContent().map(formatIssue)).toEqual([
      `${FILE}:8: body: line is 100,001 characters long; the limit is 10,000: break it into paragraphs`,
      `${FILE}:8: size: the file has more than 2,500 markup marks (* _ [ ] \` ~ | and "> ", "- ", "1. " at line starts) by this line; the limit is 2,500: split it into several articles`,
      `${FILE}:8: body: line nests 50,000 block quotes and lists ("> ", "- ", "1. "); the limit is 16`,
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a 20 MB file by its size without reading it', () => {
    const root = makeTree({ [FILE]: FRONT + 'a'.repeat(20 * 1024 * 1024) });
    expect(createContentStore(root).checkContent().map(formatIssue)).toEqual([
      `${FILE}:1: size: the file is 20,481 KB; the limit is 256 KB: split it into several articles`,
    ]);
  });

  it('refuses a YAML alias in front matter with its line, instead of crashing the check', () => {
    const root = makeTree({ [FILE]: FRONT.replace('status: draft', 'status: &s draft\nbyline: *s') + 'Text.\n' });
    expect(createContentStore(root).checkContent().map(formatIssue)).toEqual([
      `${FILE}:6: frontmatter: YAML aliases (*s) are not allowed: write the value out in full`,
    ]);
  });
});
