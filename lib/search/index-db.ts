import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIELD_BOOST, FIELDS, type SearchDocument } from './document';

/**
 * The search index the build writes (decision 0023): one SQLite file with an FTS5 table of the
 * articles public at the build, read in place by the server, which keeps none of it in memory.
 *
 *   meta   format, version, when it was built, how many rows and terms it holds
 *   docs   id (the FTS rowid), slug, source hash, publication instant (ms)
 *   fts    contentless FTS5 table, one column per field, `ascii` tokenizer over normalized terms
 *   terms  every term and the number of rows holding it (from fts5vocab): prefix and typo
 *          expansion look terms up here, and the overlay's scores use its counts
 *
 * A row's id is its minute of publication times 1024 plus a count of the earlier rows of that
 * minute: FTS5 walks its postings in id order, so "published by the clock" is an id range and
 * "newest matches first" needs no sort and no join. Minutes, not milliseconds, because postings
 * store id differences: at 100,000 the file is 254 MB with minutes, 299 MB with milliseconds, and
 * 213 MB with ids 1, 2, 3 (which would need a join for the clock and a sort for newest first).
 */
export const INDEX_FORMAT = 'newsroom-search-index';
export const INDEX_VERSION = 2;

/** `<cwd>/<distDir>/search-index.db`: scripts/standalone.mjs copies it next to the standalone server. */
export function searchIndexFile(env: Partial<Record<string, string>> = process.env, cwd: string = process.cwd()): string {
  return path.join(cwd, env.NEXT_DIST_DIR || '.next', 'search-index.db');
}

const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
  CREATE TABLE docs (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, source_hash TEXT NOT NULL, published_at INTEGER NOT NULL);
  CREATE VIRTUAL TABLE fts USING fts5(${FIELDS.join(', ')}, content='', tokenize='ascii');
  CREATE TABLE terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
