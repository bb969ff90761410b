import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, makeTree, removeTrees } from './__fixtures__/make-tree';
import { ContentError, formatIssue } from './issues';
import { createContentStore } from './store';

afterAll(removeTrees);

const GOOD = 'content/news/good-story.md';
const OTHER = 'content/news/other-story.md';

function story(title: string, body = 'Text.'): string {
  return lines(
    '---',
    `title: ${title}`,
    'summary: A story with a summary long enough to be a meta description for search.',
    'date: 2023-06-13',
    'topics: [NATO]',
    'status: published',
    '---',
    '',
    body,
  );
}

const BROKEN = story('Broken Story', '> '.repeat(20) + 'deep');
/** Line 9: the body's first line, after 7 lines of front matter and a blank line. */
const NESTING = 'body: line nests 20 block quotes and lists ("> ", "- ", "1. "); the limit is 16';

/** A server-side store: keeps the last good content and collects what it logs. */
function serverStore(root: string) {
  const log: string[] = [];
  const store = createContentStore(root, { keepLastGood: { log: (message) => log.push(message) } });
  return { store, log };
}

const titles = (articles: { title: string }[]) => articles.map((article) => article.title).sort();

describe('a file that breaks on a running server', () => {
  it('keeps its last good version from earlier in the process, and says so once, not once per request', () => {
    const root = makeTree({ [GOOD]: story('Good Story'), [OTHER]: story('Other Story') });
    const { store, log } = serverStore(root);
    expect(titles(store.getArticles({ fresh: true }))).toEqual(['Good Story', 'Other Story']);
    fs.writeFileSync(path.join(root, GOOD), BROKEN);
    for (let request = 0; request < 3; request += 1) {
      expect(titles(store.getArticles({ fresh: true }))).toEqual(['Good Story', 'Other Story']);
    }
    expect(log).toEqual([
      `content: ${GOOD}:9: ${NESTING}; serving the last good version of ${GOOD} (validated by this process) until it is fixed`,
    ]);
    // content:check and the preview desk still see the error.
    expect(store.checkContent({ fresh: true }).map(formatIssue)).toEqual([`${GOOD}:9: ${NESTING}`]);
  });

  // The build's version of a file broken on a public server comes from the content index: indexed-store.test.ts.

  it('leaves out a broken file no build validated, says so, and serves everything else', () => {
    const root = makeTree({ [GOOD]: story('Good Story'), 'content/news/new-story.md': BROKEN });
    const { store, log } = serverStore(root);
    expect(titles(store.getArticles())).toEqual(['Good Story']);
    expect(log).toEqual([
      `content: content/news/new-story.md:9: ${NESTING}; content/news/new-story.md is left out until it is fixed (no good version of it is known)`,
    ]);
  });

  it('still stops a build or content:check (no keepLastGood): nothing is dropped silently', () => {
    const root = makeTree({ [GOOD]: BROKEN });
    expect(() => createContentStore(root).getArticles()).toThrow(ContentError);
  });
});

describe('an article in preview', () => {
  it('is parsed once while unchanged, and again when the file changes', async () => {
    const root = makeTree({ [GOOD]: story('Good Story') });
    const { store } = serverStore(root);
    const first = await store.loadForPreview('news', 'good-story');
    expect(first?.item?.title).toBe('Good Story');
    expect((await store.loadForPreview('news', 'good-story'))?.item).toBe(first?.item);
    // The listing path shares the same parse.
    expect(store.getArticles({ fresh: true })[0]).toBe(first?.item);

    fs.writeFileSync(path.join(root, GOOD), story('Edited Story'));
    fs.utimesSync(path.join(root, GOOD), new Date(), new Date(Date.now() + 5_000));
    expect((await store.loadForPreview('news', 'good-story'))?.item?.title).toBe('Edited Story');
  });

  it('shows the problems of a broken file with its line, and nothing for an unknown slug', async () => {
    const root = makeTree({ [GOOD]: BROKEN });
    const { store } = serverStore(root);
    const result = await store.loadForPreview('news', 'good-story');
    expect(result?.item).toBeUndefined();
    expect(result?.issues.map(formatIssue)).toEqual([`${GOOD}:9: ${NESTING}`]);
    expect(await store.loadForPreview('news', 'no-such-story')).toBeUndefined();
  });

  it('staff listings: a refresh parses every changed file in the bounded worker, so the fresh load after it parses nothing here', async () => {
    const root = makeTree({ [GOOD]: story('Good Story'), [OTHER]: story('Other Story') });
    const { store } = serverStore(root);
    const before = process.env.PREVIEW_PARSE_TIMEOUT_MS;
    // A 1 ms bound stops every parse in the worker: what the fresh load shows can only have come from it.
    process.env.PREVIEW_PARSE_TIMEOUT_MS = '1';
    try {
      await store.refreshForPreview();
    } finally {
      if (before === undefined) delete process.env.PREVIEW_PARSE_TIMEOUT_MS;
      else process.env.PREVIEW_PARSE_TIMEOUT_MS = before;
    }
    const issues = store.load({ fresh: true }).issues.map(formatIssue);
    expect(issues).toEqual([
      `${GOOD}:1: body: parsing took longer than 1 ms and was stopped`,
      `${OTHER}:1: body: parsing took longer than 1 ms and was stopped`,
    ]);
  });
});
