/**
 * The staff desk's "make a preview link" form: GET /preview?link=<slug>&expires=<choice>. A GET,
 * because making a link changes nothing on the server (a link is a signature, not a record), so the
 * form works without JavaScript and a reload just makes another link. Pure, with the secret and
 * clock passed in.
 */
import { buildPreviewUrl } from '../preview/link';
import { previewExpiresAt, signPreviewToken } from '../preview/token';

/** The expiries the desk offers, shortest first; all within the 7-day limit of lib/preview/token.ts. */
export const DESK_EXPIRIES = [
  { value: '1h', label: '1 hour' },
  { value: '1d', label: '1 day' },
  { value: '2d', label: '2 days' },
  { value: '7d', label: '7 days' },
] as const;

export type DeskLink =
  | { ok: true; slug: string; title: string; url: string; token: string; expiresAt: Date }
  | { ok: false; message: string };

export function makeDeskLink(
  request: { link: unknown; expires: unknown },
  options: { articles: ReadonlyArray<{ slug: string; title: string }>; secret: string; baseUrl: string; now: Date },
): DeskLink | undefined {
  if (request.link === undefined) return undefined;
  const article = typeof request.link === 'string' ? options.articles.find((candidate) => candidate.slug === request.link) : undefined;
  if (!article) return { ok: false, message: 'No link was made: that article is not a draft or scheduled article on this site.' };
  const choice = DESK_EXPIRIES.find((expiry) => expiry.value === request.expires);
  if (!choice) {
    return { ok: false, message: `No link was made: choose how long it lasts (${DESK_EXPIRIES.map((e) => e.label).join(', ')}).` };
  }
  const expiresAt = previewExpiresAt(choice.value, options.now);
  const token = signPreviewToken({ slug: article.slug, expiresAt, secret: options.secret });
  return { ok: true, slug: article.slug, title: article.title, url: buildPreviewUrl(options.baseUrl, token), token, expiresAt };
}
