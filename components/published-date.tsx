import { formatDate } from '@/lib/format-date';

export interface PublishedDateProps {
  /** ISO 8601 as written in the content; becomes the machine-readable dateTime. */
  date: string;
  instant: Date;
  label?: string;
}

/** "Published June 13, 2023" with a machine-readable <time>. */
export function PublishedDate({ date, instant, label }: PublishedDateProps) {
  return (
    <>
      {label ? `${label} ` : null}
      <time dateTime={date}>{formatDate(instant)}</time>
    </>
  );
}
