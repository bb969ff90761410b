import type { Root } from 'mdast';

/** Markdown + GFM with YAML front matter, to an mdast tree with positions. */
export declare function parseMarkdown(source: string): Root;
