/**
 * Signed cookie values: `<base64url(JSON payload)>.<base64url(HMAC-SHA-256)>`, for the site's own
 * preview and staff sessions. Each kind of cookie signs with its own key, derived from
 * PREVIEW_SECRET and the kind's purpose, so a value made for one purpose (a preview link's session)
 * never verifies as another (a staff session), even with the same payload. The payload carries its
 * expiry (`exp`, Unix seconds), checked after the signature.
 *
 * Pure functions with the secret and clock passed in (no `server-only`), so tests can make and
 * forge values. Rotating PREVIEW_SECRET makes every value made before it fail `bad-signature`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SealPurpose = 'preview-session' | 'staff-session' | 'oidc-transaction';

export type UnsealFailure = 'missing' | 'malformed' | 'bad-signature' | 'expired';

export type UnsealResult<T> = { ok: true; payload: T; expiresAt: Date } | { ok: false; reason: UnsealFailure };

/** A cookie value longer than this is refused before any work: browsers keep about 4 KB. */
export const MAX_SEALED_LENGTH = 3800;

const SIGNATURE_LENGTH = 43; // 32 bytes, unpadded base64url
const PART = /^[A-Za-z0-9_-]+$/;

function key(secret: string, purpose: SealPurpose): Buffer {
  if (secret === '') throw new Error('A sealed cookie needs a secret; got an empty string.');
  return createHmac('sha256', secret).update(`newsroom-cookie-key:v1:${purpose}`, 'utf8').digest();
}

function sign(secret: string, purpose: SealPurpose, body: string): Buffer {
  return createHmac('sha256', key(secret, purpose)).update(body, 'utf8').digest();
}

/** Seals `payload` (a JSON object) with its expiry, to the second (rounded down). */
export function seal(
  purpose: SealPurpose,
  payload: Record<string, unknown>,
  { secret, expiresAt }: { secret: string; expiresAt: Date },
): string {
  if ('exp' in payload) throw new Error('seal() sets "exp" itself; leave it out of the payload.');
  const exp = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(exp) || exp <= 0) throw new Error(`Cannot seal a value expiring at ${String(expiresAt)}.`);
  const body = Buffer.from(JSON.stringify({ ...payload, exp }), 'utf8').toString('base64url');
  const value = `${body}.${sign(secret, purpose, body).toString('base64url')}`;
  if (value.length > MAX_SEALED_LENGTH) throw new Error(`A sealed value of ${value.length} characters is too long for a cookie.`);
  return value;
}

/**
 * Checks a sealed value: its shape, then its signature in constant time, then its expiry. Only a
 * value this site signed for this purpose can ever be `expired` or ok.
 */
export function unseal<T extends Record<string, unknown>>(
  purpose: SealPurpose,
  value: string | null | undefined,
  { secret, now = new Date() }: { secret: string; now?: Date },
): UnsealResult<T> {
  if (value === null || value === undefined || value === '') return { ok: false, reason: 'missing' };
  if (value.length > MAX_SEALED_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = value.split('.');
  if (parts.length !== 2) return { ok: false, reason: 'malformed' };
  const [body = '', signature = ''] = parts;
  if (!PART.test(body) || !PART.test(signature) || signature.length !== SIGNATURE_LENGTH) {
    return { ok: false, reason: 'malformed' };
  }
  const given = Buffer.from(signature, 'base64url');
  // Non-canonical base64url (unused low bits set) decodes to the same bytes: refuse it, so a
  // value has exactly one spelling.
  if (given.length !== 32 || given.toString('base64url') !== signature) return { ok: false, reason: 'malformed' };
  if (!timingSafeEqual(given, sign(secret, purpose, body))) return { ok: false, reason: 'bad-signature' };

  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, reason: 'malformed' };
  const exp = (payload as { exp?: unknown }).exp;
  if (typeof exp !== 'number' || !Number.isSafeInteger(exp) || exp <= 0) return { ok: false, reason: 'malformed' };
  const expiresAt = new Date(exp * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload: payload as T, expiresAt };
}
