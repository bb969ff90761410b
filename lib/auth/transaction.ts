/**
 * The sign-in transaction between leaving for the provider and coming back: state, nonce, PKCE
 * verifier and where to return, sealed (purpose `oidc-transaction`) in a short-lived cookie that
 * only /api/auth/* receives. Pure functions with the secret and clock passed in.
 */
import type { SignInTransaction } from './oidc';
import { seal, unseal, type UnsealFailure } from '../preview/seal';

export const TRANSACTION_COOKIE = 'newsroom_oidc';
export const TRANSACTION_PATH = '/api/auth';
/** Long enough to type a password and a one-time code at the provider; short enough to be stale soon. */
export const TRANSACTION_MS = 10 * 60_000;

export function sealTransaction(transaction: SignInTransaction, options: { secret: string; expiresAt: Date }): string {
  return seal('oidc-transaction', { ...transaction }, options);
}

export function readTransaction(
  value: string | null | undefined,
  options: { secret: string; now?: Date },
): { ok: true; transaction: SignInTransaction } | { ok: false; reason: UnsealFailure } {
  const opened = unseal('oidc-transaction', value, options);
  if (!opened.ok) return opened;
  const { state, nonce, verifier, returnTo } = opened.payload;
  if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string' || typeof returnTo !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  return { ok: true, transaction: { state, nonce, verifier, returnTo: safeReturnTo(returnTo) } };
}

/**
 * A path on this site to return to after sign-in, or /preview. Only a plain absolute path:
 * `//evil.example`, `/\evil.example`, a scheme or anything with control characters is refused,
 * so the callback can never redirect off the site.
 */
export function safeReturnTo(candidate: string | null | undefined): string {
  const fallback = '/preview';
  if (typeof candidate !== 'string' || candidate.length > 512) return fallback;
  if (!/^\/(?![/\\])/.test(candidate) || /[\\\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, 'https://same-site.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'https://same-site.invalid' || url.pathname.startsWith('/api/')) return fallback;
  return `${url.pathname}${url.search}`;
}
