import { ResponsiveImage } from './responsive-image';
import type { ComponentPropsWithoutRef } from 'react';
import type { ArticleState } from '@/lib/content/state';
import type { Article } from '@/lib/content/types';
import { PublishedDate } from './published-date';

export interface ArticleCardProps extends ComponentPropsWithoutRef<'li'> {
  article: Article;
  headingLevel: 2 | 3;
  /** The lead story: a wide USWDS flag card with an eager image. */
  lead?: boolean;
  /** The image is the page's largest above the fold: eager, high priority (a lead card's always is). */
  priority?: boolean;
  /** In staff preview: drafts and scheduled articles get a tag saying so. */
  state?: ArticleState;
}

const STATE_TAGS: Partial<Record<ArticleState, string>> = { draft: 'Draft', scheduled: 'Scheduled' };

/** A USWDS card's header: the article's headline as a link, at the level the page's outline needs. */
export function ArticleCardHeader({ article, headingLevel }: { article: Pick<Article, 'path' | 'title'>; headingLevel: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="usa-card__header">
      <Heading className="usa-card__heading">
        <a href={article.path}>{article.title}</a>
      </Heading>
    </div>
  );
}

/** A USWDS card that links to an article. Meant to sit in a `ul.usa-card-group`. */
export function ArticleCard({ article, headingLevel, lead = false, priority = lead, state, className, ...rest }: ArticleCardProps) {
  const classes = ['usa-card', lead ? 'usa-card--flag tablet:grid-col-12' : 'tablet:grid-col-4', className];
  return (
    <li className={classes.filter(Boolean).join(' ')} {...rest}>
      <div className="usa-card__container">
        <ArticleCardHeader article={article} headingLevel={headingLevel} />
        {article.image && (
          <div className="usa-card__media">
            <div className="usa-card__img">
              {/* The image repeats what the linked title says, so it is decorative here. */}
              <ResponsiveImage
                src={article.image.src}
                alt=""
                width={article.image.width}
                height={article.image.height}
                sizes={lead ? '(min-width: 640px) 50vw, 100vw' : '(min-width: 640px) 33vw, 100vw'}
                priority={priority}
                // In staff preview, drafts' images reach only the previewing browser.
                unoptimized={state !== undefined}
              />
            </div>
          </div>
        )}
        <div className="usa-card__body">
          <p className="site-meta">
            {state && STATE_TAGS[state] && <span className="usa-tag">{STATE_TAGS[state]}</span>}{' '}
            <PublishedDate date={article.date} instant={article.publishedAt} />
          </p>
          <p>{article.summary}</p>
        </div>
      </div>
    </li>
  );
}

export interface ArticleCardListProps {
  articles: Article[];
  headingLevel: 2 | 3;
  /** In staff preview, where drafts and scheduled articles are tagged. */
  stateOf?: (article: Article) => ArticleState;
  /** The first card's image is the page's largest above the fold (a listing's LCP on a phone): load it first, not lazily. */
  firstIsPriority?: boolean;
}

/** A USWDS card group of articles, as the news index and topic pages show them. */
export function ArticleCardList({ articles, headingLevel, stateOf, firstIsPriority = false }: ArticleCardListProps) {
  return (
    <ul className="usa-card-group">
      {articles.map((article, index) => (
        <ArticleCard
          key={article.slug}
          article={article}
          headingLevel={headingLevel}
          state={stateOf?.(article)}
          priority={firstIsPriority && index === 0}
        />
      ))}
    </ul>
  );
}
