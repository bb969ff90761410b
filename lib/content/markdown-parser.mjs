// The site's one Markdown parser, in plain JavaScript so that the preview worker
// (markdown-worker.mjs) runs exactly the same parser as the build without a TypeScript loader.
// Markdown + GFM with YAML front matter; no smartypants or other typography changes.
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** @param {string} source */
export function parseMarkdown(source) {
  return parser.parse(source);
}
