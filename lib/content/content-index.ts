import fs from 'node:fs';
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Passages } from '../search/text';
import type { Article, Byline, ContentIssue, Figure, Page, Topic } from './types';

/**
 * The content index (decision 0024): one SQLite file that `npm run content:build` writes and the
 * server reads, holding what listings, related stories, feeds, sitemaps, topics and the archive
 * need of every article public when it was built (front matter and derived fields, not parsed
 * bodies), the validated text of those articles and of every page (a body is parsed from it when
 * its page renders), and of every other file only a hash of its path, its stamp and, for a
 * scheduled article, the instant it is due. No draft or embargoed word is in it.
 */
export const CONTENT_INDEX_FORMAT = 'newsroom-content-index';
export const CONTENT_INDEX_VERSION = 2;

/** The fields of an article a listing card or page header shows beside the eager ones. */
export interface ArticleDetails {
  summary: string;
  byline?: Byline;
  image?: Figure;
  warnings: ContentIssue[];
}

/** An article as the index holds it: everything but the body, instants as milliseconds. */
export interface ArticleRecord {
  slug: string;
  sourcePath: string;
  sourceHash: string;
  title: string;
  date: string;
  publishedAt: number;
  updated?: string;
  updatedAt?: number;
  status: Article['status'];
  topics: Topic[];
  details: ArticleDetails;
  /** What search shows of the body (lib/search/text.ts): stored, so a results page parses no body. */
  passages: Passages;
}

/** A page as the index holds it: everything but the body. */
export interface PageRecord {
  slug: string;
  sourcePath: string;
  sourceHash: string;
  title: string;
  summary: string;
  updated?: string;
  updatedAt?: number;
  warnings: ContentIssue[];
}

/** A file the public site may not read yet: a draft (`dueAt` null) or a scheduled article. */
export interface WithheldRecord {
  /** SHA-256 of the file's path (`content/news/x.md`): its name can say what the draft is about. */
  pathHash: string;
  stamp: string;
  sourceHash: string;
  dueAt: number | null;
}

export function articleRecord(article: Article, passages: Passages): ArticleRecord {
  const record: ArticleRecord = {
    slug: article.slug,
    sourcePath: article.sourcePath,
    sourceHash: article.sourceHash,
    title: article.title,
    date: article.date,
    publishedAt: article.publishedAt.getTime(),
    status: article.status,
    topics: article.topics,
    details: { summary: article.summary, warnings: article.warnings },
    passages,
  };
  if (article.updated !== undefined) record.updated = article.updated;
  if (article.updatedAt) record.updatedAt = article.updatedAt.getTime();
  if (article.byline) record.details.byline = article.byline;
  if (article.image) record.details.image = article.image;
  return record;
}

export function pageRecord(page: Page, sourceHash: string): PageRecord {
  const record: PageRecord = {
    slug: page.slug,
    sourcePath: page.sourcePath,
    sourceHash,
    title: page.title,
    summary: page.summary,
    warnings: page.warnings,
  };
  if (page.updated !== undefined) record.updated = page.updated;
  if (page.updatedAt) record.updatedAt = page.updatedAt.getTime();
  return record;
}

