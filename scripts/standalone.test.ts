import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareStandalone } from './standalone.mjs';

let root: string;

function project(buildId: string): string {
  root = mkdtempSync(path.join(os.tmpdir(), 'standalone-'));
  for (const dir of ['public', '.next/static', '.next/standalone', 'content/news']) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, '.next/standalone/server.js'), '');
  writeFileSync(path.join(root, '.next/BUILD_ID'), buildId);
  writeFileSync(path.join(root, 'public/favicon.ico'), 'icon');
  mkdirSync(path.join(root, 'public/assets'));
  writeFileSync(path.join(root, 'public/assets/manifest.json'), '{}');
  writeFileSync(path.join(root, '.next/static/app.js'), 'js');
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('prepareStandalone', () => {
  it('links content for serving and leaves a complete folder alone, so a running server never loses its files', () => {
    const dir = prepareStandalone(project('build-1'), { linkContent: true });
    expect(lstatSync(path.join(dir, 'content')).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(dir, 'public/favicon.ico'))).toBe(true);
    // lib/assets.ts reads the built CSS/JS names from here, under the server's working directory.
    expect(existsSync(path.join(dir, 'public/assets/manifest.json'))).toBe(true);
    // A file the copy would delete shows whether the second call copied again.
    writeFileSync(path.join(dir, 'public/left-alone'), '');
    prepareStandalone(root, { linkContent: true });
    expect(existsSync(path.join(dir, 'public/left-alone'))).toBe(true);
  });

  it('copies again after a new build, and always for a deploy copy', () => {
    const dir = prepareStandalone(project('build-1'), { linkContent: true });
    writeFileSync(path.join(dir, 'public/left-alone'), '');
    writeFileSync(path.join(root, '.next/BUILD_ID'), 'build-2');
    prepareStandalone(root, { linkContent: true });
    expect(existsSync(path.join(dir, 'public/left-alone'))).toBe(false);
    prepareStandalone(root);
    expect(lstatSync(path.join(dir, 'content')).isDirectory()).toBe(true);
    writeFileSync(path.join(dir, 'public/left-alone'), '');
    prepareStandalone(root);
    expect(existsSync(path.join(dir, 'public/left-alone'))).toBe(false);
  });

  it('completes the server of a build made in another folder (NEXT_DIST_DIR) where that server looks', () => {
    project('build-1');
    for (const dir of ['.next-bench/site/static', '.next-bench/site/standalone', '.next-bench/site/content-record']) mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, '.next-bench/site/standalone/server.js'), '');
    writeFileSync(path.join(root, '.next-bench/site/BUILD_ID'), 'bench-1');
    writeFileSync(path.join(root, '.next-bench/site/static/bench.js'), 'js');
    writeFileSync(path.join(root, '.next-bench/site/content-record/news.json'), '{}');
    writeFileSync(path.join(root, '.next-bench/site/search-index.db'), 'index');
    const dir = prepareStandalone(root, { linkContent: true, distDir: '.next-bench/site' });
    expect(dir).toBe(path.join(root, '.next-bench/site/standalone'));
    expect(existsSync(path.join(dir, '.next-bench/site/static/bench.js'))).toBe(true);
    expect(existsSync(path.join(dir, '.next-bench/site/content-record/news.json'))).toBe(true);
    expect(readFileSync(path.join(dir, '.next-bench/site/search-index.db'), 'utf8'), 'the search index the build wrote').toBe('index');
    expect(existsSync(path.join(dir, 'public/favicon.ico'))).toBe(true);
    expect(lstatSync(path.join(dir, 'content')).isSymbolicLink()).toBe(true);
    // The default build is not touched.
    expect(existsSync(path.join(root, '.next/standalone/public'))).toBe(false);
  });

  it('says to build first when there is no standalone server', () => {
    rmSync(path.join(project('build-1'), '.next/standalone/server.js'));
    expect(() => prepareStandalone(root)).toThrow(".next/standalone/server.js is missing: run npm run build (next.config.js must keep output: 'standalone')");
  });
});
