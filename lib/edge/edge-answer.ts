import { NextResponse, type NextRequest } from 'next/server';
import { isAllowedMethod, methodRefusalHeaders, REFUSAL } from '@/lib/security/methods.js';
import { isPublicContentPath } from './public-paths';

/** The query parameters next/image itself sends; any other one only makes a new cache key and a new encode. */
const IMAGE_PARAMETERS = ['url', 'w', 'q'];

/**
 * What content routes answer for a path that has no public page, as the pages themselves would
 * send it: a shared cache may keep the 404 a minute (a scheduled article's path goes live then).
 */
const NOT_FOUND_CACHE_CONTROL = 's-maxage=60, stale-while-revalidate=86340';

/**
 * Answers the proxy gives before any route renders, or undefined to let the request through.
 * `previewing`: the request may see unpublished content (a checked preview session), so the
 * content routes decide for themselves.
 */
export function edgeAnswer(request: NextRequest, { previewing }: { previewing: boolean }): NextResponse | undefined {
  return refusedMethod(request) ?? refusedImageQuery(request) ?? (previewing ? undefined : contentNotFound(request));
}

/** Methods the server guard (scripts/serve.mjs) did not already refuse, for servers started without it. */
function refusedMethod(request: NextRequest): NextResponse | undefined {
  if (isAllowedMethod(request.method)) return undefined;
  return new NextResponse(request.method === 'HEAD' ? null : REFUSAL, { status: 405, headers: methodRefusalHeaders() });
}

/** `/_next/image` with anything but one each of url, w and q: 400, so a made-up parameter cannot force a re-encode. */
function refusedImageQuery(request: NextRequest): NextResponse | undefined {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname !== '/_next/image') return undefined;
  const names = [...searchParams.keys()];
  const extra = names.filter((name) => !IMAGE_PARAMETERS.includes(name));
  const repeated = IMAGE_PARAMETERS.filter((name) => searchParams.getAll(name).length > 1);
  if (extra.length === 0 && repeated.length === 0) return undefined;
  const reason = extra.length > 0 ? `unexpected parameter "${extra[0]}"` : `"${repeated[0]}" given more than once`;
  return new NextResponse(`Bad request: ${reason}; the image optimizer takes url, w and q only.\n`, {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The one address every path without a public page is answered from: the page route renders its
 * 404 page there once, and the page cache keeps that one copy. (No content page can have it: slugs
 * start with a letter or digit.)
 */
export const NOT_FOUND_PATH = '/_404';

/**
 * A path with no public page gets the site's 404 page, cached once at NOT_FOUND_PATH, instead of a
 * render of its own: nothing rendered, nothing cached per path. A draft's path and a slug that
 * never existed get this same answer.
 */
function contentNotFound(request: NextRequest): NextResponse | undefined {
  if (isPublicContentPath(request.nextUrl.pathname) !== false) return undefined;
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), {
    status: 404,
    headers: { 'Cache-Control': NOT_FOUND_CACHE_CONTROL },
  });
}
