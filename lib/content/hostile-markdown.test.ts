import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Nodes } from 'hast';
import { describe, expect, it } from 'vitest';
import { hostileRoot } from './__fixtures__/make-tree';
import { ContentError, formatIssue, IssueList } from './issues';
import { convertBody, parseMarkdown } from './markdown';
import { createContentStore } from './store';

// __fixtures__/hostile/content/news/hostile-markdown.md: one attack per line. Every one is refused
// with its file and line; none is dropped without a word.
const FILE = 'content/news/hostile-markdown.md';
const RAW_HTML = 'body: raw HTML is not allowed in Markdown; found';
const BAD_LINK = 'is not allowed: expected an http, https, mailto or tel address (or a path on this site)';
const IMAGE = 'body: Markdown images are not allowed; use a ```figure block so the image has alt text, credit and VIRIN';

const EXPECTED = [
  `${FILE}:11: ${RAW_HTML} "<script>alert(1)</script>"`,
  `${FILE}:13: ${RAW_HTML} "<style>body { display: none }</style>"`,
  `${FILE}:15: ${RAW_HTML} "<iframe src="https://evil.example/"><..."`,
  `${FILE}:17: ${RAW_HTML} "<object data="https://evil.example/x...."`,
  `${FILE}:17: ${RAW_HTML} "</object>"`,
  `${FILE}:19: ${RAW_HTML} "<svg>"`,
  `${FILE}:19: ${RAW_HTML} "<script>"`,
  `${FILE}:19: ${RAW_HTML} "</script>"`,
  `${FILE}:19: ${RAW_HTML} "</svg>"`,
  `${FILE}:21: ${RAW_HTML} "<img src="x" onerror="alert(1)">"`,
  `${FILE}:21: ${RAW_HTML} "<a href="/" onclick="alert(1)">"`,
  `${FILE}:21: ${RAW_HTML} "</a>"`,
  // [Script link](javascript:…) and the autolink <javascript:…>; `[spaced](java<TAB>script:…)` is
  // not a link in Markdown (no whitespace in a destination), so it stays plain text.
  `${FILE}:23: body: link to "javascript:alert(1)" ${BAD_LINK}`,
  `${FILE}:23: body: link to "javascript:alert(1)" ${BAD_LINK}`,
  `${FILE}:25: body: link to "data:text/html;base64,PHNjcmlwdD5hbGV..." ${BAD_LINK}`,
  `${FILE}:27: ${IMAGE}`,
  `${FILE}:29: ${IMAGE}`,
  `${FILE}:33: body: link to "javascript:alert(1)" ${BAD_LINK}`,
  `${FILE}:36: figure.src: expected a bare file name from content/images/news/hostile-markdown/ (no folders, no "..", no URL), got "javascript:alert(1)"`,
];

function elements(node: Nodes): Element[] {
  const own = node.type === 'element' ? [node] : [];
  const children = 'children' in node ? node.children.flatMap((child) => elements(child)) : [];
  return [...own, ...children];
}

describe('hostile Markdown (fixture article)', () => {
  it('reports every script, event handler, embed, style and javascript:/data: URL with its file and line', () => {
    expect(createContentStore(hostileRoot).checkContent().map(formatIssue)).toEqual(EXPECTED);
  });

  it('stops the build: every getter throws a ContentError with the same list', () => {
    const store = createContentStore(hostileRoot);
    expect(() => store.getArticles()).toThrow(ContentError);
    expect(() => store.getArticles()).toThrow(`Content has ${EXPECTED.length} errors:\n${EXPECTED.join('\n')}`);
  });

  it('leaves nothing that can run in the HTML tree, even though the article has errors', () => {
    const source = readFileSync(path.join(hostileRoot, FILE), 'utf8');
    const { tree } = convertBody(parseMarkdown(source), new IssueList(FILE), () => undefined);
    const all = elements(tree);
    expect([...new Set(all.map((element) => element.tagName))].sort()).toEqual(['a', 'figure', 'img', 'p']);
    for (const element of all) {
      for (const [name, value] of Object.entries(element.properties)) {
        expect(name.toLowerCase().startsWith('on'), `${element.tagName}.${name}`).toBe(false);
        expect(String(value), `${element.tagName}.${name}`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    // The refused links and images keep their text and lose their address.
    const props = (tag: string) => all.filter((element) => element.tagName === tag).map((element) => element.properties);
    expect(props('a')).toEqual([{}, {}, {}, {}]);
    expect(props('img')).toEqual([{ alt: 'Script image' }, { alt: 'Data image' }]);
  });
});
