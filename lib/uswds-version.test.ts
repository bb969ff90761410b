import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('USWDS stylesheet', () => {
  it('carries the version comment of the installed @uswds/uswds', () => {
    const pkg = JSON.parse(
      readFileSync(path.join(process.cwd(), 'node_modules/@uswds/uswds/package.json'), 'utf8'),
    ) as { version: string };
    const scss = readFileSync(path.join(process.cwd(), 'styles/uswds.scss'), 'utf8');
    expect(scss.split('\n')[0]).toBe(`/*! uswds v${pkg.version} */`);
  });
});
