import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IssueList } from '@/lib/content/issues';
import { convertBody, parseMarkdown } from '@/lib/content/markdown';
import { Prose } from './prose';

function render(markdown: string): string {
  const body = convertBody(parseMarkdown(markdown), new IssueList('content/news/x.md'), () => undefined);
  return renderToStaticMarkup(<Prose body={body} />);
}

describe('Prose', () => {
  it('keeps a table column’s alignment as an attribute, never an inline style the CSP would refuse', () => {
    const html = render('| Base | Spaces |\n| --- | ---: |\n| Fort Hood | 232 |\n');
    expect(html).toContain('<th align="right">Spaces</th>');
    expect(html).toContain('<td align="right">232</td>');
    expect(html).not.toContain('style=');
  });
});
