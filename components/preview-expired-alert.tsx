/**
 * Shown instead of a preview when the visitor's preview cookie no longer grants anything (the link
 * expired, the site's secret changed, or the cookie is not one this site made). The page under it is
 * the public one; the response also deletes the cookie (proxy.ts), so the next page is plain public.
 */
export function PreviewExpiredAlert() {
  return (
    <section className="usa-site-alert usa-site-alert--info" aria-label="Preview expired">
      <div className="usa-alert" role="status">
        <div className="usa-alert__body">
          <p className="usa-alert__heading">This preview link has expired</p>
          <p className="usa-alert__text">
            You are seeing the public site: drafts and scheduled articles are not shown. To preview the
            article again, ask the person who sent you the link for a new one.
          </p>
        </div>
      </div>
    </section>
  );
}
