import 'server-only';
import type { PreviewListProps } from '@/components/preview-list';
import { getArticlesForView, getContentIssues, stateOf, type ContentIssue } from '../content';
import { now as clockNow } from '../clock';
import { previewBaseUrl } from '../preview/link';
import { getPreviewAccess } from '../preview/access';
import { getPreviewSecret } from '../preview/secret';
import { makeDeskLink } from './desk-link';
import { currentStaff, SIGN_IN_MESSAGES, signInMessage, staffAuthConfig } from './staff';

export type StaffDesk =
  | { kind: 'not-configured' }
  | { kind: 'sign-in-first' }
  | { kind: 'sign-in'; providerName: string; message?: { type: 'info' | 'warning' | 'error'; text: string } }
  | { kind: 'desk'; props: PreviewListProps };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * What /preview shows this request. Only a valid staff session sees the desk; a visitor with no
 * session goes straight to sign-in, and one whose session ended (or whose sign-in just failed)
 * is told why first. Without staff sign-in configured the desk is closed and says nothing more.
 */
export async function staffDesk(params: Record<string, string | string[] | undefined>): Promise<StaffDesk> {
  const auth = staffAuthConfig();
  const secret = getPreviewSecret();
  if (auth.status !== 'ok' || !secret.ok) return { kind: 'not-configured' };
  const staff = await currentStaff();
  // The request's access decides too: on the preview host only (PREVIEW_HOST), as every preview view.
  if (staff.kind === 'staff' && (await getPreviewAccess()).kind !== 'staff') return { kind: 'sign-in-first' };
  if (staff.kind !== 'staff') {
    const message = signInMessage(first(params.auth)) ?? (staff.kind === 'ended' ? SIGN_IN_MESSAGES[staff.reason] : undefined);
    if (!message) return { kind: 'sign-in-first' };
    return { kind: 'sign-in', providerName: auth.config.providerName, message };
  }

  const now = clockNow();
  const articles = getArticlesForView({ preview: true, now })
    .map((article) => ({ article, state: stateOf(article, now) }))
    .filter(({ state }) => state !== 'published');
  // Files with errors are in no list above (they cannot be shown): staff see what to fix here.
  const broken = new Map<string, ContentIssue[]>();
  for (const issue of getContentIssues()) {
    if (issue.severity === 'error') broken.set(issue.file, [...(broken.get(issue.file) ?? []), issue]);
  }
  const link = makeDeskLink(
    { link: first(params.link), expires: first(params.expires) },
    { articles: articles.map(({ article }) => article), secret: secret.secret, baseUrl: previewBaseUrl(), now },
  );
  return {
    kind: 'desk',
    props: { articles, broken: [...broken].map(([file, issues]) => ({ file, issues })), staff: staff.session.staff, sessionEndsAt: staff.session.expiresAt, ...(link ? { link } : {}) },
  };
}
