import { yearsInWords } from '@/lib/archive';
import { formatDate } from '@/lib/format-date';

export interface ArchiveNoticeProps {
  publishedAt: Date;
  /** The configured age after which articles are archived. */
  years: number;
}

/** USWDS slim info alert telling readers an old article may be out of date. */
export function ArchiveNotice({ publishedAt, years }: ArchiveNoticeProps) {
  return (
    <div className="usa-alert usa-alert--info usa-alert--slim site-archive-notice">
      <div className="usa-alert__body">
        <p className="usa-alert__text">
          <strong>Archived content.</strong> This article was published on {formatDate(publishedAt)}, more than{' '}
          {yearsInWords(years)} ago. Facts, titles, policies and links in it may be out of date.
        </p>
      </div>
    </div>
  );
}
