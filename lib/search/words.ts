/**
 * How text becomes search terms. The index, the query and the highlighter all use these two
 * functions, so a word is highlighted exactly when the index could have matched it.
 */

/** A word: letters, digits and combining marks. Everything else (spaces, punctuation, symbols, emoji) separates words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', ı: 'i', þ: 'th', ð: 'd' };
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The form a word is indexed and searched under: compatibility forms unified (full-width
 * letters), lower case, accents dropped, so "Zürich", "zurich" and "ZÜRICH" are one term.
 */
export function normalizeWord(word: string): string {
  // Most words are plain ASCII: lower case is all they need, and this is the hot path of indexing.
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(FOLDABLE, (letter) => FOLDS[letter] ?? letter);
}

export interface WordSpan {
  /** Offsets into the original text: text.slice(start, end) is the word as written. */
  start: number;
  end: number;
  term: string;
}

/** Every word of `text` with its position and normalized term (words that normalize to nothing are left out). */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = normalizeWord(match[0]);
    if (term !== '') spans.push({ start: match.index, end: match.index + match[0].length, term });
  }
  return spans;
}

/** The normalized terms of `text`, in order, repeats kept (what the index stores). */
export function terms(text: string): string[] {
  return (text.match(WORD) ?? []).map(normalizeWord).filter((term) => term !== '');
}
