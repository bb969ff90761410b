import 'server-only';
import { createHash } from 'node:crypto';
import { Document } from '@/components/document';
import { NotFoundView, notFoundMeta } from '@/components/pages/not-found';
import type { PreviewAccess } from '@/lib/preview/access';
import type { PageOutcome } from './outcome';

/** Dynamic pages (search, the staff desk, every preview): no cache keeps them. */
export const NO_STORE = 'private, no-cache, no-store, max-age=0, must-revalidate';

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
  if (outcome.kind === 'redirect') {
    return new Response(null, { status: 308, headers: { Location: outcome.location } });
  }
  const { renderToStaticMarkup } = await import('react-dom/server');
  const { meta, body, status } =
    outcome.kind === 'page' ? outcome : { meta: notFoundMeta, body: <NotFoundView />, status: 404 };
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
