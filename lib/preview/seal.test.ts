import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_SEALED_LENGTH, seal, unseal } from './seal';

const secret = 'test-secret-that-is-at-least-32-bytes-long';
const now = new Date('2026-11-30T12:00:00Z');
const expiresAt = new Date('2026-11-30T13:00:00.900Z');
const value = seal('preview-session', { slug: 'draft-article-example' }, { secret, expiresAt });

describe('seal and unseal', () => {
  it('round-trips the payload with its expiry to the second', () => {
    expect(unseal('preview-session', value, { secret, now })).toEqual({
      ok: true,
      payload: { slug: 'draft-article-example', exp: 1796043600 },
      expiresAt: new Date('2026-11-30T13:00:00Z'),
    });
  });

  it('signs with a key derived from the secret and the purpose', () => {
    const [body = ''] = value.split('.');
    const key = createHmac('sha256', secret).update('newsroom-cookie-key:v1:preview-session').digest();
    expect(value).toBe(`${body}.${createHmac('sha256', key).update(body).digest('base64url')}`);
    expect(JSON.parse(Buffer.from(body, 'base64url').toString())).toEqual({ slug: 'draft-article-example', exp: 1796043600 });
  });

  it('says expired at the expiry, never before', () => {
    expect(unseal('preview-session', value, { secret, now: new Date('2026-11-30T12:59:59.999Z') }).ok).toBe(true);
    expect(unseal('preview-session', value, { secret, now: new Date('2026-11-30T13:00:00Z') })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a value made for another purpose', () => {
    expect(unseal('staff-session', value, { secret, now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a value signed with another secret (a rotation)', () => {
    expect(unseal('preview-session', value, { secret: `${secret}-rotated`, now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a payload changed under its signature', () => {
    const [, signature] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ slug: 'other-draft', exp: 1796043600 })).toString('base64url');
    expect(unseal('preview-session', `${forged}.${signature}`, { secret, now })).toEqual({ ok: false, reason: 'bad-signature' });
    const later = Buffer.from(JSON.stringify({ slug: 'draft-article-example', exp: 4102444800 })).toString('base64url');
    expect(unseal('preview-session', `${later}.${signature}`, { secret, now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each([
    ['nothing', undefined, 'missing'],
    ['an empty value', '', 'missing'],
    ['one part', 'abc', 'malformed'],
    ['three parts', `${value}.x`, 'malformed'],
    ['a short signature', `${value.slice(0, -1)}`, 'malformed'],
    ['characters outside base64url', `${value.slice(0, 5)}+${value.slice(6)}`, 'malformed'],
    ['an over-long value', 'a'.repeat(MAX_SEALED_LENGTH + 1), 'malformed'],
  ] as const)('says %s is %s', (_, candidate, reason) => {
    expect(unseal('preview-session', candidate, { secret, now })).toEqual({ ok: false, reason });
  });

  it('refuses a non-canonical spelling of the signature', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = value.at(-1) ?? 'A';
    const variant = `${value.slice(0, -1)}${alphabet[alphabet.indexOf(last) + 1]}`;
    expect(unseal('preview-session', variant, { secret, now })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a signed payload without a numeric expiry', () => {
    const body = Buffer.from(JSON.stringify({ slug: 'x', exp: 'never' })).toString('base64url');
    const key = createHmac('sha256', secret).update('newsroom-cookie-key:v1:preview-session').digest();
    const signed = `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
    expect(unseal('preview-session', signed, { secret, now })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('will not seal its own exp or with an empty secret', () => {
    expect(() => seal('preview-session', { exp: 1 }, { secret, expiresAt })).toThrow('seal() sets "exp" itself');
    expect(() => seal('preview-session', {}, { secret: '', expiresAt })).toThrow('needs a secret');
  });
});
