import 'server-only';
import { cookies } from 'next/headers';
import { authProblem, redirectTo } from './responses';
import { readStaffCookie, revocationStore, staffAuthConfig } from './staff';
import { STAFF_COOKIE } from './staff-session';

/**
 * Whether a POST comes from a page of this site: browsers send Origin with every form POST, so a
 * missing one is refused as well as a foreign one.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('host');
  if (!origin || !host || origin === 'null') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Signing out records the session id as revoked until the session would have expired (so a copy of
 * the cookie taken before is refused on every server process of this machine), and clears the
 * cookies in this browser.
 */
export async function signOut(request: Request): Promise<Response> {
  if (!sameOrigin(request)) {
    return authProblem(403, 'Sign-out refused', 'Sign out with the Sign out button on this site’s staff desk.');
  }
  const jar = await cookies();
  const session = readStaffCookie(jar.get(STAFF_COOKIE)?.value);
  const auth = staffAuthConfig();
  if (session.ok && auth.status === 'ok') revocationStore(auth.config.revocationDir).revoke(session.staff.sid, session.expiresAt);
  jar.set(STAFF_COOKIE, '', { httpOnly: true, secure: true, sameSite: 'lax', path: '/', expires: new Date(0) });
  // A preview link opened in this browser keeps its own session (newsroom_preview is left alone).
  return redirectTo('/preview?auth=signed-out');
}
