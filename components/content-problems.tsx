import type { ContentIssue } from '@/lib/content';

export interface ContentProblemsProps {
  /** The file the problems are in, `content/news/foo.md`. */
  file: string;
  issues: ContentIssue[];
}

/** Staff preview of an article whose file cannot be shown: what is wrong, where. */
export function ContentProblems({ file, issues }: ContentProblemsProps) {
  const errors = issues.filter((issue) => issue.severity === 'error');
  return (
    <div className="grid-container margin-y-4">
      <h1>This article cannot be shown</h1>
      <div className="usa-alert usa-alert--error" role="alert">
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">
            {errors.length === 1 ? '1 problem' : `${errors.length} problems`} in {file}
          </h2>
          <ul className="usa-alert__text" data-testid="content-problems">
            {errors.map((issue, index) => (
              <li key={index}>
                Line {issue.line}: {issue.field}: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p>Fix the file and reload this page. The public site keeps showing the last good version meanwhile.</p>
    </div>
  );
}
