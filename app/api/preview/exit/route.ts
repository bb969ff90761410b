import { cookies, draftMode } from 'next/headers';
import { fromOwnPage, publicReturnPath } from '@/lib/preview/exit';
import { PREVIEW_HEADERS } from '@/lib/preview/response';
import { PREVIEW_COOKIE, previewCookieOptions } from '@/lib/preview/session';

/**
 * Ends a preview link's session (a staff session ends at sign-out, not here). A POST from one of
 * the site's own pages, so neither a prefetch nor another site can end it, and it returns only to
 * a public page: a draft's address gives `/` like any unknown one, so it reveals nothing.
 */
export async function POST(request: Request) {
  if (!fromOwnPage(request)) {
    return new Response('Forbidden: this form must be sent from a page of this site.\n', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PREVIEW_HEADERS },
    });
  }
  (await cookies()).set(PREVIEW_COOKIE, '', previewCookieOptions(new Date(0)));
  (await draftMode()).disable();
  const form = await request.formData().catch(() => null);
  const returnTo = publicReturnPath(form?.get('returnTo') ?? null);
  // 303: the browser follows with a GET to the public view of the same page.
  return new Response(null, { status: 303, headers: { Location: returnTo, ...PREVIEW_HEADERS } });
}
