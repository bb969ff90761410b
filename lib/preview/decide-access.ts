/**
 * The preview access decision as a pure function: the request's facts (Draft Mode, Host, the two
 * preview cookies) and the server's (secret, clock, PREVIEW_HOST) in, a PreviewAccess out. No
 * `server-only` and no `next/headers`, so the proxy (proxy.ts) and the unit tests use it too;
 * pages ask `getPreviewAccess()` in lib/preview/access.ts, which feeds it the real request.
 */
import { readStaffSession } from '../auth/staff-session';
import type { PreviewAccess } from './access';
import { readPreviewSession } from './session';

export interface PreviewRequestFacts {
  /** Whether Next renders this request in Draft Mode (the proxy turns it on; see proxy.ts). */
  draftMode: boolean;
  /** The request's Host header. */
  host: string | null | undefined;
  /** PREVIEW_HOST: when set, preview works on that host only and every other host is public. */
  previewHost: string | undefined;
  /** PREVIEW_SECRET, or undefined when preview is not configured (then no cookie grants anything). */
  secret: string | undefined;
  now: Date;
  /** The `newsroom_preview` cookie (a preview link's session). */
  previewCookie: string | undefined;
  /** The `newsroom_staff` cookie (a signed-in staff member). */
  staffCookie: string | undefined;
  /** Sign-out revocation (the staff sign-in work): a revoked session grants nothing. */
  isRevoked?: (sid: string) => boolean;
}

/** Host names compare without case and without a trailing dot; the port must match. */
export function sameHost(a: string, b: string): boolean {
  const normal = (host: string) => host.trim().toLowerCase().replace(/\.(?=:\d+$|$)/, '');
  return normal(a) === normal(b);
}

export function decidePreviewAccess(facts: PreviewRequestFacts): PreviewAccess {
  if (facts.previewHost && !(facts.host && sameHost(facts.host, facts.previewHost))) return { kind: 'public' };
  const presented = Boolean(facts.previewCookie) || Boolean(facts.staffCookie);
  if (!presented) return { kind: 'public' };
  // Draft Mode off: the page may be a cached one shared by everyone, so nothing is granted.
  const expired = { kind: 'expired', credential: facts.previewCookie ? 'link' : 'staff' } as const;
  if (!facts.draftMode || !facts.secret) return expired;
  const options = { secret: facts.secret, now: facts.now };

  const staff = readStaffSession(facts.staffCookie, { ...options, isRevoked: facts.isRevoked });
  if (staff.ok) return { kind: 'staff', staff: staff.staff, expiresAt: staff.expiresAt };
  const link = readPreviewSession(facts.previewCookie, options);
  if (link.ok) return { kind: 'article', slug: link.slug, expiresAt: link.expiresAt };
  return expired;
}
