import { describe, expect, it } from 'vitest';
import { IssueList } from '../content/issues';
import { convertBody, parseMarkdown } from '../content/markdown';
import type { Figure } from '../content/types';
import { bodyParagraphs } from './text';

const FIGURE: Figure = { src: '/images/news/x/a.jpg', width: 40, height: 30, alt: 'A photo.', decorative: false, caption: 'Caption.' };

function paragraphsOf(markdown: string): string[] {
  const body = convertBody(parseMarkdown(markdown), new IssueList('test.md'), () => FIGURE);
  return bodyParagraphs(body.tree);
}

describe('bodyParagraphs', () => {
  it('reads paragraphs, headings, quotes, list items and table cells as separate plain texts', () => {
    const markdown = [
      'A *first* paragraph with a [link](https://example.gov) and `code`.',
      '',
      '## A heading',
      '',
      '> A quoted line.',
      '',
      '- One item',
      '- Two items',
      '  - A nested item',
      '',
      '| Unit | Count |',
      '| --- | --- |',
      '| Alpha | 3 |',
    ].join('\n');
    expect(paragraphsOf(markdown)).toEqual([
      'A first paragraph with a link and code.',
      'A heading',
      'A quoted line.',
      'One item',
      'Two items',
      'A nested item',
      'Unit',
      'Count',
      'Alpha',
      '3',
    ]);
  });

  it('leaves figures out (their captions are read from the figure list) and keeps hard breaks as spaces', () => {
    const markdown = ['Before  ', 'after.', '', '```figure', 'src: a.jpg', '```', '', 'Last.'].join('\n');
    expect(paragraphsOf(markdown)).toEqual(['Before after.', 'Last.']);
  });
});
