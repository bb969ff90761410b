import { describe, expect, it } from 'vitest';
import { gatePreview, rewriteCookieHeader } from './proxy-gate';
import { sealPreviewSession } from './session';

const secret = 'test-secret-of-at-least-thirty-two-bytes-0123456789';
const now = new Date('2026-11-30T12:00:00Z');
const later = new Date('2026-11-30T13:00:00Z');
const base = { host: 'localhost:3000', previewHost: undefined, secret, now, previewCookie: undefined, staffCookie: undefined };

describe('gatePreview', () => {
  it('leaves a request without the site’s preview cookies public', () => {
    expect(gatePreview(base)).toEqual({ draftMode: false, clear: [] });
  });

  it('turns Draft Mode on for a valid link session and keeps its cookie', () => {
    const previewCookie = sealPreviewSession('draft-article-example', { secret, expiresAt: later });
    expect(gatePreview({ ...base, previewCookie })).toEqual({ draftMode: true, clear: [] });
  });

  it('renders an expired or forged cookie per request (to say so) and deletes it', () => {
    const expired = sealPreviewSession('draft-article-example', { secret, expiresAt: new Date(now.getTime() - 1000) });
    expect(gatePreview({ ...base, previewCookie: expired })).toEqual({ draftMode: true, clear: ['newsroom_preview'] });
    expect(gatePreview({ ...base, previewCookie: 'x', staffCookie: 'y' })).toEqual({
      draftMode: true,
      clear: ['newsroom_preview', 'newsroom_staff'],
    });
  });

  it('ignores preview cookies on the public host when PREVIEW_HOST is set', () => {
    const previewCookie = sealPreviewSession('draft-article-example', { secret, expiresAt: later });
    expect(gatePreview({ ...base, previewHost: 'preview.localhost:3000', previewCookie })).toEqual({ draftMode: false, clear: [] });
  });
});

describe('rewriteCookieHeader', () => {
  it('drops the named cookies and keeps the rest in order', () => {
    expect(rewriteCookieHeader('a=1; __prerender_bypass=abc; b=2', ['__prerender_bypass'])).toBe('a=1; b=2');
    expect(rewriteCookieHeader('__prerender_bypass=abc', ['__prerender_bypass'])).toBe('');
    expect(rewriteCookieHeader(null, ['__prerender_bypass'])).toBe('');
  });

  it('adds the given cookie after removing any sent under the same name', () => {
    expect(rewriteCookieHeader('__prerender_bypass=forged;a=1', ['__prerender_bypass'], '__prerender_bypass=real')).toBe(
      'a=1; __prerender_bypass=real',
    );
  });

  it('drops a cookie sent twice or with spaces around its name', () => {
    expect(rewriteCookieHeader(' __prerender_bypass =x; __prerender_bypass=y; c', ['__prerender_bypass'])).toBe('c');
  });
});
