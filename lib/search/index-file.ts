import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../content/types';
import { indexArticles, loadArticleIndex, type ArticleIndex, type IndexedEntry } from './engine';

/**
 * The search index the build writes (decision 0022): line 1 is a JSON header (format, version,
 * when it was built, and each article's source hash and publication instant), the rest is
 * MiniSearch's own JSON, read back with `MiniSearch.loadJSON`.
 */
export const INDEX_FORMAT = 'newsroom-search-index';
export const INDEX_VERSION = 1;

interface Header {
  format: typeof INDEX_FORMAT;
  version: typeof INDEX_VERSION;
  builtAt: string;
  /** `[slug, sourceHash, publishedAt (ms)]` per article. */
  articles: [string, string, number][];
}

/** `<cwd>/<distDir>/search-index.json`: scripts/standalone.mjs copies it next to the standalone server. */
export function searchIndexFile(env: Partial<Record<string, string>> = process.env, cwd: string = process.cwd()): string {
  return path.join(cwd, env.NEXT_DIST_DIR || '.next', 'search-index.json');
}

export function serializeArticleIndex(index: ArticleIndex, builtAt: Date): string {
  const header: Header = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    builtAt: builtAt.toISOString(),
    articles: [...index.entries].map(([slug, entry]) => [slug, entry.sourceHash, entry.publishedAt]),
  };
  return `${JSON.stringify(header)}\n${JSON.stringify(index.miniSearch)}`;
}

/** Indexes `articles` and writes the file atomically (a reader never sees half of it); returns its size in bytes. */
export function writeSearchIndexFile(file: string, articles: Article[], builtAt: Date): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const text = serializeArticleIndex(indexArticles(articles), builtAt);
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
  return Buffer.byteLength(text);
}

const REBUILD = 'run npm run build, which writes it (and npm run standalone, which copies it next to the server)';

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Partial<Header>;
  return (
    header.format === INDEX_FORMAT &&
    header.version === INDEX_VERSION &&
    typeof header.builtAt === 'string' &&
    Array.isArray(header.articles) &&
    header.articles.every(
      (row) => Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'string' && typeof row[2] === 'number' && Number.isFinite(row[2]),
    )
  );
}

/** Reads the file the build wrote. Throws an Error naming the file, what is wrong and what to run. */
export function readSearchIndexFile(file: string): ArticleIndex {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`search index ${file} ${code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? String(error)})`}: ${REBUILD}`);
  }
  const corrupt = (why: string) => new Error(`search index ${file} is corrupt (${why}): ${REBUILD}`);
  const newline = text.indexOf('\n');
  if (newline < 0) throw corrupt('no header line');
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, newline));
  } catch (error) {
    throw corrupt(`header line: ${(error as Error).message}`);
  }
  if (!isHeader(header)) throw corrupt(`the header is not a ${INDEX_FORMAT} version ${INDEX_VERSION} header`);
  const entries = new Map<string, IndexedEntry>(header.articles.map(([slug, sourceHash, publishedAt]) => [slug, { sourceHash, publishedAt }]));
  let index: ArticleIndex;
  try {
    index = loadArticleIndex(text.slice(newline + 1), entries);
  } catch (error) {
    throw corrupt(`MiniSearch index: ${(error as Error).message}`);
  }
  if (index.miniSearch.documentCount !== entries.size) {
    throw corrupt(`the header lists ${entries.size} articles, the index holds ${index.miniSearch.documentCount}`);
  }
  return index;
}
