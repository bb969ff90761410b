import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parsePage, parseQuery, queryMessage } from './query';

describe('parseQuery', () => {
  it('reads the distinct normalized words in the order typed, and tidies the text for display', () => {
    expect(parseQuery('  NATO   summit\tnato ')).toEqual({ kind: 'words', text: 'NATO summit nato', terms: ['nato', 'summit'] });
  });

  it('treats a missing, empty or whitespace-only query as empty', () => {
    for (const raw of [undefined, '', '   ', '\n\t', '\u00a0\u2003']) expect(parseQuery(raw)).toEqual({ kind: 'empty' });
  });

  it('reads the first of repeated q parameters', () => {
    expect(parseQuery(['budget', 'nato'])).toMatchObject({ kind: 'words', terms: ['budget'] });
    expect(parseQuery([])).toEqual({ kind: 'empty' });
  });

  it(`refuses more than ${MAX_QUERY_LENGTH} characters, counting an emoji as one`, () => {
    expect(parseQuery('a'.repeat(MAX_QUERY_LENGTH))).toMatchObject({ kind: 'words' });
    expect(parseQuery('🎉'.repeat(MAX_QUERY_LENGTH))).toMatchObject({ kind: 'no-words' });
    expect(parseQuery(`${'a'.repeat(MAX_QUERY_LENGTH)}b`)).toEqual({ kind: 'too-long', length: MAX_QUERY_LENGTH + 1 });
    expect(parseQuery(`  ${'a'.repeat(MAX_QUERY_LENGTH)}  `)).toMatchObject({ kind: 'words' });
  });

  it('finds no words in punctuation, symbols or emoji', () => {
    expect(parseQuery('!!!')).toEqual({ kind: 'no-words', text: '!!!' });
    expect(parseQuery('<>')).toEqual({ kind: 'no-words', text: '<>' });
    expect(parseQuery('🎉 🚀')).toEqual({ kind: 'no-words', text: '🎉 🚀' });
  });

  it('keeps the words of markup and drops its punctuation', () => {
    expect(parseQuery('<script>alert(1)</script>')).toEqual({
      kind: 'words',
      text: '<script>alert(1)</script>',
      terms: ['script', 'alert', '1'],
    });
  });

  it('reads words in any script', () => {
    expect(parseQuery('Zürich 東京')).toMatchObject({ kind: 'words', terms: ['zurich', '東京'] });
  });

  it('turns control characters into spaces', () => {
    expect(parseQuery('nato\u0000summit\u0007')).toMatchObject({ text: 'nato summit', terms: ['nato', 'summit'] });
  });
});

describe('parsePage', () => {
  it('reads a whole number from 1 up', () => {
    expect(parsePage('2')).toBe(2);
    expect(parsePage(' 3 ')).toBe(3);
    expect(parsePage(['4', '5'])).toBe(4);
  });

  it('reads anything else as page 1', () => {
    for (const raw of [undefined, '', 'abc', '-1', '0', '2.5', '1e3', '99999999999999999999']) {
      expect(parsePage(raw), String(raw)).toBe(1);
    }
  });
});

describe('queryMessage', () => {
  it('says what to do for each query that cannot be searched', () => {
    expect(queryMessage({ kind: 'empty' })).toBe('Enter a word or phrase to search the news articles.');
    expect(queryMessage({ kind: 'too-long', length: 250 })).toBe(
      'Your search is 250 characters long. A search can be at most 200 characters: shorten it and try again.',
    );
    expect(queryMessage({ kind: 'no-words', text: '!!!' })).toBe(
      '“!!!” has no words to search for. Use letters or numbers, for example “readiness” or “NATO”.',
    );
  });
});
