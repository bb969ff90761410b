#!/usr/bin/env node
// npm's postbuild step: `npm run content:build` (the prebuild) wrote the content index and the
// search index into the build cache folder, <distDir>/cache/content, which `next build` keeps;
// this links them into the build output, <distDir>/content-index.db and <distDir>/search-index.db,
// where the server reads them and scripts/standalone.mjs copies them from (decision 0024). A hard
// link, or a copy where the file system has none.
import { copyFileSync, existsSync, linkSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const dist = path.resolve(process.env.NEXT_DIST_DIR || '.next');
for (const [from, to] of [['index.db', 'content-index.db'], ['search.db', 'search-index.db']]) {
  const source = path.join(dist, 'cache', 'content', from);
  const target = path.join(dist, to);
  if (!existsSync(source)) {
    console.error(`link-indexes: ${path.relative(process.cwd(), source)} is missing: npm run content:build writes it (npm run build runs it first)`);
    process.exit(1);
  }
  rmSync(target, { force: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
