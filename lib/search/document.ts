import type { Article } from '../content/types';
import { searchableText, type SearchableText } from './text';
import { terms } from './words';

/** How much a match in each field counts: the headline most, then topics and summary, then text. */
export const FIELD_BOOST = { title: 4, topics: 2, summary: 2, captions: 1, body: 1 } as const;

export type Field = keyof typeof FIELD_BOOST;

/** The fields in the order of the database's columns and of bm25()'s weights. */
export const FIELDS = Object.keys(FIELD_BOOST) as Field[];

/**
 * What the search index holds of one article: plain JSON, so the build can make it in a worker
 * process and send it to the one that writes the database (lib/search/index-db.ts). Each field
 * is its normalized terms (lib/search/words.ts) joined by single spaces, so the database's
 * `ascii` tokenizer splits exactly the words the query and the highlighter see.
 */
export interface SearchDocument extends Record<Field, string> {
  slug: string;
  /** `Article.sourceHash` of the version indexed. */
  sourceHash: string;
  /** Milliseconds since the epoch (`Article.publishedAt`). */
  publishedAt: number;
}

const joined = (texts: string[]) => texts.flatMap(terms).join(' ');

/** Pure: reads nothing but the article, so it runs in any process (no 'server-only'). */
export function searchDocumentOf(article: Article): SearchDocument {
  return searchDocumentFrom(article, searchableText(article));
}

/** The same, from the article's searchable text already worked out. */
export function searchDocumentFrom(article: Article, text: SearchableText): SearchDocument {
  return {
    slug: article.slug,
    sourceHash: article.sourceHash,
    publishedAt: article.publishedAt.getTime(),
    title: joined([text.title]),
    topics: joined(text.topics),
    summary: joined([text.summary]),
    captions: joined(text.captions),
    body: joined(text.paragraphs),
  };
}
