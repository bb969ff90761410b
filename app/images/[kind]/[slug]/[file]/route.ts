import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDirectory, getArticleForView, getPageForView } from '@/lib/content';
import type { Body, Figure } from '@/lib/content';
import { canPreviewArticle, getPreviewAccess, seesAllDrafts } from '@/lib/preview/access';
import { PREVIEW_HEADERS } from '@/lib/preview/response';

type Params = { params: Promise<{ kind: string; slug: string; file: string }> };

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

function figuresOf(item: { image?: Figure; body: Body } | undefined): Figure[] {
  if (!item) return [];
  return [...(item.image ? [item.image] : []), ...item.body.figures];
}

/**
 * Serves the images of articles and pages from content/images (CONTENT_DIR/images), but only those a figure of a
 * visible article names: a draft's or an embargoed article's photos are 404 to the public, exactly
 * like its page, and no path the request makes up can reach any other file.
 */
export async function GET(_request: Request, { params }: Params) {
  const { kind, slug, file } = await params;
  const access = await getPreviewAccess();
  // A link's session sees its own article's images; staff see every article's.
  const preview = kind === 'news' ? canPreviewArticle(access, slug) : seesAllDrafts(access);
  const item =
    kind === 'news' ? getArticleForView(slug, { preview }) : kind === 'pages' ? getPageForView(slug, { preview }) : undefined;
  const src = `/images/${kind}/${slug}/${file}`;
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!type || !figuresOf(item).some((figure) => figure.src === src)) {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const bytes = await readFile(path.join(contentDirectory(), 'images', kind, slug, file));
  const caching = preview ? PREVIEW_HEADERS : { 'Cache-Control': 'public, max-age=3600' };
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', ...caching },
  });
}
