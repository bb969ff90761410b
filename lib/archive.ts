/**
 * Archive notice: articles older than a configured age say so, as DoD News and digital.gov do,
 * because facts, titles and links in them may have changed since.
 */

/** The instant before which an article counts as archived: `now` minus `years` calendar years. */
export function archiveCutoff(now: Date, years: number): Date {
  if (!Number.isInteger(years) || years < 1) throw new Error(`archiveAfterYears must be a positive integer, got ${years}`);
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

export function isArchived(article: { publishedAt: Date }, now: Date, years: number): boolean {
  return article.publishedAt.getTime() < archiveCutoff(now, years).getTime();
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** AP style: "five years", "one year", "12 years". */
export function yearsInWords(years: number): string {
  const number = WORDS[years] ?? String(years);
  return `${number} ${years === 1 ? 'year' : 'years'}`;
}
