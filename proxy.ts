import { NextResponse, type NextRequest } from 'next/server';
import { PREVIEW_HEADERS } from '@/lib/preview/response';
import { isTooLong } from '@/lib/search/query';
import { edgeAnswer } from '@/lib/edge/edge-answer';

/** Next.js's Draft Mode cookie: its presence is enough to keep a response out of caches and indexes. */
const DRAFT_MODE_COOKIE = '__prerender_bypass';

/**
 * A search longer than the limit is a bad request: the page still renders and says so, but with
 * status 400, which a page component cannot set itself.
 */
function statusFor(request: NextRequest): number | undefined {
  const { pathname, searchParams } = request.nextUrl;
  return pathname === '/search' && isTooLong(searchParams.get('q')) ? 400 : undefined;
}

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
 * Staff preview responses carry `Cache-Control: private, no-store` and `X-Robots-Tag: noindex`,
 * set before anything renders, so no shared cache keeps a draft and no search engine indexes it.
 */
export function proxy(request: NextRequest) {
  if (!decodable(request.nextUrl.pathname)) {
    return new NextResponse('Bad request: the address is not valid UTF-8.\n', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  // Refused methods, cache-busting image queries, and content paths with no public page
  // (lib/edge/edge-answer.ts, docs/decisions/0015-app-side-hardening.md).
  const answer = edgeAnswer(request, { previewing: request.cookies.has(DRAFT_MODE_COOKIE) });
  if (answer) return answer;
  const status = statusFor(request);
  const response = NextResponse.next(status ? { status } : undefined);
  if (request.cookies.has(DRAFT_MODE_COOKIE)) {
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Pages and route handlers, including content images (a bad escape there is a 500 otherwise), and
  // the image optimizer (its query is checked); not the build's static files or USWDS assets, which
  // Next serves as files.
  matcher: ['/((?!_next/static|uswds/).*)'],
};
