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
 */
import 'server-only';
import { cookies, draftMode, headers } from 'next/headers';
import { revocationStore, staffAuthConfig } from '../auth/staff';
import { preparePreviewContent } from '../content';
import { STAFF_COOKIE, type StaffIdentity } from '../auth/staff-session';
import { decidePreviewAccess } from './decide-access';
import { getPreviewSecret } from './secret';
import { PREVIEW_COOKIE } from './session';

export { decidePreviewAccess, type PreviewRequestFacts } from './decide-access';

export type PreviewAccess =
  | { kind: 'public' }
  /** `credential`: which cookie stopped granting: a preview link's session, or a staff session. */
  | { kind: 'expired'; credential: 'link' | 'staff' }
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

/**
 * This request's access. Draft Mode is read first: when it is off the page may be one prerendered
 * for everyone, and reading cookies() or headers() there would make every public page dynamic, so
 * the answer is `public` without looking further. The proxy turns Draft Mode on exactly when the
 * request carries a preview cookie on the preview host (proxy.ts), so a cookie is always seen.
 */
export async function getPreviewAccess(): Promise<PreviewAccess> {
  if (!(await draftMode()).isEnabled) return { kind: 'public' };
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  const secret = getPreviewSecret();
  const now = new Date();
  // A staff cookie counts only while staff sign-in is configured, and not once signed out.
  const auth = staffAuthConfig();
  const signOuts = auth.status === 'ok' ? revocationStore(auth.config.revocationDir) : undefined;
  const access = decidePreviewAccess({
    draftMode: true,
    host: requestHeaders.get('host'),
    previewHost: process.env.PREVIEW_HOST || undefined,
    secret: secret.ok ? secret.secret : undefined,
    now,
    previewCookie: jar.get(PREVIEW_COOKIE)?.value,
    staffCookie: jar.get(STAFF_COOKIE)?.value,
    isRevoked: (sid) => !signOuts || signOuts.isRevoked(sid, now),
  });
  // Staff views read every file fresh (listings, the desk): changed files are parsed in the bounded
  // worker before the page reads them, never on the request thread (decision 0016).
  if (access.kind === 'staff') await preparePreviewContent();
  return access;
}

