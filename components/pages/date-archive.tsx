import { ArchiveLinks } from '@/components/archive-links';
import { ArticleListing } from '@/components/article-listing';
import { Breadcrumb } from '@/components/breadcrumb';
import { getArchiveMonthsForView, stateOf, type ArchivePeriod } from '@/lib/content';
import { archivePath, monthName } from '@/lib/content/calendar';
import { getArchivePage } from '@/lib/listings';
import { pageMetadata } from '@/lib/metadata';
import { listingPagePath } from '@/lib/pagination';
import { seesAllDrafts, type PreviewAccess } from '@/lib/preview/access';
import { notFound, page } from '@/lib/render/outcome';
import { siteConfig } from '@/lib/site-config';

/** "2023", "June 2023". */
export function periodName({ year, month }: ArchivePeriod): string {
  return month === undefined ? String(year) : `${monthName(month)} ${year}`;
}

/**
 * /news/<yyyy> and /news/<yyyy>/<mm>, and their later pages: the articles this access may see from
 * that year or month, newest first; a year's page also links to its months. 404 for a period
 * without one.
 */
export function archivePage(period: ArchivePeriod, number: number, access: PreviewAccess) {
  const preview = seesAllDrafts(access);
  const listing = getArchivePage(period, number, { preview });
  if (!listing) return notFound;
  const base = archivePath(period.year, period.month);
  const path = listingPagePath(base, listing.page);
  const name = periodName(period);
  const { siteName } = siteConfig;
  const count = `${listing.totalItems} news ${listing.totalItems === 1 ? 'article' : 'articles'}`;
  const meta =
    listing.page === 1
      ? pageMetadata({ title: `News from ${name}`, description: `The ${count} ${siteName} published in ${name}, newest first.`, path })
      : pageMetadata({
          title: `News from ${name}, page ${listing.page} of ${listing.totalPages}`,
          description: `Older news articles ${siteName} published in ${name}, newest first: articles ${listing.first} to ${listing.last} of ${listing.totalItems}.`,
          path,
        });
  const trail = [
    { label: 'Home', href: '/' },
    { label: 'News', href: '/news' },
    ...(period.month === undefined ? [] : [{ label: String(period.year), href: archivePath(period.year) }]),
  ];
  const breadcrumb =
    listing.page === 1 ? (
      <Breadcrumb trail={trail} current={name} />
    ) : (
      <Breadcrumb trail={[...trail, { label: name, href: base }]} current={`Page ${listing.page}`} />
    );
  const months =
    period.month === undefined ? (
      <ArchiveLinks
        heading={`Months of ${period.year}`}
        entries={getArchiveMonthsForView(period.year, { preview })}
        hrefFor={(month) => archivePath(period.year, month)}
        labelFor={(month) => `${monthName(month)} ${period.year}`}
      />
    ) : undefined;
  return page(
    meta,
    <ArticleListing
      heading={`News from ${name}`}
      listing={listing}
      hrefFor={(n) => listingPagePath(base, n)}
      preview={preview ? { path, stateOf } : undefined}
      before={breadcrumb}
      after={months}
    />,
  );
}
