import type { Root as HastRoot } from 'hast';
import type { Code, Nodes as MdastNodes, Parent as MdastParent, Paragraph, Root as MdastRoot } from 'mdast';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { unified } from 'unified';
import { quote, type IssueList } from './issues';
import type { Body, Figure } from './types';

export { parseMarkdown } from './markdown-parser.mjs';

const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/**
 * GitHub's schema, plus the figure placeholder (nothing else), and with link schemes
 * narrowed to the ones the checker allows (tel added).
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure'],
  attributes: { ...defaultSchema.attributes, figure: ['dataFigureIndex'] },
  protocols: { ...defaultSchema.protocols, href: ALLOWED_SCHEMES },
};

const converter = unified().use(remarkRehype).use(rehypeSanitize, sanitizeSchema);

/** Reads a ```figure block; returns the figure when it is valid. */
export type FigureReader = (node: Code) => Figure | undefined;

function snippet(value: string): string {
  const line = (value.split('\n')[0] ?? '').trim();
  return quote(line.length > 40 ? `${line.slice(0, 37)}...` : line);
}

function urlScheme(url: string): string | undefined {
  // Browsers ignore control characters and spaces inside a scheme (`java\tscript:`).
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
}

function isParent(node: MdastNodes): node is MdastNodes & MdastParent {
  return 'children' in node;
}

/**
 * Checks the Markdown body (front matter node skipped) and converts it to sanitized HAST.
 * Each ```figure block becomes `<figure data-figure-index="N">` with `figures[N]` its Figure.
 * The tree is produced even when there are errors, so hostile input can be tested.
 */
export function convertBody(root: MdastRoot, issues: IssueList, readFigureBlock: FigureReader): Body {
  const figures: Figure[] = [];
  let figureCount = 0;

  const check = (node: MdastNodes): MdastNodes => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'html':
        issues.error(line, 'body', `raw HTML is not allowed in Markdown; found ${snippet(node.value)}`);
        break;
      case 'image':
      case 'imageReference':
        issues.error(
          line,
          'body',
          'Markdown images are not allowed; use a ```figure block so the image has alt text, credit and VIRIN',
        );
        break;
      case 'heading':
        if (node.depth === 1 || node.depth > 4) {
          issues.error(line, 'body', `h${node.depth} heading is not allowed: use ## to ####; the page title is the only h1`);
        }
        break;
      case 'link':
      case 'definition': {
        const scheme = urlScheme(node.url);
        if (scheme !== undefined && !ALLOWED_SCHEMES.includes(scheme)) {
          issues.error(
            line,
            'body',
            `link to ${snippet(node.url)} is not allowed: expected an http, https, mailto or tel address (or a path on this site)`,
          );
        }
        break;
      }
      case 'code':
        if (node.lang === 'figure') {
          const index = figureCount++;
          const figure = readFigureBlock(node);
          if (figure) figures[index] = figure;
          const placeholder: Paragraph = {
            type: 'paragraph',
            children: [],
            data: { hName: 'figure', hProperties: { dataFigureIndex: index } },
          };
          if (node.position) placeholder.position = node.position;
          return placeholder;
        }
        break;
      default:
        break;
    }
    if (isParent(node)) {
      (node as MdastParent).children = node.children.map((child) => check(child)) as MdastParent['children'];
    }
    return node;
  };

  const body: MdastRoot = {
    type: 'root',
    children: root.children.filter((node) => node.type !== 'yaml').map((node) => check(node)) as MdastRoot['children'],
  };
  const tree = converter.runSync(body) as HastRoot;
  return { tree: stripPositions(tree), figures };
}

/** Positions are only useful while checking; dropping them keeps the tree small for the client. */
function stripPositions<T extends { position?: unknown; children?: unknown }>(node: T): T {
  delete node.position;
  if (Array.isArray(node.children)) for (const child of node.children) stripPositions(child as T);
  return node;
}
