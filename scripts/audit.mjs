#!/usr/bin/env node
// BASE_URL=https://staging.agency.gov npm run audit [-- <playwright args>]
//
// The accessibility audit (playwright.a11y.config.ts) against a running deployment: no build, no
// server; the pages come from that site's /sitemap.xml. Set PREVIEW_SECRET (the deployment's
// own) and AUDIT_PREVIEW_SLUG (a draft there) to add the draft-in-preview state.
// For the local production build use `npm run test:a11y` instead.
import { spawn } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const base = process.env.BASE_URL;
if (!base) {
  console.error('audit: set BASE_URL to the site to audit, e.g. BASE_URL=https://staging.agency.gov npm run audit\n' +
    '       (npm run test:a11y audits the local production build)');
  process.exit(2);
}
try {
  const url = new URL(base);
  if (!/^https?:$/.test(url.protocol)) throw new Error('not http(s)');
} catch {
  console.error(`audit: BASE_URL "${base}" is not an http(s) URL`);
  process.exit(2);
}
const child = spawn(process.execPath, [path.join(root, 'scripts', 'test-e2e.mjs'), '--config=playwright.a11y.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
