import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FIXTURES = path.dirname(new URL(import.meta.url).pathname);

/** A real 40×30 JPEG header (see good/), for trees written by tests. */
export const JPEG_40x30 = fs.readFileSync(
  path.join(FIXTURES, 'good/content/images/news/biden-stoltenberg-confer/230613-D-D0439-002.jpg'),
);

export const goodRoot = path.join(FIXTURES, 'good');
export const brokenRoot = path.join(FIXTURES, 'broken');
/** One article with every kind of hostile markup (see hostile-markdown.test.ts). */
export const hostileRoot = path.join(FIXTURES, 'hostile');

const made: string[] = [];

/** Writes `files` (path relative to the root → contents) into a new temporary root. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'content-test-'));
  made.push(root);
  for (const [relative, contents] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
  return root;
}

export function removeTrees(): void {
  for (const root of made.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

/** Joins lines so tests can count them: element i is line i + 1. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}
