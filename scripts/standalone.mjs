#!/usr/bin/env node
// Completes the standalone server that `next build` writes to .next/standalone (output: 'standalone'):
// Next traces the server's code and node_modules but leaves out what it serves or reads from disk,
//   public/        → .next/standalone/public         (the site's CSS/JS and their manifest in public/assets,
//                    USWDS fonts and images, favicon, share image)
//   .next/static   → .next/standalone/.next/static   (hashed JS and CSS)
//   content/       → .next/standalone/content        (articles, pages, images, read at run time)
//   .next/content-index.db, .next/search-index.db → .next/standalone/.next/ (the content index and
//                    the search index the build wrote, decisions 0023 and 0024)
// The standalone server chdirs to its own folder, so lib/content finds content/ there.
//
//   node scripts/standalone.mjs          copy everything: a self-contained folder to deploy
//   prepareStandalone(root, { linkContent: true })
//                                        content/ as a symlink to the checkout's, for `npm start` and
//                                        the tests: edits to content show without copying (preview)
//   prepareStandalone(root, { distDir: '.next-bench/site' })
//                                        a build made with NEXT_DIST_DIR (the benchmark): its server is
//                                        <distDir>/standalone and serves <distDir>/static from there
import { cpSync, existsSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The files the build writes beside its output that the server reads (scripts/link-indexes.mjs). */
export const BUILD_INDEXES = ['content-index.db', 'search-index.db'];

/** Where the standalone server of the build in `distDir` (next.config.js's, relative to root) lives. */
export function standaloneDir(root = ROOT, distDir = '.next') {
  return path.join(root, distDir, 'standalone');
}

/**
 * Copies public/ and .next/static into the standalone folder, and content/ (or links it).
 * Throws when the build has no standalone output.
 * @param {string} [root]
 * @param {{ linkContent?: boolean, distDir?: string }} [options]
 * @returns {string} the folder
 */
export function prepareStandalone(root = ROOT, { linkContent = false, distDir = '.next' } = {}) {
  const dir = standaloneDir(root, distDir);
  const build = path.join(root, distDir);
  if (!existsSync(path.join(dir, 'server.js'))) {
    throw new Error(`${path.relative(root, dir)}/server.js is missing: run npm run build (next.config.js must keep output: 'standalone')`);
  }
  // A server already running from this folder (the tests start a second one) must not see its
  // files deleted and copied again under it: once the folder is complete for this build with
  // content linked, serving leaves it alone. A copy for a deploy is always made afresh.
  const marker = path.join(dir, '.prepared');
  const stamp = `${readFileSync(path.join(build, 'BUILD_ID'), 'utf8').trim()} ${linkContent ? 'linked content' : 'copied content'}`;
  if (linkContent && existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return dir;
  const replace = (from, to) => {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true, dereference: true });
  };
  replace(path.join(root, 'public'), path.join(dir, 'public'));
  // The server finds its build in <its folder>/<distDir>, as next.config.js named it at build time.
  replace(path.join(build, 'static'), path.join(dir, distDir, 'static'));
  for (const name of BUILD_INDEXES) {
    const from = path.join(build, name);
    if (existsSync(from)) cpSync(from, path.join(dir, distDir, name));
  }
  const content = path.join(dir, 'content');
  const source = path.join(root, 'content');
  if (linkContent) {
    const linked = existsSync(content) && lstatSync(content).isSymbolicLink();
    if (!linked) {
      rmSync(content, { recursive: true, force: true });
      symlinkSync(path.relative(dir, source), content, 'dir');
    }
  } else {
    rmSync(content, { recursive: true, force: true });
    // With their times, so the server's comparison with the content index need not read every file.
    cpSync(source, content, { recursive: true, preserveTimestamps: true });
  }
  writeFileSync(marker, stamp);
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = prepareStandalone(ROOT);
  console.log(`standalone: ${path.relative(ROOT, dir)} holds the server, public/, .next/static and content/; run it with node ${path.relative(ROOT, dir)}/server.js`);
}
