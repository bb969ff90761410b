import Link from 'next/link';
import type { Article } from '@/lib/content';
import { stateOf } from '@/lib/content';
import { formatDate, formatDateTime } from '@/lib/format-date';
import { createPreviewUrl } from '@/lib/preview/share';

/** The staff page's table of drafts and scheduled articles. */
export function PreviewList({ articles }: { articles: Article[] }) {
  if (articles.length === 0) return <p>There are no drafts or scheduled articles.</p>;
  return (
    <table className="usa-table usa-table--borderless usa-table--stacked width-full">
      <caption className="usa-sr-only">Drafts and scheduled articles, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Article</th>
          <th scope="col">Status</th>
          <th scope="col">Date</th>
          <th scope="col">Warnings</th>
          <th scope="col">Shareable preview link</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => {
          const state = stateOf(article);
          return (
            <tr key={article.slug}>
              <th scope="row" data-label="Article">
                <Link href={article.path}>{article.title}</Link>
              </th>
              <td data-label="Status">
                <span className="usa-tag">{state === 'draft' ? 'Draft' : 'Scheduled'}</span>
              </td>
              <td data-label="Date">
                <time dateTime={article.date}>
                  {state === 'scheduled' ? formatDateTime(article.publishedAt) : formatDate(article.publishedAt)}
                </time>
              </td>
              <td data-label="Warnings">
                {article.warnings.length === 0 ? (
                  'None'
                ) : (
                  <ul className="usa-list margin-0">
                    {article.warnings.map((w) => (
                      <li key={`${w.line}:${w.field}`}>
                        {w.field}: {w.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td data-label="Shareable preview link">
                <code className="site-share-link">{createPreviewUrl(article.slug) ?? 'Preview is not configured'}</code>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
