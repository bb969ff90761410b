import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { loadArticleForPreview } from '@/lib/content';
import { sameHost } from '@/lib/preview/decide-access';
import { getPreviewSecret } from '@/lib/preview/secret';
import { PREVIEW_COOKIE, previewCookieOptions, sealPreviewSession } from '@/lib/preview/session';
import { verifyPreviewToken } from '@/lib/preview/token';
import { PREVIEW_HEADERS, previewProblem } from '@/lib/preview/response';

const REFUSALS = {
  missing: 'This address has no preview token. Ask for a new preview link.',
  malformed: 'This preview link is damaged or incomplete. Copy the whole link, or ask for a new one.',
  'bad-signature': 'This preview link was not issued by this site. Ask for a new preview link.',
  expired: 'This preview link has expired. Ask for a new preview link.',
} as const;

let warnedAboutDevelopmentSecret = false;

/**
 * Opens a signed preview link: verifies the token, finds its article in the content, and starts
 * the link's session: the sealed `newsroom_preview` cookie naming that one article and expiring
 * with the link. Draft Mode is not enabled here: the proxy turns it on per request for a valid
 * session (lib/preview/proxy-gate.ts says why Next's own cookie must never reach the browser).
 * Nothing in the request but the verified slug is used, so it cannot redirect anywhere else.
 */
export async function GET(request: NextRequest) {
  const previewHost = process.env.PREVIEW_HOST;
  if (previewHost && !sameHost(request.headers.get('host') ?? '', previewHost)) {
    // Preview cookies count only on the preview host: open the same link there.
    const scheme = new URL(process.env.SITE_URL || 'https://localhost').protocol;
    const there = `${scheme}//${previewHost}/api/preview${request.nextUrl.search}`;
    return new Response(null, { status: 307, headers: { Location: there, ...PREVIEW_HEADERS } });
  }
  const secret = getPreviewSecret();
  if (!secret.ok) return previewProblem(503, 'Preview is not available', secret.reason);
  if (secret.source === 'development' && !warnedAboutDevelopmentSecret) {
    warnedAboutDevelopmentSecret = true;
    console.warn('Preview: PREVIEW_SECRET is not set; using the development secret (next dev only).');
  }

  const verified = verifyPreviewToken(request.nextUrl.searchParams.get('token'), { secret: secret.secret });
  if (!verified.ok) return previewProblem(401, 'This preview link does not work', REFUSALS[verified.reason]);

  // The file itself, parsed in the bounded worker: a draft with errors still opens, and its
  // preview says what is wrong (lib/content, decision 0016).
  const loaded = await loadArticleForPreview(verified.slug);
  if (!loaded) {
    return previewProblem(404, 'Article not found', 'The article this link points to no longer exists.');
  }

  const { slug, expiresAt } = verified;
  (await cookies()).set(PREVIEW_COOKIE, sealPreviewSession(slug, { secret: secret.secret, expiresAt }), previewCookieOptions(expiresAt));
  return new Response(null, { status: 307, headers: { Location: `/news/${slug}`, ...PREVIEW_HEADERS } });
}
