import 'server-only';
import { createHash } from 'node:crypto';
import { Document } from '@/components/document';
import { ErrorView, errorMeta } from '@/components/pages/error';
import { NotFoundView, notFoundMeta } from '@/components/pages/not-found';
import type { ReactNode } from 'react';
import type { PageMeta } from '@/lib/metadata';
import type { PreviewAccess } from '@/lib/preview/access';
import type { PageOutcome } from './outcome';

/** Dynamic pages (search, the staff desk, every preview): no cache keeps them. */
export const NO_STORE = 'private, no-cache, no-store, max-age=0, must-revalidate';

/**
 * A route's GET: the page its loader decides, or, when the loader or the render throws, the site's
 * error page (500, never stored). Except in a cached page's render (public and not `dynamic`): there
 * the error goes to Next, which keeps serving the last good copy of the page and tries again later.
 */
export async function servePage(load: () => Promise<PageOutcome> | PageOutcome, access: PreviewAccess, { dynamic = false } = {}) {
  try {
    return await htmlResponse(await load(), access, { dynamic });
  } catch (error) {
    if (!dynamic && access.kind === 'public') throw error;
    console.error(error);
    return htmlResponse({ kind: 'error' }, access, { dynamic: true });
  }
}

/**
 * The HTTP response for a page: the complete HTML document, rendered with react-dom/server into
 * static markup (no framework runtime, no RSC payload; docs/decisions/0017).
 *
 * react-dom/server is imported when a page renders, not at the top: route handlers are compiled
 * for React Server Components, where a static import of it fails the build (vercel/next.js#43810,
 * toolchain note 20).
 *
 * Each response carries a strong ETag of its bytes; Next keeps it with the page in its cache, and
 * the server answers a matching If-None-Match with 304 (lib/security/methods.js), as Next did for
 * App Router pages.
 */
export async function htmlResponse(outcome: PageOutcome, access: PreviewAccess, { dynamic = false } = {}): Promise<Response> {
  if (outcome.kind === 'error') {
    return render({ meta: errorMeta, body: <ErrorView />, status: 500 }, access, true);
  }
  if (outcome.kind === 'redirect') {
    return new Response(null, { status: outcome.permanent ? 308 : 307, headers: { Location: outcome.location } });
  }
  const found = outcome.kind === 'page' ? outcome : { meta: notFoundMeta, body: <NotFoundView />, status: 404 };
  return render(found, access, dynamic);
}

async function render({ meta, body, status }: { meta: PageMeta; body: ReactNode; status?: number }, access: PreviewAccess, dynamic: boolean) {
  const { renderToStaticMarkup } = await import('react-dom/server');
  const html = `<!DOCTYPE html>${renderToStaticMarkup(
    <Document meta={meta} access={access}>
      {body}
    </Document>,
  )}`;
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' });
  if (dynamic || access.kind !== 'public') headers.set('Cache-Control', NO_STORE);
  else headers.set('ETag', `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`);
  return new Response(html, { status: status ?? 200, headers });
}
