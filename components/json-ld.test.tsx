import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JsonLd, serializeJsonLd } from './json-ld';

const hostile = {
  '@type': 'NewsArticle',
  headline: 'Breaking</script><script>alert(1)</script> & <!-- more \u2028 \u2029',
};

describe('JsonLd', () => {
  it('escapes what could end the script element, and the JSON still parses to the same data', () => {
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(hostile);
  });

  it('renders one application/ld+json script per object that a headline cannot break out of', () => {
    const html = renderToStaticMarkup(<JsonLd data={[hostile, { '@type': 'BreadcrumbList' }]} />);
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(2);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(JSON.parse(scripts[0]![1]!)).toEqual(hostile);
    expect(JSON.parse(scripts[1]![1]!)).toEqual({ '@type': 'BreadcrumbList' });
  });
});
