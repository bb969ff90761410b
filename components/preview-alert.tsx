import type { Article, ArticleState, ContentIssue } from '@/lib/content';
import { formatDate, formatDateTime } from '@/lib/format-date';

export interface PreviewAlertProps {
  /** The article being previewed; omit on pages that are not one article. */
  article?: Article;
  state?: ArticleState;
  /** Where "Exit preview" returns to (a path of this site). */
  returnTo: string;
}

function describeState(article: Article, state: ArticleState): string {
  if (state === 'draft') return 'Draft';
  if (state === 'scheduled') return `Scheduled for ${formatDateTime(article.publishedAt)}`;
  return `Published ${formatDate(article.publishedAt)}`;
}

function describeIssue(issue: ContentIssue): string {
  return `${issue.field}: ${issue.message} (line ${issue.line})`;
}

/**
 * Tells staff they are looking at a draft preview that the public cannot see, with the
 * article's status and any content warnings. Exiting is a POST, so no prefetch can end it.
 */
export function PreviewAlert({ article, state, returnTo }: PreviewAlertProps) {
  return (
    <section className="usa-site-alert usa-site-alert--info" aria-label="Draft preview">
      <div className="usa-alert" role="status">
        <div className="usa-alert__body">
          <p className="usa-alert__heading">Draft preview — not public</p>
          {article && state && (
            <p className="usa-alert__text" data-testid="preview-status">
              Status: {describeState(article, state)}
            </p>
          )}
          {article && article.warnings.length > 0 && (
            <div className="usa-alert__text">
              <p className="margin-bottom-05">Content warnings for staff:</p>
              <ul className="margin-top-0">
                {article.warnings.map((warning) => (
                  <li key={`${warning.line}:${warning.field}`}>{describeIssue(warning)}</li>
                ))}
              </ul>
            </div>
          )}
          <form method="post" action="/api/preview/exit" className="margin-top-1">
            <input type="hidden" name="returnTo" value={returnTo} />
            <button type="submit" className="usa-button usa-button--outline">
              Exit preview
            </button>
          </form>
        </div>
      </div>
    </section>
  );
}
