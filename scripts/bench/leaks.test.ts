import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { findSentinels, hiddenSlugLinks, scanTree } from './leaks.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-leaks-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the sentinel search', () => {
  it('finds each sentinel word once, a draft’s and a scheduled one’s, ignoring the bare prefix', () => {
    expect(findSentinels('<h2>Airmen test xqleakd14</h2> xqleakd14 and xqleaks58, xqleak alone, xqleakx9', 'xqleak')).toEqual(['xqleakd14', 'xqleaks58']);
  });

  it('finds a sentinel in binary bytes, as SQLite stores text', () => {
    const bytes = Buffer.concat([Buffer.from([0, 1, 2, 0x0f]), Buffer.from('xqleakd1401'), Buffer.from([0, 0xff])]);
    expect(findSentinels(bytes, 'xqleak')).toEqual(['xqleakd1401']);
  });

  it('names the hidden articles a sitemap or listing links to, and no slug that merely starts alike', () => {
    const text = '<loc>https://x.gov/news/airmen-test-14</loc><loc>https://x.gov/news/airmen-test-140</loc>';
    expect(hiddenSlugLinks(text, new Set(['airmen-test-14', 'sailors-plan-58']))).toEqual(['airmen-test-14']);
    expect(hiddenSlugLinks(text, new Set(['airmen-test-1']))).toEqual([]);
  });
});

describe('the build output scan', () => {
  it('reports the files holding a sentinel, also inside gzip files, and does not follow links', () => {
    fs.mkdirSync(path.join(dir, 'out', 'server'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'out', 'server', 'page.html'), '<p>public</p>');
    fs.writeFileSync(path.join(dir, 'out', 'index.db'), Buffer.concat([Buffer.from([0, 9]), Buffer.from('title xqleaks58')]));
    fs.writeFileSync(path.join(dir, 'out', 'pack.gz'), zlib.gzipSync('body xqleakd14'));
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    fs.writeFileSync(path.join(dir, 'elsewhere', 'draft.md'), 'xqleakd99');
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'out', 'content'));
    const result = scanTree(path.join(dir, 'out'), 'xqleak');
    expect(result.files).toBe(3);
    expect(result.hits.map((h) => [path.basename(h.file), h.sentinels])).toEqual(
      expect.arrayContaining([['index.db', ['xqleaks58']], ['pack.gz', ['xqleakd14']]]),
    );
    expect(result.hits).toHaveLength(2);
  });

  it('counts a missing folder as empty', () => {
    expect(scanTree(path.join(dir, 'none'), 'xqleak')).toEqual({ files: 0, bytes: 0, hits: [] });
  });
});
