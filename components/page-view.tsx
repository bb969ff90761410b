import type { Page } from '@/lib/content/types';
import { Breadcrumb } from './breadcrumb';
import { Prose } from './prose';
import { PublishedDate } from './published-date';

/** A simple content page (About, Accessibility statement, FOIA, …). */
export function PageView({ page }: { page: Page }) {
  return (
    <div className="grid-container padding-bottom-4">
      <Breadcrumb trail={[{ label: 'Home', href: '/' }]} current={page.title} />
      <article className="site-article">
        <h1 className="margin-top-2">{page.title}</h1>
        <Prose body={page.body} firstFigureEager />
        {page.updated && page.updatedAt && (
          <p className="site-meta">
            <PublishedDate label="Last updated" date={page.updated} instant={page.updatedAt} />
          </p>
        )}
      </article>
    </div>
  );
}
