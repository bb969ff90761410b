import type { Article } from '@/lib/content/types';
import { PublishedDate } from './published-date';

/** "Related Stories": other published articles that share topics with this one. */
export function RelatedStories({ articles }: { articles: Article[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-stories" className="site-related padding-y-4">
      <h2 id="related-stories" className="margin-top-0">
        Related Stories
      </h2>
      <ul className="usa-list usa-list--unstyled">
        {articles.map((article) => (
          <li key={article.slug}>
            <a href={article.path} className="usa-link text-bold">
              {article.title}
            </a>
            <p className="site-meta margin-top-05 margin-bottom-0">
              <PublishedDate date={article.date} instant={article.publishedAt} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
