import { articleBreadcrumb } from '@/lib/breadcrumbs';
import type { Article } from '@/lib/content/types';
import { ArchiveNotice } from './archive-notice';
import { ArticleFigure } from './article-figure';
import { Breadcrumb } from './breadcrumb';
import { Prose } from './prose';
import { PublishedDate } from './published-date';
import { RelatedStories } from './related-stories';
import { TopicTags } from './topic-tags';

export interface ArticleViewProps {
  article: Article;
  related: Article[];
  /** Staff preview: images bypass the optimizer (see ArticleFigure). */
  preview?: boolean;
  /** Set when the article is older than the archive age (lib/archive.ts): that age in years. */
  archivedAfterYears?: number;
}

/** A news article as DoD News lays it out: title, deck, dates, lead figure, body, related stories. */
export function ArticleView({ article, related, preview = false, archivedAfterYears }: ArticleViewProps) {
  return (
    <div className="grid-container">
      <Breadcrumb {...articleBreadcrumb(article)} />
      <article className="site-article padding-bottom-4">
        <header>
          <h1 className="margin-top-2">{article.title}</h1>
          <p className="site-deck">{article.summary}</p>
          {article.byline && (
            <p className="site-meta margin-bottom-0">
              By {article.byline.name}
              {article.byline.organization ? `, ${article.byline.organization}` : null}
            </p>
          )}
          <p className="site-meta margin-top-05">
            <PublishedDate label="Published" date={article.date} instant={article.publishedAt} />
            {article.updated && article.updatedAt && (
              <>
                {' · '}
                <PublishedDate label="Updated" date={article.updated} instant={article.updatedAt} />
              </>
            )}
          </p>
          <TopicTags topics={article.topics} />
          {archivedAfterYears !== undefined && <ArchiveNotice publishedAt={article.publishedAt} years={archivedAfterYears} />}
        </header>
        {article.image && <ArticleFigure figure={article.image} eager unoptimized={preview} />}
        <Prose body={article.body} firstFigureEager={!article.image} unoptimizedImages={preview} />
      </article>
      <RelatedStories articles={related} />
    </div>
  );
}
