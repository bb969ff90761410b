import { describe, expect, it } from 'vitest';
import { readTransaction, safeReturnTo, sealTransaction } from './transaction';
import { seal } from '../preview/seal';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const NOW = new Date('2026-11-30T12:00:00Z');
const transaction = { state: 's', nonce: 'n', verifier: 'v', returnTo: '/news/draft' };

describe('the sign-in transaction cookie', () => {
  it('reads back what it sealed, until it expires', () => {
    const value = sealTransaction(transaction, { secret: SECRET, expiresAt: new Date(NOW.getTime() + 600_000) });
    expect(readTransaction(value, { secret: SECRET, now: NOW })).toEqual({ ok: true, transaction });
    expect(readTransaction(value, { secret: SECRET, now: new Date(NOW.getTime() + 600_000) })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another secret, another purpose and a missing field', () => {
    const expiresAt = new Date(NOW.getTime() + 600_000);
    const other = sealTransaction(transaction, { secret: `${SECRET}-rotated`, expiresAt });
    expect(readTransaction(other, { secret: SECRET, now: NOW })).toEqual({ ok: false, reason: 'bad-signature' });
    const staff = seal('staff-session', { ...transaction }, { secret: SECRET, expiresAt });
    expect(readTransaction(staff, { secret: SECRET, now: NOW })).toEqual({ ok: false, reason: 'bad-signature' });
    const partial = seal('oidc-transaction', { state: 's', nonce: 'n', returnTo: '/' }, { secret: SECRET, expiresAt });
    expect(readTransaction(partial, { secret: SECRET, now: NOW })).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('safeReturnTo', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeReturnTo('/news/some-draft')).toBe('/news/some-draft');
    expect(safeReturnTo('/preview?link=a&expires=1d')).toBe('/preview?link=a&expires=1d');
  });

  it.each([null, '', 'preview', '//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/%0d%0aLocation:x', '/\nx', '/api/auth/sign-out', `/${'a'.repeat(600)}`])(
    'sends %j to /preview',
    (candidate) => {
      const result = safeReturnTo(candidate);
      expect(result.startsWith('/') && !result.startsWith('//')).toBe(true);
      if (candidate !== '/%0d%0aLocation:x') expect(result).toBe('/preview');
    },
  );
});
