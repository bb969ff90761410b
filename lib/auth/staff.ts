import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { getPreviewSecret } from '../preview/secret';
import { readStaffAuthConfig, type StaffAuthConfigResult } from './config';
import { fileRevocationStore, type RevocationStore } from './revocation';
import { readStaffSession, STAFF_COOKIE, type StaffSessionResult } from './staff-session';

/** A new session id: 128 random bits, base64url. */
export function randomSessionId(): string {
  return randomBytes(16).toString('base64url');
}

export function staffAuthConfig(): StaffAuthConfigResult {
  return readStaffAuthConfig(process.env);
}

const stores = new Map<string, RevocationStore>();
export function revocationStore(directory: string): RevocationStore {
  let store = stores.get(directory);
  if (!store) stores.set(directory, (store = fileRevocationStore(directory)));
  return store;
}

/**
 * Reads a `newsroom_staff` cookie value: sealed with the current PREVIEW_SECRET, not expired, not
 * signed out. With staff sign-in not configured (or misconfigured) no value is a session, so
 * turning sign-in off ends every staff session too. For getPreviewAccess (lib/preview/access.ts).
 */
export function readStaffCookie(value: string | null | undefined, now: Date = new Date()): StaffSessionResult {
  const config = staffAuthConfig();
  const secret = getPreviewSecret();
  if (config.status !== 'ok' || !secret.ok) return { ok: false, reason: 'missing' };
  const store = revocationStore(config.config.revocationDir);
  return readStaffSession(value, { secret: secret.secret, now, isRevoked: (sid) => store.isRevoked(sid, now) });
}

export type StaffState =
  | { kind: 'staff'; session: Extract<StaffSessionResult, { ok: true }> }
  | { kind: 'none' }
  /** A staff cookie that no longer works: expired, signed out, or sealed with another secret. */
  | { kind: 'ended'; reason: 'expired' | 'ended' };

/** The staff session of this request, from its cookie. */
export async function currentStaff(): Promise<StaffState> {
  const value = (await cookies()).get(STAFF_COOKIE)?.value;
  if (value === undefined || value === '') return { kind: 'none' };
  const session = readStaffCookie(value);
  if (session.ok) return { kind: 'staff', session };
  return { kind: 'ended', reason: session.reason === 'expired' ? 'expired' : 'ended' };
}

/** Why the desk asks someone to sign in: `/preview?auth=<code>`. Fixed text; nothing from the request is echoed. */
export const SIGN_IN_MESSAGES = {
  'signed-out': { type: 'info', text: 'You have signed out of the staff desk.' },
  expired: { type: 'warning', text: 'Your staff session has expired. Sign in again to continue.' },
  ended: {
    type: 'warning',
    text: 'Your staff session has ended: it was signed out, or the site’s preview key was changed. Sign in again to continue.',
  },
  'not-staff': {
    type: 'error',
    text: 'Sign-in refused: the account you signed in with is not on this site’s staff list. Ask the site’s operators to add your work email address.',
  },
  'email-unverified': {
    type: 'error',
    text: 'Sign-in refused: the provider did not confirm that your email address is verified.',
  },
  'no-allow-list': {
    type: 'error',
    text: 'Sign-in refused: no staff list is configured (STAFF_EMAILS or STAFF_EMAIL_DOMAINS), so nobody can sign in yet.',
  },
  'provider-refused': { type: 'error', text: 'Sign-in was cancelled or refused at the sign-in provider. Nothing was changed; try again.' },
  'state-mismatch': {
    type: 'error',
    text: 'Sign-in failed: the answer from the provider did not match the sign-in this browser started. Start again from this page.',
  },
  'transaction-expired': {
    type: 'error',
    text: 'Sign-in failed: it took longer than 10 minutes, or was started in another browser. Start again from this page.',
  },
  failed: {
    type: 'error',
    text: 'Sign-in failed: the provider’s answer could not be verified. Try again; if it keeps failing, tell the site’s operators.',
  },
  unavailable: { type: 'error', text: 'Sign-in is unavailable: the sign-in provider could not be reached. Try again in a few minutes.' },
} as const satisfies Record<string, { type: 'info' | 'warning' | 'error'; text: string }>;

export type SignInMessageCode = keyof typeof SIGN_IN_MESSAGES;

export function signInMessage(code: string | string[] | undefined) {
  if (typeof code !== 'string' || !Object.hasOwn(SIGN_IN_MESSAGES, code)) return undefined;
  return SIGN_IN_MESSAGES[code as SignInMessageCode];
}
