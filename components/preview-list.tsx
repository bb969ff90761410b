import type { Article, ArticleState, ContentIssue } from '@/lib/content';
import { DESK_EXPIRIES, type DeskLink } from '@/lib/auth/desk-link';
import type { StaffIdentity } from '@/lib/auth/staff-session';
import { formatDate, formatDateTime } from '@/lib/format-date';
import { ArticleCardHeader } from './article-card';

export interface PreviewListProps {
  articles: Array<{ article: Article; state: ArticleState }>;
  /** Content files with errors: they cannot be previewed or published until fixed. */
  broken?: Array<{ file: string; issues: ContentIssue[] }>;
  staff: StaffIdentity;
  sessionEndsAt: Date;
  link?: DeskLink;
}

/** Who is signed in, and the way out. Sign-out is a POST, so no prefetch can end a session. */
function SignedIn({ staff, sessionEndsAt }: { staff: StaffIdentity; sessionEndsAt: Date }) {
  const who = staff.name && staff.email ? `${staff.name} (${staff.email})` : (staff.email ?? staff.name ?? staff.sub);
  return (
    <div className="usa-alert usa-alert--info usa-alert--slim margin-top-2">
      <div className="usa-alert__body">
        <p className="usa-alert__text">
          Signed in as <span className="text-bold">{who}</span> until {formatDateTime(sessionEndsAt)}.
        </p>
        <form method="post" action="/api/auth/sign-out" className="margin-top-1">
          <button type="submit" className="usa-button usa-button--outline">
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}

/** The link just made (or why none was), announced so screen reader users hear it. */
function MadeLink({ link }: { link: DeskLink }) {
  if (!link.ok) {
    return (
      <div className="usa-alert usa-alert--error margin-top-2" role="alert">
        <div className="usa-alert__body">
          <p className="usa-alert__text">{link.message}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="usa-alert usa-alert--success margin-top-2" role="status">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">Preview link for “{link.title}”</h2>
        <p className="usa-alert__text">
          It works until <time dateTime={link.expiresAt.toISOString()}>{formatDateTime(link.expiresAt)}</time>, for that
          article only. Copy it and send it to reviewers:
        </p>
        <p className="usa-alert__text">
          <code className="site-share-link" data-testid="preview-link">
            {link.url}
          </code>
        </p>
      </div>
    </div>
  );
}

/** Files that cannot be shown, each with its errors by line, for staff to fix. */
function BrokenFiles({ broken }: { broken: NonNullable<PreviewListProps['broken']> }) {
  return (
    <section aria-labelledby="broken-files" className="margin-top-2">
      <h2 id="broken-files">Files with errors</h2>
      <p>
        These files cannot be previewed or published until they are fixed. A published article keeps its last good
        version on the public site meanwhile.
      </p>
      {broken.map(({ file, issues }) => (
        <div key={file} className="usa-alert usa-alert--error usa-alert--slim margin-top-1">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">{file}</h3>
            <ul className="usa-list margin-top-05">
              {issues.map((issue) => (
                <li key={`${issue.line}:${issue.field}:${issue.message}`}>
                  Line {issue.line}: {issue.field}: {issue.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ))}
    </section>
  );
}

/** The staff desk: every draft and scheduled article, with its warnings and a link maker. */
export function PreviewList({ articles, broken = [], staff, sessionEndsAt, link }: PreviewListProps) {
  return (
    <>
      <SignedIn staff={staff} sessionEndsAt={sessionEndsAt} />
      {link && <MadeLink link={link} />}
      {broken.length > 0 && <BrokenFiles broken={broken} />}
      {articles.length === 0 ? (
        <p>There are no drafts or scheduled articles.</p>
      ) : (
        <ul className="usa-card-group margin-top-2" aria-label="Drafts and scheduled articles, newest first">
          {articles.map(({ article, state }) => (
            <li key={article.slug} className="usa-card width-full">
              <div className="usa-card__container">
                <ArticleCardHeader article={article} headingLevel={2} />
                <div className="usa-card__body">
                  <p>
                    <span className="usa-tag">{state === 'draft' ? 'Draft' : 'Scheduled'}</span>{' '}
                    <time dateTime={article.date}>
                      {state === 'scheduled' ? `for ${formatDateTime(article.publishedAt)}` : formatDate(article.publishedAt)}
                    </time>
                  </p>
                  {article.warnings.length === 0 ? (
                    <p>No content warnings.</p>
                  ) : (
                    <>
                      <p className="margin-bottom-05">Content warnings:</p>
                      <ul className="usa-list margin-top-0">
                        {article.warnings.map((warning) => (
                          <li key={`${warning.line}:${warning.field}`}>
                            {warning.field}: {warning.message} (line {warning.line})
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
                <div className="usa-card__footer">
                  <form method="get" action="/preview" aria-label={`Make a preview link for ${article.title}`}>
                    <input type="hidden" name="link" value={article.slug} />
                    <p className="margin-top-0 margin-bottom-05">Make a preview link that lasts:</p>
                    {DESK_EXPIRIES.map((expiry) => (
                      <button key={expiry.value} type="submit" name="expires" value={expiry.value} className="usa-button usa-button--outline">
                        {expiry.label}
                      </button>
                    ))}
                  </form>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
