import { describe, expect, it } from 'vitest';
import { normalizeWord, terms, wordSpans } from './words';

describe('normalizeWord', () => {
  it('lower-cases and drops accents, so spellings with and without them are one term', () => {
    expect(normalizeWord('Zürich')).toBe('zurich');
    expect(normalizeWord('ZÜRICH')).toBe('zurich');
    expect(normalizeWord('Tromsø')).toBe('tromso');
    expect(normalizeWord('Straße')).toBe('strasse');
  });

  it('unifies full-width letters with ordinary ones', () => {
    expect(normalizeWord('ＮＡＴＯ')).toBe('nato');
  });

  it('leaves scripts without case alone', () => {
    expect(normalizeWord('東京')).toBe('東京');
  });
});

describe('terms', () => {
  it('splits on spaces, punctuation and symbols, keeping letters and digits', () => {
    expect(terms('U.S.-led "cold-weather" drills, 2025 — Biden’s <b>team</b> 🇺🇸!')).toEqual([
      'u', 's', 'led', 'cold', 'weather', 'drills', '2025', 'biden', 's', 'b', 'team', 'b',
    ]);
  });

  it('finds no words in punctuation, symbols and emoji', () => {
    expect(terms('!!! <> ... 🎉 $%^ — ')).toEqual([]);
  });
});

describe('wordSpans', () => {
  it('gives offsets into the text as written', () => {
    const text = 'Meet in Zürich.';
    expect(wordSpans(text).map(({ start, end, term }) => [text.slice(start, end), term])).toEqual([
      ['Meet', 'meet'],
      ['in', 'in'],
      ['Zürich', 'zurich'],
    ]);
  });
});
