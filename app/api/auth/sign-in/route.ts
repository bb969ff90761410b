import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { beginSignIn } from '@/lib/auth/oidc';
import { authProblem, misdirectedHost, redirectTo, signInRefusal } from '@/lib/auth/responses';
import { staffAuthConfig } from '@/lib/auth/staff';
import { safeReturnTo, sealTransaction, TRANSACTION_COOKIE, TRANSACTION_MS, TRANSACTION_PATH } from '@/lib/auth/transaction';
import { getPreviewSecret } from '@/lib/preview/secret';

/**
 * Starts staff sign-in: a fresh state, nonce and PKCE verifier sealed in a short-lived cookie,
 * then off to the provider. A GET, so /preview can send a signed-out visitor straight here.
 */
export async function GET(request: NextRequest) {
  const auth = staffAuthConfig();
  const secret = getPreviewSecret();
  const refusal = signInRefusal(auth, secret);
  if (refusal) return refusal;
  if (auth.status !== 'ok' || !secret.ok) return authProblem(503, 'Staff sign-in is not available', 'Not configured.');
  const { config } = auth;

  const elsewhere = misdirectedHost(request, config);
  if (elsewhere) return elsewhere;
  if (config.staffEmails.length === 0 && config.staffDomains.length === 0) return redirectTo('/preview?auth=no-allow-list');

  let started;
  try {
    started = await beginSignIn(config, safeReturnTo(request.nextUrl.searchParams.get('returnTo')));
  } catch (error) {
    console.error(`Staff sign-in: the provider ${config.issuer.href} could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    return redirectTo('/preview?auth=unavailable');
  }
  const expiresAt = new Date(Date.now() + TRANSACTION_MS);
  (await cookies()).set(TRANSACTION_COOKIE, sealTransaction(started.transaction, { secret: secret.secret, expiresAt }), {
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    path: TRANSACTION_PATH,
    expires: expiresAt,
  });
  return redirectTo(started.url.href);
}
