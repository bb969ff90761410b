/**
 * A preview link's session: opening a signed link (/api/preview?token=…) sets this sealed cookie
 * (lib/preview/seal.ts, purpose `preview-session`), which names the one article the link was made
 * for and expires when the link does. Pure functions with the secret and clock passed in.
 */
import { PREVIEW_SLUG_PATTERN } from './token';
import { seal, unseal, type UnsealFailure } from './seal';

export const PREVIEW_COOKIE = 'newsroom_preview';

export type PreviewSessionResult = { ok: true; slug: string; expiresAt: Date } | { ok: false; reason: UnsealFailure };

export function sealPreviewSession(slug: string, options: { secret: string; expiresAt: Date }): string {
  return seal('preview-session', { slug }, options);
}

export function readPreviewSession(value: string | null | undefined, options: { secret: string; now?: Date }): PreviewSessionResult {
  const opened = unseal('preview-session', value, options);
  if (!opened.ok) return opened;
  const { slug } = opened.payload;
  if (typeof slug !== 'string' || !PREVIEW_SLUG_PATTERN.test(slug)) return { ok: false, reason: 'malformed' };
  return { ok: true, slug, expiresAt: opened.expiresAt };
}

/**
 * How long the browser keeps the cookie after its link expired. The sealed expiry alone decides
 * what it grants (nothing, once passed); keeping the dead cookie a while lets the site tell a
 * reviewer who comes back "This preview link has expired" instead of a bare 404, and the first
 * such response deletes it (proxy.ts).
 */
export const PREVIEW_COOKIE_GRACE_MS = 7 * 24 * 3_600_000;

/**
 * How `newsroom_preview` is set: unreadable by scripts, sent on top-level navigations from other
 * sites (a link in an email opens the preview) but not on their POSTs or subresources. Secure
 * except under `next dev` on plain http. `linkExpiresAt` of the epoch deletes it.
 */
export function previewCookieOptions(linkExpiresAt: Date, env: Readonly<Record<string, string | undefined>> = process.env) {
  const time = linkExpiresAt.getTime();
  return {
    httpOnly: true,
    secure: env.NODE_ENV !== 'development',
    sameSite: 'lax' as const,
    path: '/',
    expires: new Date(time <= 0 ? 0 : time + PREVIEW_COOKIE_GRACE_MS),
  };
}
