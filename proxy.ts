import { NextResponse, type NextRequest } from 'next/server';
import { PREVIEW_HEADERS } from '@/lib/preview/response';
import { isTooLong } from '@/lib/search/query';

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
 * Staff preview responses carry `Cache-Control: private, no-store` and `X-Robots-Tag: noindex`,
 * set before anything renders, so no shared cache keeps a draft and no search engine indexes it.
 */
export function proxy(request: NextRequest) {
  const status = statusFor(request);
  const response = NextResponse.next(status ? { status } : undefined);
  if (request.cookies.has(DRAFT_MODE_COOKIE)) {
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Pages and route handlers; not the build's static files, images or USWDS assets.
  matcher: ['/((?!_next/static|_next/image|uswds/|images/|favicon.ico).*)'],
};
