import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentStore, type ContentSnapshot } from '../../lib/content/store';
import { hiddenListFile, makeArticles, SENTINEL_PREFIX, writeCorpus } from './make-corpus.mjs';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-'));
let written: ReturnType<typeof writeCorpus>;
let snapshot: ContentSnapshot;
// Parsing Markdown takes a few ms an article, many times that on a busy machine.
beforeAll(() => {
  written = writeCorpus({ count: 40, outDir, sourceDir: path.join(process.cwd(), 'content') });
  snapshot = createContentStore(process.cwd(), { contentDir: outDir }).load();
}, 60_000);
afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(hiddenListFile(outDir), { force: true });
});

describe('the benchmark corpus', () => {
  it('passes the real content loader with no error or warning', () => {
    expect(written.articles).toBe(40);
    expect(snapshot.issues).toEqual([]);
    expect(snapshot.articleFiles).toBe(40);
    expect(snapshot.articles).toHaveLength(40);
    expect(written.drafts).toBeGreaterThan(0);
    expect(snapshot.articles.filter((a) => a.status === 'draft')).toHaveLength(written.drafts);
    // Content pages come along, so the footer's links resolve.
    expect(snapshot.pages.map((p) => p.slug)).toContain('about');
  });

  it('gives every article a lead image and at least one body figure, hard-linked from the real images', () => {
    for (const article of snapshot.articles) {
      expect(article.image, article.slug).toBeDefined();
      expect(article.body.figures.length, article.slug).toBeGreaterThanOrEqual(1);
    }
    const first = snapshot.articles[0]!;
    const file = path.join(outDir, 'images', 'news', first.slug, path.basename(first.image!.src));
    expect(fs.statSync(file).nlink).toBeGreaterThan(1);
  });

  it('spreads dates over ten years, newest first, and uses several topics', () => {
    const articles = makeArticles({ count: 500, imageNames: ['a.jpg', 'b.jpg'] });
    const years = new Set(articles.map((a) => a.markdown.match(/^date: (\d{4})/m)?.[1]));
    expect(years.size).toBeGreaterThanOrEqual(10);
    const topics = new Set(articles.flatMap((a) => a.markdown.match(/^topics: \[(.*)\]$/m)?.[1]?.split(', ') ?? []));
    expect(topics.size).toBe(24);
    const words = articles[0]!.markdown.split('---')[2]!.split(/\s+/).length;
    expect(words).toBeGreaterThan(300);
  });

  it('has about 1% drafts and 0.5% scheduled articles dated years ahead, each with its own sentinel in title and body but not slug', () => {
    const articles = makeArticles({ count: 2000, imageNames: ['a.jpg', 'b.jpg'] });
    const drafts = articles.filter((a) => a.hidden?.kind === 'draft');
    const scheduled = articles.filter((a) => a.hidden?.kind === 'scheduled');
    expect(drafts.length).toBeGreaterThanOrEqual(15);
    expect(drafts.length).toBeLessThanOrEqual(25);
    expect(scheduled.length).toBeGreaterThanOrEqual(8);
    expect(scheduled.length).toBeLessThanOrEqual(12);
    for (const a of drafts) expect(a.markdown).toMatch(/^status: draft$/m);
    for (const a of scheduled) {
      expect(a.markdown).toMatch(/^status: published$/m);
      expect(Number(a.markdown.match(/^date: (\d{4})/m)?.[1])).toBeGreaterThanOrEqual(2028);
    }
    const sentinels = [...drafts, ...scheduled].map((a) => a.hidden!.sentinel);
    expect(new Set(sentinels).size).toBe(sentinels.length);
    for (const a of [...drafts, ...scheduled]) {
      const [, frontMatter, body] = a.markdown.split('---\n');
      expect(frontMatter).toMatch(new RegExp(`^title: ".* ${a.hidden!.sentinel}"$`, 'm'));
      expect(body).toContain(a.hidden!.sentinel);
      expect(a.slug).not.toContain(SENTINEL_PREFIX);
    }
    // Public articles carry none.
    expect(articles.filter((a) => !a.hidden && a.markdown.includes(SENTINEL_PREFIX))).toEqual([]);
  });

  it('lists its drafts and scheduled articles beside the content folder', () => {
    const list = JSON.parse(fs.readFileSync(hiddenListFile(outDir), 'utf8'));
    expect(list.hidden).toEqual(written.hidden);
    expect(written.hidden.map((h) => h.kind)).toContain('draft');
    expect(snapshot.articles.filter((a) => a.status === 'draft').map((a) => a.slug).sort()).toEqual(
      written.hidden.filter((h) => h.kind === 'draft').map((h) => h.slug).sort(),
    );
  });

  it('is the same for the same seed', () => {
    const once = makeArticles({ count: 5, imageNames: ['a.jpg'], seed: 7 });
    expect(makeArticles({ count: 5, imageNames: ['a.jpg'], seed: 7 })).toEqual(once);
  });
});
