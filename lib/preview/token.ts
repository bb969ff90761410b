/**
 * Signed preview-link tokens: `<slug>.<expiresAtUnixSeconds>.<signature>`, where the signature is
 * base64url (no padding) of HMAC-SHA-256(secret, `v1:<slug>:<expiresAt>`).
 *
 * Pure functions, with the clock and the secret passed in, and no `server-only` import, so the
 * `preview-link` CLI and the tests can use them. The secret comes from `getPreviewSecret`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The content slug rule (`SLUG_PATTERN` in lib/content/store.ts, which a test keeps in step),
 * repeated here so that this module loads nothing from content. It admits no dots, so a token
 * splits into its three parts unambiguously.
 */
export const PREVIEW_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Unix seconds, no leading zero (so each expiry has one spelling), at most 12 digits (year 33658). */
const EXPIRES_PATTERN = /^[1-9][0-9]{0,11}$/;

/**
 * 32 bytes in unpadded base64url is 43 characters. The last carries 2 unused bits, which must be
 * zero: otherwise four spellings would decode to the same signature and a token would have
 * variants that also verify.
 */
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long a preview link lasts when no `--expires` is given: 48 hours. */
export const DEFAULT_EXPIRY = 48 * HOUR;
/** The longest a preview link may last: 7 days. Longer requests are refused, not shortened. */
export const MAX_EXPIRY = 7 * DAY;

export type PreviewTokenFailure = 'missing' | 'malformed' | 'bad-signature' | 'expired';

export type PreviewTokenResult =
  | { ok: true; slug: string; expiresAt: Date }
  | { ok: false; reason: PreviewTokenFailure };

export interface SignPreviewTokenOptions {
  slug: string;
  /** Stored to the second (rounded down). */
  expiresAt: Date;
  secret: string;
}

export interface VerifyPreviewTokenOptions {
  secret: string;
  now?: Date;
}

function sign(secret: string, slug: string, expires: string): Buffer {
  if (secret === '') throw new Error('A preview token needs a secret; got an empty string.');
  return createHmac('sha256', secret).update(`v1:${slug}:${expires}`, 'utf8').digest();
}

export function signPreviewToken({ slug, expiresAt, secret }: SignPreviewTokenOptions): string {
  if (!PREVIEW_SLUG_PATTERN.test(slug)) {
    throw new Error(`Cannot sign a preview token for "${slug}": a slug is lowercase words joined by hyphens.`);
  }
  const expires = String(Math.floor(expiresAt.getTime() / SECOND));
  if (!EXPIRES_PATTERN.test(expires)) {
    throw new Error(`Cannot sign a preview token expiring at ${String(expiresAt)}: not a date after 1970.`);
  }
  return `${slug}.${expires}.${sign(secret, slug, expires).toString('base64url')}`;
}

/**
 * Checks a token from a preview URL. The signature is checked before the expiry, so `expired`
 * is only ever said of a token this site signed; anything altered is `bad-signature`.
 */
export function verifyPreviewToken(
  token: string | null | undefined,
  { secret, now = new Date() }: VerifyPreviewTokenOptions,
): PreviewTokenResult {
  if (token === null || token === undefined || token === '') return { ok: false, reason: 'missing' };

  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [slug = '', expires = '', signature = ''] = parts;
  if (!PREVIEW_SLUG_PATTERN.test(slug) || !EXPIRES_PATTERN.test(expires) || !SIGNATURE_PATTERN.test(signature)) {
    return { ok: false, reason: 'malformed' };
  }

  const expected = sign(secret, slug, expires);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length) return { ok: false, reason: 'malformed' };
  if (!timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };

  const expiresAt = new Date(Number(expires) * SECOND);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, slug, expiresAt };
}

const UNITS = { s: SECOND, m: MINUTE, h: HOUR, d: DAY } as const;
const UNIT_NAMES = { s: 'second', m: 'minute', h: 'hour', d: 'day' } as const;
type Unit = keyof typeof UNITS;

function isUnit(text: string | undefined): text is Unit {
  return text !== undefined && Object.hasOwn(UNITS, text);
}

/** `'90m'`, `'48h'`, `'2d'`, `'30s'` → milliseconds. Throws an Error saying what is accepted. */
export function parseDuration(text: string): number {
  const match = /^([0-9]+)([smhd])$/.exec(text);
  const unit = match?.[2];
  if (!match || !isUnit(unit)) {
    throw new Error(
      `"${text}" is not a duration: use a whole number followed by s, m, h or d, like 90m, 48h or 2d.`,
    );
  }
  const ms = Number(match[1]) * UNITS[unit];
  if (ms === 0) throw new Error(`"${text}" is not a duration: it must be longer than zero.`);
  return ms;
}

/** `604800000` → `'7 days'`; `5400000` → `'90 minutes'`: the largest unit that divides evenly. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms % UNITS[unit] === 0) {
      const count = ms / UNITS[unit];
      return `${count} ${UNIT_NAMES[unit]}${count === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}

/**
 * When a link made at `now` should expire: `now` plus `duration` (default 48 hours), to the
 * second. Throws an Error for a bad duration or one longer than 7 days.
 */
export function previewExpiresAt(duration: string | undefined, now: Date): Date {
  const ms = duration === undefined ? DEFAULT_EXPIRY : parseDuration(duration);
  if (ms > MAX_EXPIRY) {
    throw new Error(
      `"${duration}" is too long: a preview link can last at most ${formatDuration(MAX_EXPIRY)}.`,
    );
  }
  return new Date(Math.floor((now.getTime() + ms) / SECOND) * SECOND);
}
