/**
 * Who may see what is not public, for this request. The only door: pages, route handlers and
 * the proxy ask here, never `draftMode()` alone. Next's Draft Mode cookie (`__prerender_bypass`)
 * only makes Next render the page for this request instead of serving the cached one; by itself it
 * grants nothing, because its value is one per build, shared by everyone who ever previewed.
 *
 *   public   no valid preview credential: the public site
 *   expired  preview cookies that no longer grant anything (expired, made with an old secret,
 *            revoked, forged): the public site plus "This preview link has expired"
 *   article  a preview link's session: that one article (and its images), nothing else
 *   staff    a signed-in staff member: every draft and scheduled article, listings, /preview
 *
 * CONTRACT (the preview-link work fills in `getPreviewAccess`; the staff sign-in work owns
 * lib/auth/staff-session.ts and its revocation): keep these names and shapes.
 */
import type { StaffIdentity } from '../auth/staff-session';

export type PreviewAccess =
  | { kind: 'public' }
  | { kind: 'expired' }
  | { kind: 'article'; slug: string; expiresAt: Date }
  | { kind: 'staff'; staff: StaffIdentity; expiresAt: Date };

/** Whether this access shows the article at /news/<slug> in its preview form. */
export function canPreviewArticle(access: PreviewAccess, slug: string): boolean {
  return access.kind === 'staff' || (access.kind === 'article' && access.slug === slug);
}

/** Whether listings, topics, the home page and /preview show drafts and scheduled articles. */
export function seesAllDrafts(access: PreviewAccess): boolean {
  return access.kind === 'staff';
}
