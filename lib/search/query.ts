import { terms } from './words';

/** Longer queries are refused (400): no reader types more, and every word costs a fuzzy lookup. */
export const MAX_QUERY_LENGTH = 200;

export const RESULTS_PER_PAGE = 10;

/** What a `q` parameter turned out to be. `text` is what the reader typed, tidied for display. */
export type Query =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'no-words'; text: string }
  | { kind: 'words'; text: string; terms: string[] };

/** The first value of a search parameter that may be missing or repeated (`?q=a&q=b` reads "a"). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Length in characters as a reader counts them (code points, so an emoji is one). */
function characterCount(text: string): number {
  return [...text].length;
}

/**
 * Reads the `q` parameter. Control characters become spaces and runs of spaces one space;
 * the terms are the distinct normalized words, in the order typed.
 */
export function parseQuery(raw: string | string[] | undefined): Query {
  const text = (firstParam(raw) ?? '')
    .replace(/[\p{Cc}\p{Z}]+/gu, ' ')
    .trim();
  if (text === '') return { kind: 'empty' };
  const length = characterCount(text);
  if (length > MAX_QUERY_LENGTH) return { kind: 'too-long', length };
  const words = [...new Set(terms(text))];
  if (words.length === 0) return { kind: 'no-words', text };
  return { kind: 'words', text, terms: words };
}

/**
 * Reads the `page` parameter: a whole number from 1 up. Anything else (missing, "abc", "-1",
 * "0", "2.5") is page 1, so a mangled link still shows results.
 */
export function parsePage(raw: string | string[] | undefined): number {
  const value = firstParam(raw)?.trim() ?? '';
  if (!/^\d{1,9}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 ? page : 1;
}

/** What the page says for a query that cannot be searched. Curly quotes around what the reader typed. */
export function queryMessage(query: Exclude<Query, { kind: 'words' }>): string {
  switch (query.kind) {
    case 'empty':
      return 'Enter a word or phrase to search the news articles.';
    case 'too-long':
      return `Your search is ${query.length} characters long. A search can be at most ${MAX_QUERY_LENGTH} characters: shorten it and try again.`;
    case 'no-words':
      return `“${query.text}” has no words to search for. Use letters or numbers, for example “readiness” or “NATO”.`;
  }
}
