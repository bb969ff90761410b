import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '@/lib/content/store';
import {
  DEFAULT_EXPIRY,
  formatDuration,
  MAX_EXPIRY,
  parseDuration,
  PREVIEW_SLUG_PATTERN,
  previewExpiresAt,
  signPreviewToken,
  verifyPreviewToken,
} from './token';

const secret = 'test-secret-that-is-at-least-32-bytes-long';
const slug = 'biden-stoltenberg-confer-before-nato-summit';
const signedAt = new Date('2026-11-28T12:00:00Z');
const expiresAt = new Date('2026-11-30T12:00:00Z');
const expires = String(expiresAt.getTime() / 1000);
const token = signPreviewToken({ slug, expiresAt, secret });
const [, , signature = ''] = token.split('.');

function verify(candidate: string | null | undefined, now: Date = signedAt) {
  return verifyPreviewToken(candidate, { secret, now });
}

describe('signPreviewToken', () => {
  it('writes <slug>.<unix seconds>.<base64url HMAC-SHA-256 of v1:slug:expires>', () => {
    const expected = createHmac('sha256', secret).update(`v1:${slug}:${expires}`).digest('base64url');
    expect(token).toBe(`${slug}.1796040000.${expected}`);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores the expiry to the second, rounded down', () => {
    const withMs = signPreviewToken({ slug, expiresAt: new Date(expiresAt.getTime() + 999), secret });
    expect(withMs).toBe(token);
  });

  it('refuses a slug that the content would not accept', () => {
    expect(() => signPreviewToken({ slug: 'Bad.Slug', expiresAt, secret })).toThrow(
      'Cannot sign a preview token for "Bad.Slug": a slug is lowercase words joined by hyphens.',
    );
  });

  it('refuses an invalid or pre-1970 expiry and an empty secret', () => {
    expect(() => signPreviewToken({ slug, expiresAt: new Date(Number.NaN), secret })).toThrow(
      'Cannot sign a preview token expiring at Invalid Date: not a date after 1970.',
    );
    expect(() => signPreviewToken({ slug, expiresAt: new Date(0), secret })).toThrow('not a date after 1970');
    expect(() => signPreviewToken({ slug, expiresAt, secret: '' })).toThrow(
      'A preview token needs a secret; got an empty string.',
    );
  });

  it('uses the same slug rule as the content', () => {
    expect(PREVIEW_SLUG_PATTERN.source).toBe(SLUG_PATTERN.source);
    expect(PREVIEW_SLUG_PATTERN.flags).toBe(SLUG_PATTERN.flags);
  });
});

