import type { ReactNode } from 'react';
import type { ArticleState } from '@/lib/content/state';
import type { Article, Topic } from '@/lib/content/types';
import { listingPagePath, type PageOf } from '@/lib/pagination';
import { ArticleCardList } from './article-card';
import { Breadcrumb } from './breadcrumb';
import { Pagination } from './pagination';
import { PreviewAlert } from './preview-alert';

export interface ArticleListingProps {
  heading: string;
  listing: PageOf<Article>;
  hrefFor: (page: number) => string;
  /** Set in staff preview: the alert returns here, and cards are tagged with their state. */
  preview?: { path: string; stateOf: (article: Article) => ArticleState };
  /** Above the heading (a breadcrumb). */
  before?: ReactNode;
  /** Below the pagination (the news index's archive by year, a year's months). */
  after?: ReactNode;
}

/** One page of a paginated list of article cards: /news and the topic pages. */
export function ArticleListing({ heading, listing, hrefFor, preview, before, after }: ArticleListingProps) {
  const { page, totalPages, first, last, totalItems } = listing;
  return (
    <div className="grid-container padding-bottom-4">
      {preview && <PreviewAlert returnTo={preview.path} />}
      {before}
      <h1 className={before ? 'margin-top-2' : 'margin-top-4'}>{heading}</h1>
      {totalPages > 1 && (
        <p className="site-listing-position">
          Page {page} of {totalPages}: articles {first} to {last} of {totalItems}, newest first.
        </p>
      )}
      {totalItems === 0 ? (
        <p>There are no articles here yet.</p>
      ) : (
        <ArticleCardList articles={listing.items} headingLevel={2} stateOf={preview?.stateOf} firstIsPriority />
      )}
      <Pagination current={page} total={totalPages} hrefFor={hrefFor} className="margin-top-4" />
      {after}
    </div>
  );
}

export interface TopicListingProps {
  topic: Topic;
  listing: PageOf<Article>;
  /** Staff preview: how to tag each card's state. */
  previewStateOf?: (article: Article) => ArticleState;
}

/** A page of /topics/<slug>: the breadcrumb leads back to the topic's first page from later ones. */
export function TopicListing({ topic, listing, previewStateOf }: TopicListingProps) {
  const base = `/topics/${topic.slug}`;
  const trail = [
    { label: 'Home', href: '/' },
    { label: 'Topics', href: '/topics' },
  ];
  const breadcrumb =
    listing.page === 1 ? (
      <Breadcrumb trail={trail} current={topic.name} />
    ) : (
      <Breadcrumb trail={[...trail, { label: topic.name, href: base }]} current={`Page ${listing.page}`} />
    );
  return (
    <ArticleListing
      heading={topic.name}
      listing={listing}
      hrefFor={(n) => listingPagePath(base, n)}
      preview={previewStateOf ? { path: listingPagePath(base, listing.page), stateOf: previewStateOf } : undefined}
      before={breadcrumb}
    />
  );
}
