import { describe, expect, it } from 'vitest';
import { verifyPreviewToken } from '../preview/token';
import { makeDeskLink } from './desk-link';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const NOW = new Date('2026-11-30T12:00:00.500Z');
const options = { articles: [{ slug: 'a-draft', title: 'A Draft' }], secret: SECRET, baseUrl: 'https://preview.example.gov', now: NOW };

describe('makeDeskLink', () => {
  it('makes nothing when nothing was asked', () => {
    expect(makeDeskLink({ link: undefined, expires: undefined }, options)).toBeUndefined();
  });

  it.each([
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['7d', 7 * 86_400_000],
  ])('signs a link for %s that verifies for that article only', (expires, ms) => {
    const link = makeDeskLink({ link: 'a-draft', expires }, options);
    expect(link?.ok).toBe(true);
    if (!link?.ok) return;
    expect(link.url).toBe(`https://preview.example.gov/api/preview?token=${link.token}`);
    expect(link.expiresAt).toEqual(new Date(Date.parse('2026-11-30T12:00:00Z') + ms));
    expect(verifyPreviewToken(link.token, { secret: SECRET, now: NOW })).toEqual({ ok: true, slug: 'a-draft', expiresAt: link.expiresAt });
  });

  it('refuses an article that is not pending, and an expiry it does not offer', () => {
    expect(makeDeskLink({ link: 'published-story', expires: '1d' }, options)).toEqual({
      ok: false,
      message: 'No link was made: that article is not a draft or scheduled article on this site.',
    });
    expect(makeDeskLink({ link: 'a-draft', expires: '30d' }, options)).toEqual({
      ok: false,
      message: 'No link was made: choose how long it lasts (1 hour, 1 day, 2 days, 7 days).',
    });
  });
});
