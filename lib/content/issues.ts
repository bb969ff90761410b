import type { ContentIssue } from './types';

/** `content/news/foo.md:7: date: expected …` (errors) or `…: image.virin: warning: …` (warnings). */
export function formatIssue(issue: ContentIssue): string {
  const severity = issue.severity === 'warning' ? 'warning: ' : '';
  return `${issue.file}:${issue.line}: ${issue.field}: ${severity}${issue.message}`;
}

/** Sorted by file, then line; errors before warnings on the same line; otherwise as found. */
export function sortIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        (a.issue.file < b.issue.file ? -1 : a.issue.file > b.issue.file ? 1 : 0) ||
        a.issue.line - b.issue.line ||
        (a.issue.severity === b.issue.severity ? 0 : a.issue.severity === 'error' ? -1 : 1) ||
        a.index - b.index,
    )
    .map(({ issue }) => issue);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Thrown when content has errors; `next build` prints the message and stops. */
export class ContentError extends Error {
  /** The errors (never warnings), sorted by file then line. */
  readonly issues: ContentIssue[];

  constructor(issues: readonly ContentIssue[]) {
    const errors = sortIssues(issues.filter((issue) => issue.severity === 'error'));
    super(`Content has ${plural(errors.length, 'error')}:\n${errors.map(formatIssue).join('\n')}`);
    this.name = 'ContentError';
    this.issues = errors;
  }
}

/** Collects the issues of one file. */
export class IssueList {
  readonly items: ContentIssue[] = [];

  constructor(readonly file: string) {}

  error(line: number, field: string, message: string): void {
    this.items.push({ file: this.file, line, field, message, severity: 'error' });
  }

  warn(line: number, field: string, message: string): void {
    this.items.push({ file: this.file, line, field, message, severity: 'warning' });
  }

  get errorCount(): number {
    return this.items.filter((issue) => issue.severity === 'error').length;
  }
}

/** Wraps text in quotes for a message, showing tabs and line breaks but not escaping quotes. */
export function quote(text: string): string {
  return `"${text.replace(/\t/g, '\\t').replace(/\r?\n/g, '\\n')}"`;
}

/** `"text"` for strings (shortened), otherwise a plain-words description of what YAML produced. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    return quote(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString()}`;
  return 'a group of fields';
}

/** `topics[1]`, `image.alt`, `figure.src`. */
export function fieldName(prefix: string, path: readonly PropertyKey[]): string {
  let name = prefix;
  for (const segment of path) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else name += name === '' ? String(segment) : `.${String(segment)}`;
  }
  return name;
}
