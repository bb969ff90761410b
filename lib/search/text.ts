import type { ElementContent, Root, RootContent } from 'hast';
import type { Article, Figure } from '../content/types';

/** Elements that start a new stretch of text; anything else (links, emphasis, code) runs inline. */
const BLOCKS = new Set([
  'address', 'blockquote', 'dd', 'div', 'dl', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li',
  'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function inlineText(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'br') return ' ';
  return node.children.map(inlineText).join('');
}

/**
 * The readable text of a converted Markdown body, one string per paragraph, heading, list item
 * or table cell. Figure placeholders are skipped: figures are read from `body.figures`.
 */
export function bodyParagraphs(tree: Root): string[] {
  const paragraphs: string[] = [];
  const walk = (children: (ElementContent | RootContent)[]) => {
    let run = '';
    const flush = () => {
      const text = tidy(run);
      if (text !== '') paragraphs.push(text);
      run = '';
    };
    for (const child of children) {
      if (child.type === 'element' && child.tagName === 'figure') {
        flush();
      } else if (child.type === 'element' && BLOCKS.has(child.tagName)) {
        flush();
        walk(child.children);
      } else {
        run += inlineText(child);
      }
    }
    flush();
  };
  walk(tree.children);
  return paragraphs;
}

/** A figure's title and caption, the words a reader sees under the photo. */
export function figureText(figure: Figure): string[] {
  return [figure.title, figure.caption].filter((text): text is string => !!text).map(tidy);
}

/** What search shows of an article's body: its paragraphs, and the titles and captions of its figures. */
export interface Passages {
  paragraphs: string[];
  /** Titles and captions of the lead image and the body's figures. */
  captions: string[];
}

/** What search reads of an article, field by field. */
export interface SearchableText extends Passages {
  title: string;
  summary: string;
  topics: string[];
}

/**
 * An article that can give its passages without its body being parsed: the server's articles
 * from the content index, which stores them (lib/content/content-index.ts). The same symbol in
 * every copy of this module.
 */
export const STORED_PASSAGES = Symbol.for('newsroom.storedPassages');

/** The passages of an article's parsed body. */
export function passagesOf(article: Article): Passages {
  const figures = [article.image, ...article.body.figures].filter((figure): figure is Figure => !!figure);
  return { paragraphs: bodyParagraphs(article.body.tree), captions: figures.flatMap(figureText) };
}

export function searchableText(article: Article): SearchableText {
  const stored = (article as Article & { [STORED_PASSAGES]?: () => Passages })[STORED_PASSAGES];
  const { paragraphs, captions } = stored ? stored.call(article) : passagesOf(article);
  return { title: article.title, summary: article.summary, topics: article.topics.map((topic) => topic.name), paragraphs, captions };
}
