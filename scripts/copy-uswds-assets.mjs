// Copies the USWDS fonts and images the compiled CSS and the banner refer to into
// public/uswds, so they are served by the site itself (no CDN). public/uswds is gitignored.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// The package's exports map hides package.json; its main entry lives in dist/js.
const dist = path.resolve(path.dirname(require.resolve('@uswds/uswds')), '..');
const target = path.join(process.cwd(), 'public', 'uswds');

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const dir of ['fonts', 'img']) {
  cpSync(path.join(dist, dir), path.join(target, dir), { recursive: true });
}
console.log(`Copied USWDS fonts and images to ${path.relative(process.cwd(), target)}`);
