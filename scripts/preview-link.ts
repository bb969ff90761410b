/**
 * `npm run preview-link -- <slug> [--expires 2d]`: prints a URL that lets a reviewer see a draft
 * or scheduled article until it expires (default 48 hours, at most 7 days). Only the URL goes to
 * stdout, so it can be piped; the article's title, status and the expiry go to stderr.
 *
 * Needs PREVIEW_SECRET (the same one the site runs with). The base URL is SITE_URL, else
 * http://localhost:3000. Exits 1 when the secret or the article is missing, 2 for bad arguments.
 */
import { parseArgs } from 'node:util';
import { getArticlesForView } from '@/lib/content';
import { formatDateTime } from '@/lib/format-date';
import { buildPreviewUrl, describeStatus, previewBaseUrl, unknownSlugMessage } from '@/lib/preview/link';
import { getPreviewSecret } from '@/lib/preview/secret';
import { previewExpiresAt, signPreviewToken } from '@/lib/preview/token';

const USAGE = 'Usage: npm run preview-link -- <slug> [--expires 48h|2d|90m|30s]';

function main(argv: string[], env: NodeJS.ProcessEnv, now: Date): number {
  let slug: string;
  let expires: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { expires: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length !== 1 || positionals[0] === undefined) throw new Error('Give exactly one slug.');
    slug = positionals[0];
    expires = values.expires;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }

  let expiresAt: Date;
  try {
    expiresAt = previewExpiresAt(expires, now);
  } catch (error) {
    console.error(`--expires: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }

  // `next dev` sets NODE_ENV; a shell usually does not, and then the CLI must not fall back to
  // the development secret, or it would print links that only work on a developer's machine.
  const secret = getPreviewSecret(env);
  if (!secret.ok) {
    console.error(secret.reason);
    return 1;
  }

  // Every article of every status, as staff see them.
  const articles = getArticlesForView({ preview: true });
  const article = articles.find((candidate) => candidate.slug === slug);
  if (!article) {
    console.error(unknownSlugMessage(slug, articles.map((candidate) => candidate.slug)));
    return 1;
  }

  let url: string;
  try {
    url = buildPreviewUrl(previewBaseUrl(env), signPreviewToken({ slug, expiresAt, secret: secret.secret }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }

  console.log(url);
  console.error(
    `${article.title} (${describeStatus(article, now)}): link expires ${formatDateTime(expiresAt)}.` +
      (secret.source === 'development'
        ? ' Signed with the development secret: the link works only with `next dev`.'
        : ''),
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2), process.env, new Date());
