import { PreviewList } from '@/components/preview-list';
import { StaffSignIn } from '@/components/staff-sign-in';
import { staffDesk } from '@/lib/auth/desk';
import { pageMetadata } from '@/lib/metadata';
import { page, redirectTo } from '@/lib/render/outcome';

/** /preview: the staff desk, for staff signed in with the agency's OpenID Connect provider. */
export async function staffDeskPage(params: URLSearchParams) {
  const desk = await staffDesk(Object.fromEntries(params));
  if (desk.kind === 'sign-in-first') return redirectTo('/api/auth/sign-in?returnTo=/preview', { permanent: false });
  const meta = {
    ...pageMetadata({
      title: 'Staff desk: drafts and scheduled articles',
      description: 'Staff preview: every draft and scheduled article, with its status, date, warnings and a preview link.',
      path: '/preview',
    }),
    robots: { index: false, follow: false },
  };
  return page(
    meta,
    <div className="grid-container padding-bottom-4">
      <h1 className="margin-top-4">Staff desk: drafts and scheduled articles</h1>
      {desk.kind === 'not-configured' && <p>Staff sign-in is not configured on this site, so the staff desk is closed.</p>}
      {desk.kind === 'sign-in' && <StaffSignIn providerName={desk.providerName} message={desk.message} />}
      {desk.kind === 'desk' && <PreviewList {...desk.props} />}
    </div>,
  );
}
