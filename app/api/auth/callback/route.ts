import type { NextRequest } from 'next/server';
import { completeSignIn } from '@/lib/auth/callback';
import { misdirectedHost, redirectTo, signInRefusal } from '@/lib/auth/responses';
import { staffAuthConfig } from '@/lib/auth/staff';
import { getPreviewSecret } from '@/lib/preview/secret';

/** Where the provider sends staff back: everything is checked in completeSignIn. */
export async function GET(request: NextRequest) {
  const auth = staffAuthConfig();
  const secret = getPreviewSecret();
  const refusal = signInRefusal(auth, secret);
  if (refusal || auth.status !== 'ok' || !secret.ok) return refusal;
  const elsewhere = misdirectedHost(request, auth.config);
  if (elsewhere) return elsewhere;
  return redirectTo(await completeSignIn(auth.config, secret.secret, request.nextUrl.search));
}
