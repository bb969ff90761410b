import { describe, expect, it } from 'vitest';
import { highlight, snippet, type TextPart } from './highlight';

const matched = (...terms: string[]) => new Set(terms);
/** Parts as a string with matches in [brackets], to read the split at a glance. */
const show = (parts: TextPart[] | undefined) => parts?.map((part) => (part.match ? `[${part.text}]` : part.text)).join('');

describe('highlight', () => {
  it('splits the text into plain and matched parts that join back to the text', () => {
    const text = 'NATO allies met; nato ministers agreed.';
    const parts = highlight(text, matched('nato', 'agreed'));
    expect(parts).toEqual([
      { text: 'NATO', match: true },
      { text: ' allies met; ', match: false },
      { text: 'nato', match: true },
      { text: ' ministers ', match: false },
      { text: 'agreed', match: true },
      { text: '.', match: false },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('marks words as written when their normalized form matched', () => {
    expect(show(highlight('Talks in Zürich and ZURICH.', matched('zurich')))).toBe('Talks in [Zürich] and [ZURICH].');
  });

  it('marks whole words only', () => {
    expect(show(highlight('Natowide planning for NATO.', matched('nato')))).toBe('Natowide planning for [NATO].');
  });

  it('returns the text as one plain part when nothing matched', () => {
    expect(highlight('No match here.', matched('nato'))).toEqual([{ text: 'No match here.', match: false }]);
    expect(highlight('', matched('nato'))).toEqual([]);
  });

  it('keeps markup in the text as plain text', () => {
    expect(highlight('<b>alert</b>', matched('alert'))).toEqual([
      { text: '<b>', match: false },
      { text: 'alert', match: true },
      { text: '</b>', match: false },
    ]);
  });
});

describe('snippet', () => {
  const paragraphs = [
    'The first paragraph mentions readiness once.',
    'The second paragraph mentions readiness and logistics, and readiness again.',
    'The third paragraph mentions logistics.',
  ];

  it('picks the paragraph with the most distinct matched words', () => {
    expect(show(snippet(paragraphs, matched('readiness', 'logistics')))).toBe(
      'The second paragraph mentions [readiness] and [logistics], and [readiness] again.',
    );
  });

  it('picks the first of equally good paragraphs', () => {
    expect(show(snippet(paragraphs, matched('readiness')))).toBe('The first paragraph mentions [readiness] once.');
  });

  it('is undefined when no paragraph matches', () => {
    expect(snippet(paragraphs, matched('budget'))).toBeUndefined();
    expect(snippet([], matched('budget'))).toBeUndefined();
  });

  it('cuts a long paragraph at word boundaries around the first match, with ellipses', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`);
    words[60] = 'Hurricane';
    const text = `${words.join(' ')}.`;
    const parts = snippet([text], matched('hurricane'), 120);
    const shown = show(parts) ?? '';
    expect(shown).toMatch(/^…word\d+ .*\[Hurricane\] .*word\d+…$/);
    expect(shown.length).toBeLessThanOrEqual(120 + '……[]'.length);
    // It starts within a third of the room before the match.
    const before = shown.slice(1, shown.indexOf('[Hurricane]'));
    expect(before.length).toBeLessThanOrEqual(40);
    expect(text).toContain(shown.slice(1, -1).replace(/[[\]]/g, ''));
  });

  it('shows a short paragraph whole, without ellipses', () => {
    expect(show(snippet(['Short hurricane note.'], matched('hurricane')))).toBe('Short [hurricane] note.');
  });
});