`;

const tokenCount = (text: string) => (text === '' ? 0 : text.split(' ').length);

/** Rows that may share one minute (a day's articles dated without a time all share midnight). */
const PER_MINUTE = 1024;
const minuteOf = (instant: number) => Math.floor(instant / 60_000);
/** The first id of the minute after the one holding `instant` (ms). */
const idsUntil = (instant: number) => (minuteOf(instant) + 1) * PER_MINUTE;

/**
 * Writes the documents to `file` atomically (a temporary file, then rename), so a server never
 * opens half of it. One transaction, no journal and no fsync until the end: a failed write
 * leaves only the temporary file, which the next build replaces.
 */
export function writeSearchDatabase(file: string, documents: Iterable<SearchDocument>, builtAt: Date = new Date()): { bytes: number; count: number } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  const db = new Database(temporary);
  let count = 0;
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
    const insertDoc = db.prepare('INSERT INTO docs (id, slug, source_hash, published_at) VALUES (?, ?, ?, ?)');
    const insertText = db.prepare(`INSERT INTO fts (rowid, ${FIELDS.join(', ')}) VALUES (?, ${FIELDS.map(() => '?').join(', ')})`);
    let tokens = 0;
    const perMinute = new Map<number, number>();
    db.transaction(() => {
      for (const document of documents) {
        count += 1;
        const minute = minuteOf(document.publishedAt);
        const earlier = perMinute.get(minute) ?? 0;
        if (earlier === PER_MINUTE) {
          throw new Error(
            `search index: more than ${PER_MINUTE} articles are dated ${new Date(document.publishedAt).toISOString()} (to the minute), ${document.slug} among them; ` +
              'the index numbers at most 1,024 articles per minute of publication (decision 0023): give some of them a time of day (date: 2023-06-13T09:30)',
          );
        }
        perMinute.set(minute, earlier + 1);
        const id = minute * PER_MINUTE + earlier;
        insertDoc.run(id, document.slug, document.sourceHash, document.publishedAt);
        insertText.run(id, ...FIELDS.map((field) => document[field]));
        for (const field of FIELDS) tokens += tokenCount(document[field]);
      }
      db.exec("INSERT INTO fts (fts) VALUES ('optimize')");
      db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'fts', 'row')");
      db.exec('INSERT INTO terms (term, docs) SELECT term, doc FROM temp.vocab');
      db.exec('DROP TABLE temp.vocab');
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (const [key, value] of Object.entries({ format: INDEX_FORMAT, version: INDEX_VERSION, builtAt: builtAt.toISOString(), rows: count, tokens })) {
        meta.run(key, value);
      }
    })();
  } finally {
    db.close();
  }
  fs.renameSync(temporary, file);
  return { bytes: fs.statSync(file).size, count };
}

/** What scoring needs of a corpus (FTS5's bm25: row count, average row length, rows per term). */
export interface CorpusStats {
  rows: number;
  tokens: number;
  docsWith(term: string): number;
}

/** A row of the database that matched a query. */
export interface DatabaseHit {
  id: number;
  slug: string;
  publishedAt: number;
  score: number;
}

export interface DatabaseQuery {
  /** FTS5 MATCH expression (see matchExpression). */
  match: string;
  /** Only rows published at or before this (ms). */
  until: number;
  /** Row ids never to return (articles no longer public, or searched in memory instead). */
  excluded: readonly number[];
}

/** Rows asked for: the first `limit` after `offset`. */
export interface RowWindow {
  offset: number;
  limit: number;
}

export interface SearchDatabase {
  readonly file: string;
  readonly stats: CorpusStats;
  /** The terms of the index among `candidates`. */
  existing(candidates: readonly string[]): string[];
  /** The terms of the index starting with `prefix`, the most frequent first, at most `limit`. */
  withPrefix(prefix: string, limit: number): string[];
  count(query: DatabaseQuery): number;
  /** Of the newest `newest` matching rows, the best `limit`, best first then newest first. */
  best(query: DatabaseQuery, newest: number, limit: number): DatabaseHit[];
  /** Matching rows newest first (their score too), in `window`. */
  newest(query: DatabaseQuery, window: RowWindow): DatabaseHit[];
  /** Every row's id and slug, read one at a time (to find rows whose article changed). */
  rows(): IterableIterator<{ id: number; slug: string }>;
  close(): void;
}

const REBUILD = 'run npm run build, which writes it (and npm run standalone, which copies it next to the server)';

/** FTS5 reads a quoted string as one token; a double quote inside is doubled. */
const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** Every group must match (AND); within a group any term may (OR). Groups must not be empty. */
export function matchExpression(groups: readonly (readonly string[])[]): string {
  return groups.map((group) => `(${group.map(quote).join(' OR ')})`).join(' AND ');
}

/** The largest code point: a prefix followed by it sorts after every term that starts with the prefix. */
const LAST = String.fromCodePoint(0x10ffff);

/**
 * Opens the build's database read-only and prepares every statement. Throws an Error naming the
 * file, what is wrong and what to run; a query on a file damaged past the header throws the same.
 */
export function openSearchDatabase(file: string): SearchDatabase {
  if (!fs.existsSync(file)) throw new Error(`search index ${file} is missing: ${REBUILD}`);
  const corrupt = (why: string) => new Error(`search index ${file} is corrupt (${why}): ${REBUILD}`);
  // Opening, any SQLite error means the file is not what the build wrote; later, only damage does
  // (a bug in a query must not read as a corrupt file).
  let opened = false;
  const DAMAGE = /^SQLITE_(CORRUPT|NOTADB|IOERR|FORMAT)/;
  const guard = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && (opened ? DAMAGE.test(code) : code.startsWith('SQLITE_'))) throw corrupt((error as Error).message);
      throw error;
    }
  };
  const db = guard(() => new Database(file, { readonly: true, fileMustExist: true }));
  try {
    const meta = guard(() => new Map((db.prepare('SELECT key, value FROM meta').raw().all() as [string, unknown][]).map(([key, value]) => [key, value])));
    if (meta.get('format') !== INDEX_FORMAT || meta.get('version') !== INDEX_VERSION) {
      throw corrupt(`it is not a ${INDEX_FORMAT} version ${INDEX_VERSION} file`);
    }
    const rows = meta.get('rows');
    const tokens = meta.get('tokens');
    if (typeof rows !== 'number' || typeof tokens !== 'number') throw corrupt('its row and token counts are missing');

    const statements = guard(() => {
      const where = 'fts MATCH @match AND fts.rowid < @until AND fts.rowid NOT IN (SELECT value FROM json_each(@excluded))';
      const score = `-bm25(fts, ${FIELDS.map((field) => FIELD_BOOST[field]).join(', ')})`;
      return {
        docsWith: db.prepare('SELECT docs FROM terms WHERE term = ?').pluck(),
        existing: db.prepare('SELECT term FROM terms WHERE term IN (SELECT value FROM json_each(?))').pluck(),
        withPrefix: db.prepare('SELECT term FROM terms WHERE term >= ? AND term < ? ORDER BY docs DESC, term LIMIT ?').pluck(),
        count: db.prepare(`SELECT count(*) FROM fts WHERE ${where}`).pluck(),
        // The inner query walks the postings newest first and stops after @newest rows; only those are scored.
        best: db
          .prepare(
            `SELECT r.id, d.slug, d.published_at, r.score
             FROM (SELECT fts.rowid AS id, ${score} AS score FROM fts WHERE ${where} ORDER BY fts.rowid DESC LIMIT @newest) r
             JOIN docs d ON d.id = r.id ORDER BY r.score DESC, d.published_at DESC, r.id DESC LIMIT @limit`,
          )
          .raw(),
        newest: db
          .prepare(
            `SELECT r.id, d.slug, d.published_at, r.score
             FROM (SELECT fts.rowid AS id, ${score} AS score FROM fts WHERE ${where} ORDER BY fts.rowid DESC LIMIT @limit OFFSET @offset) r
             JOIN docs d ON d.id = r.id ORDER BY d.published_at DESC, r.id DESC`,
          )
          .raw(),
        rows: db.prepare('SELECT id, slug FROM docs'),
        // The clock's own minute: the rows published in it after the clock (the id range ends with the minute).
        late: db.prepare('SELECT id FROM docs WHERE id >= ? AND id < ? AND published_at > ?').pluck(),
      };
    });
    const args = (query: DatabaseQuery) => {
      const until = idsUntil(Math.min(query.until, Number.MAX_SAFE_INTEGER / PER_MINUTE));
      const late = statements.late.all(until - PER_MINUTE, until, query.until) as number[];
      return { match: query.match, until, excluded: JSON.stringify(late.length > 0 ? [...query.excluded, ...late] : query.excluded) };
    };
    opened = true;
    const hits = (rows: unknown[]) => (rows as [number, string, number, number][]).map(([id, slug, publishedAt, score]) => ({ id, slug, publishedAt, score }));
    return {
      file,
      stats: { rows, tokens, docsWith: (term) => guard(() => (statements.docsWith.get(term) as number | undefined) ?? 0) },
      existing: (candidates) => guard(() => statements.existing.all(JSON.stringify(candidates)) as string[]),
      withPrefix: (prefix, limit) => guard(() => statements.withPrefix.all(prefix, prefix + LAST, limit) as string[]),
      count: (query) => guard(() => statements.count.get(args(query)) as number),
      best: (query, newest, limit) => guard(() => hits(statements.best.all({ ...args(query), newest, limit }))),
      newest: (query, { offset, limit }) => guard(() => hits(statements.newest.all({ ...args(query), offset, limit }))),
      rows: () => statements.rows.iterate() as IterableIterator<{ id: number; slug: string }>,
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
