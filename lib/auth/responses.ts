import 'server-only';
import type { NextRequest } from 'next/server';
import { PREVIEW_HEADERS, previewProblem } from '../preview/response';
import type { PreviewSecretResult } from '../preview/secret';
import type { StaffAuthConfig, StaffAuthConfigResult } from './config';

export const authProblem = previewProblem;

/** 303 See Other: the browser follows with a GET. Never cached, never indexed. */
export function redirectTo(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...PREVIEW_HEADERS } });
}

/** The page an auth route answers with when staff sign-in cannot work at all, or undefined. */
export function signInRefusal(auth: StaffAuthConfigResult, secret: PreviewSecretResult): Response | undefined {
  if (auth.status === 'off') {
    return authProblem(404, 'Staff sign-in is not configured', 'This site has no staff sign-in. Operators: see “Previewing drafts” in the README.');
  }
  if (auth.status === 'invalid') {
    console.error(auth.message);
    return authProblem(503, 'Staff sign-in is not available', auth.message);
  }
  if (!secret.ok) return authProblem(503, 'Staff sign-in is not available', secret.reason);
  return undefined;
}

/**
 * With PREVIEW_HOST set, sign-in lives on the preview host only: its cookies are set there and the
 * provider returns there. A request on another host is sent to the same path on the preview host.
 */
export function misdirectedHost(request: NextRequest, config: StaffAuthConfig): Response | undefined {
  if (!config.previewHost || request.headers.get('host') === config.callbackUrl.host) return undefined;
  const target = new URL(request.nextUrl.pathname + request.nextUrl.search, config.callbackUrl.origin);
  return redirectTo(target.href);
}
