import type { Element, Nodes, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { IssueList } from './issues';
import { convertBody, parseMarkdown } from './markdown';

function convert(markdown: string): { tree: Root; issues: IssueList } {
  const issues = new IssueList('content/news/x.md');
  const { tree } = convertBody(parseMarkdown(markdown), issues, () => undefined);
  return { tree, issues };
}

function elements(node: Nodes): Element[] {
  const own = node.type === 'element' ? [node] : [];
  const children = 'children' in node ? node.children.flatMap((child) => elements(child)) : [];
  return [...own, ...children];
}

function text(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => text(child)).join('') : '';
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '',
  '<style>body { display: none }</style>',
  '',
  '<img src="x" onerror="alert(1)">',
  '',
  '<a href="javascript:alert(1)" onclick="alert(1)">click</a>',
  '',
  '<iframe src="https://evil.example"></iframe>',
  '',
  '<svg onload="alert(1)"></svg>',
  '',
  '<figure data-figure-index="9" onclick="alert(1)"></figure>',
  '',
  '[link](javascript:alert(1) "t") <javascript:alert(1)> [data](data:text/html;base64,PHNjcmlwdD4=)',
  '',
  '![img](javascript:alert(1)) <b onmouseover="alert(1)">b</b>',
  '',
  '[ref]: vbscript:msgbox(1)',
  '',
  '[vb][ref] <div style="color:red">styled</div>',
].join('\n');

describe('sanitized HTML tree', () => {
  it('contains no script, style or embedding elements, no on* or style attributes and no unsafe URLs, even for hostile input', () => {
    const { tree, issues } = convert(HOSTILE);
    expect(issues.errorCount).toBeGreaterThan(0);
    const all = elements(tree);
    const tags = new Set(all.map((element) => element.tagName));
    for (const forbidden of ['script', 'style', 'iframe', 'svg', 'object', 'embed', 'figure', 'div', 'b']) {
      expect(tags.has(forbidden), forbidden).toBe(false);
    }
    for (const element of all) {
      for (const [name, value] of Object.entries(element.properties)) {
        expect(name.toLowerCase().startsWith('on'), `${element.tagName}.${name}`).toBe(false);
        expect(name, element.tagName).not.toBe('style');
        expect(String(value)).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    expect(JSON.stringify(tree)).not.toMatch(/"on[a-z]+":|"style":|"src":"javascript/i);
  });

  it('keeps the figure placeholder and its index, and safe links', () => {
    const { tree, issues } = convert(
      ['Intro with a [link](https://www.defense.gov/ "Defense") and [mail](mailto:press@example.gov).', '', '```figure', 'src: a.jpg', '```'].join('\n'),
    );
    expect(issues.items).toEqual([]);
    const all = elements(tree);
    expect(all.filter((element) => element.tagName === 'figure').map((element) => element.properties)).toEqual([
      { dataFigureIndex: 0 },
    ]);
    expect(all.filter((element) => element.tagName === 'a').map((element) => element.properties)).toEqual([
      { href: 'https://www.defense.gov/', title: 'Defense' },
      { href: 'mailto:press@example.gov' },
    ]);
  });

  it('does not add heading ids', () => {
    const { tree } = convert('## Allies Meet');
    expect(elements(tree)).toEqual([
      { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: 'Allies Meet' }] },
    ]);
  });
});

describe('typography', () => {
  const paragraph =
    'He said "straight quotes" and ’curly’ “doubles” — an em dash – an en dash, "[Poland] joins," Stoltenberg, Zelenskyy, Peña, Renée... (sic) \'single\'';

  it('round-trips exactly through the HTML tree text', () => {
    const { tree } = convert(`${paragraph}\n\n## “Quoted” — heading\n\n- Kyiv’s "list" item`);
    const [p, h2, ul] = elements(tree).filter((element) => ['p', 'h2', 'ul'].includes(element.tagName));
    expect(p && text(p)).toBe(paragraph);
    expect(h2 && text(h2)).toBe('“Quoted” — heading');
    expect(ul && text(ul).trim()).toBe('Kyiv’s "list" item');
  });
});
