import { describe, expect, it } from 'vitest';
import { fromOwnPage, publicReturnPath } from './exit';

const post = (headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/preview/exit', { method: 'POST', headers });

describe('fromOwnPage', () => {
  it('accepts a form whose Origin names the host it was sent to', () => {
    expect(fromOwnPage(post({ host: 'www.example.gov', origin: 'https://www.example.gov' }))).toBe(true);
    expect(fromOwnPage(post({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }))).toBe(true);
  });

  it.each([
    ['no Origin', { host: 'www.example.gov' }],
    ['another site', { host: 'www.example.gov', origin: 'https://evil.example' }],
    ['a look-alike host', { host: 'www.example.gov', origin: 'https://www.example.gov.evil.example' }],
    ['another port', { host: 'www.example.gov', origin: 'https://www.example.gov:8443' }],
    ['an opaque origin', { host: 'www.example.gov', origin: 'null' }],
    ['a non-web scheme', { host: 'www.example.gov', origin: 'file://www.example.gov' }],
  ])('refuses %s', (_, headers) => {
    expect(fromOwnPage(post(headers))).toBe(false);
  });
});

describe('publicReturnPath', () => {
  it('sends anything that is not a path of this site home', () => {
    for (const candidate of [null, 42, '', 'news', '//evil.example', 'https://evil.example/', '/\\evil.example', '/news/../../evil']) {
      expect(publicReturnPath(candidate)).toBe('/');
    }
  });

  it('keeps the fixed listings', () => {
    for (const candidate of ['/', '/news', '/topics', '/feeds']) expect(publicReturnPath(candidate)).toBe(candidate);
  });
  // Drafts, scheduled and public articles, pages and listing pages: e2e/preview.spec.ts, against the content.
});
