import { draftMode } from 'next/headers';
import { getArticles, getPages } from '@/lib/content';
import { PREVIEW_HEADERS } from '@/lib/preview/response';

/** Paths "Exit preview" may return to: the site's own pages, never an address the form names. */
function knownPath(candidate: FormDataEntryValue | null): string {
  if (typeof candidate !== 'string') return '/';
  const known = new Set(['/', '/news', ...getArticles().map((a) => a.path), ...getPages().map((p) => p.path)]);
  return known.has(candidate) ? candidate : '/';
}

/** Ends preview. A POST, so a link prefetch can never end it by accident. */
export async function POST(request: Request) {
  (await draftMode()).disable();
  const form = await request.formData().catch(() => null);
  const returnTo = knownPath(form?.get('returnTo') ?? null);
  // 303: the browser follows with a GET to the public view of the same page.
  return new Response(null, { status: 303, headers: { Location: returnTo, ...PREVIEW_HEADERS } });
}
