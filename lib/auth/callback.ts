import 'server-only';
import { cookies } from 'next/headers';
import { isAllowedStaff, type StaffAuthConfig } from './config';
import { finishSignIn } from './oidc';
import { randomSessionId } from './staff';
import { sealStaffSession, STAFF_COOKIE, type StaffIdentity } from './staff-session';
import { readTransaction, TRANSACTION_COOKIE, TRANSACTION_PATH } from './transaction';

const failure = (code: string) => `/preview?auth=${code}`;

/**
 * The callback's work: the transaction cookie must be ours and fresh; openid-client checks state,
 * PKCE, the code exchange and the ID token (issuer, audience, signature, expiry, nonce); the person
 * must be on the staff list. Only then the staff session cookie and Draft Mode are set. Returns
 * where to send the browser: the same-site path the sign-in started from, or /preview with why not.
 */
export async function completeSignIn(config: StaffAuthConfig, secret: string, search: string): Promise<string> {
  const jar = await cookies();
  const transaction = readTransaction(jar.get(TRANSACTION_COOKIE)?.value, { secret });
  // One use only, whatever happens next.
  jar.set(TRANSACTION_COOKIE, '', { httpOnly: true, secure: true, sameSite: 'lax', path: TRANSACTION_PATH, expires: new Date(0) });
  if (!transaction.ok) return failure('transaction-expired');

  const finished = await finishSignIn(config, search, transaction.transaction);
  if (!finished.ok) {
    console.warn(`Staff sign-in refused (${finished.reason}): ${finished.detail}`);
    return failure(finished.reason);
  }
  const allowed = isAllowedStaff(finished.claims, config);
  if (!allowed.ok) {
    console.warn(`Staff sign-in refused (${allowed.reason}) for subject ${finished.claims.sub} of ${finished.claims.iss}.`);
    return failure(allowed.reason);
  }

  const { sub, iss, email, name } = finished.claims;
  const staff: StaffIdentity = { sid: randomSessionId(), sub, iss };
  if (typeof email === 'string') staff.email = email;
  if (typeof name === 'string' && name !== '') staff.name = name.slice(0, 200);
  const expiresAt = new Date(Date.now() + config.sessionMs);
  const cookie = { httpOnly: true, secure: true, sameSite: 'lax', path: '/', expires: expiresAt } as const;
  // Draft Mode is turned on per request by proxy.ts for a valid staff cookie; Next's own cookie,
  // whose value is also its revalidation secret, never reaches a browser (decision 0012).
  jar.set(STAFF_COOKIE, sealStaffSession(staff, { secret, expiresAt }), cookie);
  return transaction.transaction.returnTo;
}