describe('verifyPreviewToken', () => {
  it('accepts a token it signed, before it expires, and returns the slug and expiry', () => {
    expect(verify(token)).toEqual({ ok: true, slug, expiresAt });
    expect(verify(token, new Date(expiresAt.getTime() - 1))).toEqual({ ok: true, slug, expiresAt });
  });

  it('says expired from the moment of expiry on', () => {
    expect(verify(token, expiresAt)).toEqual({ ok: false, reason: 'expired' });
    expect(verify(token, new Date('2027-01-01T00:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('defaults now to the current time', () => {
    const past = signPreviewToken({ slug, expiresAt: new Date(Date.now() - 1000), secret });
    const future = signPreviewToken({ slug, expiresAt: new Date(Date.now() + 60_000), secret });
    expect(verifyPreviewToken(past, { secret })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyPreviewToken(future, { secret })).toMatchObject({ ok: true, slug });
  });

  it('rejects a signature taken from another slug', () => {
    const other = signPreviewToken({ slug: 'allied-logistics-conference-2027-preview', expiresAt, secret });
    const [, , otherSignature] = other.split('.');
    expect(verify(`${slug}.${expires}.${otherSignature}`)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verify(`allied-logistics-conference-2027-preview.${expires}.${signature}`)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects an extended expiry with the original signature', () => {
    const later = String(Number(expires) + 7 * 24 * 60 * 60);
    expect(verify(`${slug}.${later}.${signature}`)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('says bad-signature, not expired, for an altered token whose claimed expiry has passed', () => {
    const earlier = String(Number(expires) - 1);
    expect(verify(`${slug}.${earlier}.${signature}`, new Date('2027-01-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects a token signed with another secret, even an expired one', () => {
    const forged = signPreviewToken({ slug, expiresAt, secret: 'another-secret-that-is-also-32-bytes-long' });
    expect(verify(forged)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verify(forged, new Date('2027-01-01T00:00:00Z'))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects a signature one bit off', () => {
    const bytes = Buffer.from(signature, 'base64url');
    bytes[31] = (bytes[31] ?? 0) ^ 0b100;
    expect(verify(`${slug}.${expires}.${bytes.toString('base64url')}`)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('says missing for null, undefined and the empty string', () => {
    expect(verify(null)).toEqual({ ok: false, reason: 'missing' });
    expect(verify(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(verify('')).toEqual({ ok: false, reason: 'missing' });
  });

  it.each([
    ['a truncated signature', token.slice(0, -1)],
    ['a signature cut to nothing', `${slug}.${expires}.`],
    ['only two parts', `${slug}.${expires}`],
    ['only one part', slug],
    ['an extra part', `${token}.extra`],
    ['an extra empty part', `${token}.`],
    ['a leading dot', `.${token}`],
    ['a signature with +', `${slug}.${expires}.${signature.slice(0, 10)}+${signature.slice(11)}`],
    ['a signature with /', `${slug}.${expires}.${signature.slice(0, 10)}/${signature.slice(11)}`],
    ['a signature with !', `${slug}.${expires}.${signature.slice(0, 10)}!${signature.slice(11)}`],
    ['a padded signature', `${token}=`],
    ['standard base64 of the right bytes', `${slug}.${expires}.${Buffer.from(signature, 'base64url').toString('base64')}`],
    ['a right-alphabet signature one character long', `${token}A`],
    ['a right-alphabet signature of 24 bytes', `${slug}.${expires}.${'A'.repeat(32)}`],
    ['a right-alphabet signature of 33 bytes', `${slug}.${expires}.${'A'.repeat(44)}`],
    ['a signature with non-zero unused bits', `${slug}.${expires}.${signature.slice(0, 42)}${nonCanonical(signature)}`],
    ['an uppercase slug', `${slug.toUpperCase()}.${expires}.${signature}`],
    ['a slug with ..', `..${slug}.${expires}.${signature}`],
    ['a slug with /', `news/${slug}.${expires}.${signature}`],
    ['a slug with a trailing hyphen', `${slug}-.${expires}.${signature}`],
    ['an empty slug', `.${expires}.${signature}`],
    ['an expiry with a leading zero', `${slug}.0${expires}.${signature}`],
    ['an expiry with a sign', `${slug}.+${expires}.${signature}`],
    ['an expiry in exponent form', `${slug}.17e8.${signature}`],
    ['an expiry of 13 digits', `${slug}.${expiresAt.getTime()}.${signature}`],
    ['an expiry of zero', `${slug}.0.${signature}`],
    ['surrounding whitespace', ` ${token} `],
  ])('says malformed for %s', (_, candidate) => {
    expect(verify(candidate)).toEqual({ ok: false, reason: 'malformed' });
  });
});

/** The last character of `signature` with its two unused bits set: decodes to the same bytes. */
function nonCanonical(signature: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return alphabet[alphabet.indexOf(signature.at(-1) ?? 'A') + 1] ?? 'B';
}

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['90m', 90 * 60_000],
    ['48h', 48 * 3_600_000],
    ['2d', 2 * 86_400_000],
    ['7d', 7 * 86_400_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '2', 'd', '2w', '2D', '1.5h', '-1d', ' 2d', '2d ', '2 d', '1h30m'])('refuses "%s"', (text) => {
    expect(() => parseDuration(text)).toThrow(
      `"${text}" is not a duration: use a whole number followed by s, m, h or d, like 90m, 48h or 2d.`,
    );
  });

  it('refuses zero', () => {
    expect(() => parseDuration('0h')).toThrow('"0h" is not a duration: it must be longer than zero.');
  });
});

describe('previewExpiresAt', () => {
  const now = new Date('2026-11-28T12:00:00.750Z');

  it('defaults to 48 hours, to the second', () => {
    expect(DEFAULT_EXPIRY).toBe(48 * 3_600_000);
    expect(previewExpiresAt(undefined, now)).toEqual(new Date('2026-11-30T12:00:00Z'));
  });

  it('allows exactly 7 days', () => {
    expect(MAX_EXPIRY).toBe(7 * 86_400_000);
    expect(previewExpiresAt('7d', now)).toEqual(new Date('2026-12-05T12:00:00Z'));
    expect(previewExpiresAt('168h', now)).toEqual(new Date('2026-12-05T12:00:00Z'));
  });

  it('refuses anything longer than 7 days instead of shortening it', () => {
    expect(() => previewExpiresAt('30d', now)).toThrow('"30d" is too long: a preview link can last at most 7 days.');
    expect(() => previewExpiresAt('604801s', now)).toThrow('"604801s" is too long');
    expect(() => previewExpiresAt('99999999999999999999999d', now)).toThrow('is too long');
  });

  it('passes on a bad duration', () => {
    expect(() => previewExpiresAt('soon', now)).toThrow('"soon" is not a duration');
  });
});

describe('formatDuration', () => {
  it('uses the largest unit that divides evenly', () => {
    expect(formatDuration(MAX_EXPIRY)).toBe('7 days');
    expect(formatDuration(DEFAULT_EXPIRY)).toBe('2 days');
    expect(formatDuration(90 * 60_000)).toBe('90 minutes');
    expect(formatDuration(1000)).toBe('1 second');
  });
});
