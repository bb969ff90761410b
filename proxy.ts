import { NextResponse, type NextRequest } from 'next/server';
import { STAFF_COOKIE } from '@/lib/auth/staff-session';
import { DRAFT_MODE_COOKIE, gatePreview, previewModeId, REVALIDATE_HEADERS, rewriteCookieHeader } from '@/lib/preview/proxy-gate';
import { PREVIEW_HEADERS } from '@/lib/preview/response';
import { getPreviewSecret } from '@/lib/preview/secret';
import { PREVIEW_COOKIE, previewCookieOptions } from '@/lib/preview/session';
import { edgeAnswer } from '@/lib/edge/edge-answer';

/**
 * Whether the path's percent-escapes spell valid UTF-8. Next's route matching throws on one that
 * does not (`/news/%ff`), and its fallback then fails too: a bare 500 with none of the site's
 * headers. Such an address names nothing on the site, so it is answered here, before any route.
 */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * The request as Next should see it: no revalidation header and no Draft Mode cookie from the
 * client; Draft Mode only when the site's own preview cookie is there (lib/preview/proxy-gate.ts).
 */
function previewGate(request: NextRequest) {
  const secret = getPreviewSecret();
  const gate = gatePreview({
    host: request.headers.get('host'),
    previewCookie: request.cookies.get(PREVIEW_COOKIE)?.value,
    staffCookie: request.cookies.get(STAFF_COOKIE)?.value,
    previewHost: process.env.PREVIEW_HOST || undefined,
    secret: secret.ok ? secret.secret : undefined,
    now: new Date(),
  });
  const id = gate.draftMode ? previewModeId() : undefined;
  const headers = new Headers(request.headers);
  for (const name of REVALIDATE_HEADERS) headers.delete(name);
  const cookie = rewriteCookieHeader(request.headers.get('cookie'), [DRAFT_MODE_COOKIE], id ? `${DRAFT_MODE_COOKIE}=${id}` : undefined);
  if (cookie) headers.set('cookie', cookie);
  else headers.delete('cookie');
  return { headers, draftMode: Boolean(id), clear: gate.clear, staleBypass: request.cookies.has(DRAFT_MODE_COOKIE) };
}

/** A Set-Cookie line that deletes `name` (attributes as it was set with, or the browser keeps it). */
function deletion(name: string, sameSite: 'Lax' | 'None'): string {
  const secure = previewCookieOptions(new Date(0)).secure || sameSite === 'None' ? '; Secure' : '';
  return `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly${secure}; SameSite=${sameSite}`;
}

/**
 * Preview responses carry `Cache-Control: private, no-store` and `X-Robots-Tag: noindex`, set
 * before anything renders, so no shared cache keeps a draft and no search engine indexes it.
 */
export function proxy(request: NextRequest) {
  if (!decodable(request.nextUrl.pathname)) {
    return new NextResponse('Bad request: the address is not valid UTF-8.\n', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const gate = previewGate(request);
  // Refused methods, cache-busting image queries, and content paths with no public page
  // (lib/edge/edge-answer.ts, docs/decisions/0015-app-side-hardening.md). Only a request the gate
  // turned Draft Mode on for (a valid preview or staff session) may reach a route for a path that
  // is not public; a made-up cookie is answered here like any reader.
  const answer = edgeAnswer(request, { previewing: gate.draftMode });
  if (answer) return answer;
  const response = NextResponse.next({ request: { headers: gate.headers } });
  if (gate.draftMode) {
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.headers.set(name, value);
  }
  // Cookies that grant nothing (expired, old secret, forged), and Draft Mode cookies left by the
  // site before decision 0012, which carried Next's revalidation secret: the browser drops them.
  // Appended as raw headers: `response.cookies.set` would also hand the page an emptied cookie
  // (Next's x-middleware-set-cookie), and the page must still see it to say "expired".
  for (const name of gate.clear) response.headers.append('set-cookie', deletion(name, 'Lax'));
  if (gate.staleBypass) response.headers.append('set-cookie', deletion(DRAFT_MODE_COOKIE, 'None'));
  return response;
}

export const config = {
  // Pages and route handlers, including content images, and the image optimizer (its query is
  // checked); not the build's static files or the USWDS and site assets, which Next serves as files,
  // unless their address has a percent-escape: it may not be valid UTF-8, which the page route's
  // catch-all cannot decode (a 500 otherwise).
  matcher: ['/((?!_next/static/|uswds/|assets/).*)', '/(_next/static|uswds|assets)/(.*%.*)'],
};
