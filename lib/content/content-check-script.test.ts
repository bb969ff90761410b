import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenRoot, goodRoot, hostileRoot } from './__fixtures__/make-tree';

// Each test starts `npm run …` (npm, then tsx compiling the script): seconds on an idle machine,
// much longer on a loaded 2-core CI box.
const SCRIPT_TIMEOUT = 120_000;

const projectRoot = path.resolve(__dirname, '../..');

/** The last line says how many files were parsed (the rest came from the parse cache); the rest of stdout is returned. */
function run(root: string, files: number): { stdout: string; status: number } {
  const { stdout, status } = runScript(root);
  const lines = stdout.trimEnd().split('\n');
  expect(lines.pop()).toMatch(new RegExp(`^content: parsed \\d+ of ${files} files \\(\\d+ from cache\\) in \\d+ ms$`));
  return { stdout: `${lines.join('\n')}\n`, status };
}

function runScript(root: string): { stdout: string; status: number } {
  try {
    const stdout = execFileSync(
      process.execPath,
      [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/content-build.ts', '--check', root],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    return { stdout, status: 0 };
  } catch (error) {
    const failed = error as { stdout: string; status: number };
    return { stdout: failed.stdout, status: failed.status };
  }
}

describe('npm run content:check', () => {
  it('prints warnings and a summary and exits 0 when there are no errors', () => {
    expect(run(goodRoot, 7)).toEqual({
      status: 0,
      stdout: [
        'content/news/2023/biden-stoltenberg-confer.md:17: image.virin: warning: 230613-D-D0439-002 has the legacy 3-digit sequence "002"; current VIRINs use 4 digits (scene 1–9, then 001–999)',
        'content/news/2023/biden-stoltenberg-confer.md:28: figure.virin: warning: 230613-O-D0439-001A has the legacy 3-digit sequence "001"; current VIRINs use 4 digits (scene 1–9, then 001–999)',
        'Checked 6 articles and 1 page: 0 errors, 2 warnings.',
        '',
      ].join('\n'),
    });
  }, SCRIPT_TIMEOUT);

  it('prints every error and exits 1 when there are errors', () => {
    const { stdout, status } = run(brokenRoot, 5);
    expect(status).toBe(1);
    const output = stdout.trimEnd().split('\n');
    expect(output).toHaveLength(14);
    expect(output[0]).toBe(
      'content/news/2023/same-slug.md:1: slug: the slug "same-slug" is also used by content/news/2024/same-slug.md; every slug must be unique',
    );
    expect(output.at(-1)).toBe('Checked 4 articles and 1 page: 13 errors, 0 warnings.');
  }, SCRIPT_TIMEOUT);

  it('names the file and line of every piece of hostile markup it refuses, and exits 1', () => {
    // The full list is asserted in hostile-markdown.test.ts; here, that the command prints it.
    const { stdout, status } = run(hostileRoot, 1);
    expect(status).toBe(1);
    const output = stdout.trimEnd().split('\n');
    expect(output).toHaveLength(20);
    expect(output[0]).toBe('content/news/hostile-markdown.md:11: body: raw HTML is not allowed in Markdown; found "<script>alert(1)</script>"');
    expect(output.at(-1)).toBe('Checked 1 article and 0 pages: 19 errors, 0 warnings.');
  }, SCRIPT_TIMEOUT);
});
