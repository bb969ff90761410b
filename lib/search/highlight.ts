import { wordSpans, type WordSpan } from './words';

/** A piece of text; `match` pieces are the words the search matched, to be shown in <mark>. */
export interface TextPart {
  text: string;
  match: boolean;
}

const ELLIPSIS = '…';

/**
 * Splits `text` into plain and matched parts. A word matches when its normalized form is one of
 * `matched` (the index's terms that the query hit, prefix and fuzzy matches included).
 * Neighbouring plain parts are merged and empty ones dropped; joining the parts gives back `text`.
 */
export function highlight(text: string, matched: ReadonlySet<string>): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const span of wordSpans(text)) {
    if (!matched.has(span.term)) continue;
    parts.push({ text: text.slice(at, span.start), match: false }, { text: text.slice(span.start, span.end), match: true });
    at = span.end;
  }
  parts.push({ text: text.slice(at), match: false });
  return mergePlain(parts);
}

function matchesIn(text: string, matched: ReadonlySet<string>): WordSpan[] {
  return wordSpans(text).filter((span) => matched.has(span.term));
}

/**
 * A short passage from `paragraphs` around the matched words, highlighted: the paragraph with
 * the most distinct matched words (the first of equals), cut to about `maxLength` characters
 * at word boundaries, starting a little before its first match. Undefined when no paragraph
 * has a match (the words were in the title, summary or topics only).
 */
export function snippet(paragraphs: string[], matched: ReadonlySet<string>, maxLength = 240): TextPart[] | undefined {
  let best: { text: string; spans: WordSpan[]; distinct: number } | undefined;
  for (const text of paragraphs) {
    const spans = matchesIn(text, matched);
    const distinct = new Set(spans.map((span) => span.term)).size;
    if (distinct > (best?.distinct ?? 0)) best = { text, spans, distinct };
  }
  if (!best) return undefined;
  const { text, spans } = best;
  const first = spans[0]!;

  let start = 0;
  let end = text.length;
  if (text.length > maxLength) {
    // Up to a third of the room goes before the first match, the rest after it.
    const words = wordSpans(text);
    const earliest = Math.max(0, first.start - Math.floor(maxLength / 3));
    start = words.find((word) => word.start >= earliest)?.start ?? first.start;
    if (start > first.start) start = first.start;
    const latest = start + maxLength;
    end = words.filter((word) => word.end <= latest).at(-1)?.end ?? first.end;
    if (end < first.end) end = first.end;
  }
  const passage = text.slice(start, end);
  const parts = highlight(passage, matched);
  if (start > 0) parts.unshift({ text: ELLIPSIS, match: false });
  if (end < text.length) parts.push({ text: ELLIPSIS, match: false });
  return mergePlain(parts);
}

/** Joins neighbouring plain parts and drops empty ones. */
function mergePlain(parts: TextPart[]): TextPart[] {
  const merged: TextPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged.at(-1);
    if (last && !last.match && !part.match) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
