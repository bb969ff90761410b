import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own eslint.config.mjs, run on sources placed in lib/browser/ and elsewhere.
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The rule ids ESLint reports for `code` as if it were the file `file`. */
async function ruleIds(code: string, file = 'lib/browser/behaviour.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('lib/browser/ (the behaviour file) cannot import server code', () => {
  it.each([
    "import { getArticle } from '@/lib/content';",
    "import { checkLimits } from '../content/limits';",
    "import { PREVIEW_COOKIE } from '../../lib/preview/session';",
    "import { STAFF_COOKIE } from '@/lib/auth/staff-session';",
    "import { search } from '@/lib/search/engine';",
    "import Link from 'next/link';",
    "import { NextResponse } from 'next/server';",
    "import { readFileSync } from 'node:fs';",
    "import { readFile } from 'fs/promises';",
    "import path from 'path';",
    "export { siteConfig } from '@/lib/content/index';",
  ])('refuses %s', async (code) => {
    expect(await ruleIds(`${code}\nexport const x = 1;\n`)).toContain('no-restricted-imports');
  });

  it('refuses import() and require(), which the import rule cannot see', async () => {
    expect(await ruleIds("export const load = () => import('@/lib/content');\n")).toContain('no-restricted-syntax');
    expect(await ruleIds("export const load = () => require('../content');\n")).toContain('no-restricted-syntax');
  });

  it('allows USWDS, its own modules and the site config', async () => {
    const code = [
      "import banner from '@uswds/uswds/js/usa-banner';",
      "import { on } from './events';",
      "import { siteConfig } from '../site-config';",
      'export const parts = [banner, on, siteConfig];',
      '',
    ].join('\n');
    expect(await ruleIds(code)).toEqual([]);
  });

  it('leaves the rest of the code base alone', async () => {
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", 'lib/content/example.ts')).toEqual([]);
  });
});