// The `listing` row of `meta` holds what the server reads of every article when it starts, newest
// first, as one JSON text of columns (one JSON.parse of a few MB is ten times faster than stepping
// through 100,000 rows): slugs, instants, topics as ids of `topics`, and the source path only where
// it is not content/news/<slug>.md. The files' stamps are read once, to compare the folder with.
// Everything else of an article is in `details`, read when a page shows it.
const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE topics (id INTEGER PRIMARY KEY, slug TEXT NOT NULL, name TEXT NOT NULL);
  CREATE TABLE stamps (slug TEXT PRIMARY KEY, stamp TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE details (
    slug TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT NOT NULL, updated TEXT, source_hash TEXT NOT NULL, details TEXT NOT NULL, passages BLOB NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE pages (slug TEXT PRIMARY KEY, record TEXT NOT NULL, stamp TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE sources (hash TEXT PRIMARY KEY, text TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE withheld (path_hash TEXT PRIMARY KEY, stamp TEXT NOT NULL, source_hash TEXT NOT NULL, due_at INTEGER) WITHOUT ROWID;
`;

/** What the index writer keeps of each article until the end: its listing row. */
interface ListingRow {
  slug: string;
  publishedAt: number;
  updatedAt: number | null;
  topics: string;
  path?: string;
}

/** Newest first, then by slug: the order of every listing (lib/content/store.ts `newestFirst`). */
const newestFirst = (a: ListingRow, b: ListingRow) => b.publishedAt - a.publishedAt || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

export interface ContentIndexWriter {
  article(record: ArticleRecord, stamp: string, source: string): void;
  page(record: PageRecord, stamp: string, source: string): void;
  withheld(record: WithheldRecord): void;
  /** Writes the listing and renames the file into place; its size in bytes. */
  finish(): number;
  /** Leaves no file behind (a failed build). */
  abort(): void;
}

/**
 * Writes the index one file at a time, so the build holds no article's text or record longer than
 * it takes to write it (at 100,000 articles, holding them all took 1.7 GB): only each article's
 * listing row is kept, to be sorted at the end. The file appears atomically (a temporary file
 * renamed over it by `finish`).
 */
export function createContentIndexWriter(file: string, { builtAt, timeZone }: { builtAt: Date; timeZone: string }): ContentIndexWriter {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  const db = new Database(temporary);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(SCHEMA);
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  const topic = db.prepare('INSERT INTO topics (id, slug, name) VALUES (?, ?, ?)');
  const stamps = db.prepare('INSERT INTO stamps (slug, stamp) VALUES (?, ?)');
  const details = db.prepare('INSERT INTO details (slug, title, date, updated, source_hash, details, passages) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const pages = db.prepare('INSERT INTO pages (slug, record, stamp) VALUES (?, ?, ?)');
  const sources = db.prepare('INSERT OR IGNORE INTO sources (hash, text) VALUES (?, ?)');
  const withheld = db.prepare('INSERT INTO withheld (path_hash, stamp, source_hash, due_at) VALUES (?, ?, ?, ?)');
  const topicIds = new Map<string, number>();
  const topicId = (t: Topic) => {
    const key = `${t.slug}\0${t.name}`;
    let id = topicIds.get(key);
    if (id === undefined) {
      topicIds.set(key, (id = topicIds.size + 1));
      topic.run(id, t.slug, t.name);
    }
    return id;
  };
  const listing: ListingRow[] = [];
  db.exec('BEGIN');
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    db.close();
  };
  return {
    article(r, stamp, text) {
      const row: ListingRow = { slug: r.slug, publishedAt: r.publishedAt, updatedAt: r.updatedAt ?? null, topics: r.topics.map(topicId).join(',') };
      if (r.sourcePath !== `content/news/${r.slug}.md`) row.path = r.sourcePath;
      listing.push(row);
      stamps.run(r.slug, stamp);
      // Deflated: about a third of the size, and inflating ten of them for a results page takes well under a millisecond.
      details.run(r.slug, r.title, r.date, r.updated ?? null, r.sourceHash, JSON.stringify(r.details), deflateSync(JSON.stringify(r.passages)));
      sources.run(r.sourceHash, text);
    },
    page(r, stamp, text) {
      pages.run(r.slug, JSON.stringify(r), stamp);
      sources.run(r.sourceHash, text);
    },
    withheld(w) {
      withheld.run(w.pathHash, w.stamp, w.sourceHash, w.dueAt);
    },
    finish() {
      try {
        meta.run('format', CONTENT_INDEX_FORMAT);
        meta.run('version', String(CONTENT_INDEX_VERSION));
        meta.run('builtAt', builtAt.toISOString());
        meta.run('timeZone', timeZone);
        const columns: ListingColumns = { slugs: [], publishedAt: [], updatedAt: [], topics: [], paths: {} };
        for (const row of listing.sort(newestFirst)) {
          if (row.path !== undefined) columns.paths[columns.slugs.length] = row.path;
          columns.slugs.push(row.slug);
          columns.publishedAt.push(row.publishedAt);
          columns.updatedAt.push(row.updatedAt);
          columns.topics.push(row.topics);
        }
        meta.run('listing', JSON.stringify(columns));
        db.exec('COMMIT');
      } finally {
        close();
      }
      fs.renameSync(temporary, file);
      return fs.statSync(file).size;
    },
    abort() {
      close();
      fs.rmSync(temporary, { force: true });
    },
  };
}

/**
 * What the server reads of every article at start, one array per field, newest first: slug,
 * publishedAt, updatedAt, topic ids ("1,4"), and by position the source path where it is not
 * content/news/<slug>.md.
 */
export interface ListingColumns {
  slugs: string[];
  publishedAt: number[];
  updatedAt: (number | null)[];
  topics: string[];
  paths: Record<number, string>;
}

/** What a page reads of an article beside its listing row. */
export interface ArticleFields {
  title: string;
  date: string;
  updated: string | null;
  sourceHash: string;
  details: ArticleDetails;
}

export interface ContentIndexReader {
  readonly file: string;
  readonly builtAt: Date;
  readonly timeZone: string;
  topics(): Map<number, Topic>;
  listing(): ListingColumns;
  /** An article's file stamp (size and times), for comparing the folder. */
  stamp(slug: string): string | undefined;
  pages(): { record: PageRecord; stamp: string }[];
  withheld(): WithheldRecord[];
  fields(slug: string): ArticleFields | undefined;
  passages(slug: string): Passages | undefined;
  source(hash: string): string | undefined;
  close(): void;
}

const REBUILD = 'run npm run build, which writes it (and npm run standalone, which copies it next to the server)';

/** Opens the index read-only. Throws an Error naming the file, what is wrong and what to run. */
export function openContentIndex(file: string): ContentIndexReader {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    const missing = !fs.existsSync(file);
    throw new Error(`content index ${file} ${missing ? 'is missing' : `cannot be opened (${(error as Error).message})`}: ${REBUILD}`);
  }
  const corrupt = (why: string) => {
    db.close();
    return new Error(`content index ${file} is corrupt (${why}): ${REBUILD}`);
  };
  let meta: Map<string, string>;
  try {
    meta = new Map(db.prepare("SELECT key, value FROM meta WHERE key != 'listing'").raw().all() as [string, string][]);
  } catch (error) {
    throw corrupt((error as Error).message);
  }
  if (meta.get('format') !== CONTENT_INDEX_FORMAT || meta.get('version') !== String(CONTENT_INDEX_VERSION)) {
    throw corrupt(`not a ${CONTENT_INDEX_FORMAT} version ${CONTENT_INDEX_VERSION} file`);
  }
  const fields = db.prepare('SELECT title, date, updated, source_hash, details FROM details WHERE slug = ?').raw();
  const passages = db.prepare('SELECT passages FROM details WHERE slug = ?').pluck();
  const source = db.prepare('SELECT text FROM sources WHERE hash = ?').pluck();
  const stamp = db.prepare('SELECT stamp FROM stamps WHERE slug = ?').pluck();
  return {
    file,
    builtAt: new Date(meta.get('builtAt') ?? 0),
    timeZone: meta.get('timeZone') ?? '',
    topics: () =>
      new Map((db.prepare('SELECT id, slug, name FROM topics').raw().all() as [number, string, string][]).map(([id, slug, name]) => [id, { name, slug }])),
    listing: () => JSON.parse(db.prepare("SELECT value FROM meta WHERE key = 'listing'").pluck().get() as string) as ListingColumns,
    stamp: (slug) => stamp.get(slug) as string | undefined,
    pages: () =>
      (db.prepare('SELECT record, stamp FROM pages ORDER BY slug').all() as { record: string; stamp: string }[]).map((row) => ({
        record: JSON.parse(row.record) as PageRecord,
        stamp: row.stamp,
      })),
    withheld: () =>
      db.prepare('SELECT path_hash AS pathHash, stamp, source_hash AS sourceHash, due_at AS dueAt FROM withheld').all() as WithheldRecord[],
    fields: (slug) => {
      const row = fields.get(slug) as [string, string, string | null, string, string] | undefined;
      return row && { title: row[0], date: row[1], updated: row[2], sourceHash: row[3], details: JSON.parse(row[4]) as ArticleDetails };
    },
    passages: (slug) => {
      const blob = passages.get(slug) as Buffer | undefined;
      return blob && (JSON.parse(inflateSync(blob).toString('utf8')) as Passages);
    },
    source: (hash) => source.get(hash) as string | undefined,
    close: () => db.close(),
  };
}

/** Where the build leaves the index, and the server and the standalone copy find it. */
export function contentIndexFile(env: Partial<Record<string, string>> = process.env, cwd: string = process.cwd()): string {
  return path.join(cwd, env.NEXT_DIST_DIR || '.next', 'content-index.db');
}

/**
 * Where `npm run content:build` writes the index and its parse cache: the build cache folder, which
 * `next build` keeps (it empties the rest of the dist folder). The postbuild step links the index
 * into the dist folder (`contentIndexFile`).
 */
export function contentBuildDirectory(env: Partial<Record<string, string>> = process.env, cwd: string = process.cwd()): string {
  return path.join(cwd, env.NEXT_DIST_DIR || '.next', 'cache', 'content');
}
