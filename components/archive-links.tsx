import type { ArchiveCount } from '@/lib/content';

export interface ArchiveLinksProps {
  /** The navigation landmark's name and the list's heading. */
  heading: string;
  entries: ArchiveCount[];
  hrefFor: (value: number) => string;
  labelFor: (value: number) => string;
}

/**
 * Links into the archive by date with the number of articles behind each: the years on /news, the
 * months on a year's page. A named navigation landmark, so it can be reached from the landmarks list.
 */
export function ArchiveLinks({ heading, entries, hrefFor, labelFor }: ArchiveLinksProps) {
  if (entries.length === 0) return null;
  const id = `archive-${heading.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <nav aria-labelledby={id} className="margin-top-4">
      <h2 id={id}>{heading}</h2>
      <ul className="usa-list">
        {entries.map(({ value, count }) => (
          <li key={value}>
            <a href={hrefFor(value)} className="usa-link">
              {labelFor(value)}
            </a>{' '}
            ({count} {count === 1 ? 'article' : 'articles'})
          </li>
        ))}
      </ul>
    </nav>
  );
}
