import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { searchDocumentFrom, type SearchDocument } from '../search/document';
import { writeSearchDatabase } from '../search/index-db';
import { searchableText } from '../search/text';
import { articleRecord, createContentIndexWriter, pageRecord, type ArticleRecord, type PageRecord } from './content-index';
import { formatIssue, IssueList, sortIssues } from './issues';
import { checkSize } from './limits';
import { collectFiles, fileStamp, loadSourceFile, type SourceFile } from './store';
import type { Article, ContentIssue, Page } from './types';

/**
 * The content build (decision 0024): every file checked with the same loader as ever, in child
 * processes (one per core), each result cached by the file's text, its image folder and the
 * checking code, and, when no file has an error, the content index and the search index written.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What checking one file found: its own problems, and what the index needs of it. */
export interface FileOutcome {
  issues: ContentIssue[];
  /** A published article public when it was checked: its record and search document. */
  article?: { record: ArticleRecord; search: SearchDocument };
  /** A draft: only that it is one. */
  draft?: true;
  /** A scheduled article: only when it is due (ms). Checked again once it is. */
  dueAt?: number;
  page?: PageRecord;
}

export interface FileJob {
  collection: 'news' | 'pages';
  absolute: string;
  relative: string;
  slug: string;
  /** SHA-256 of the text the build read first (the cache key's): the file must still hold it. */
  sourceHash: string;
}

/** The file's text, when it is still the text the build read first; otherwise an error for it. */
export function readJob(job: FileJob): { source: string } | { issues: ContentIssue[] } {
  const source = fs.readFileSync(job.absolute, 'utf8');
  if (sha256(source) === job.sourceHash) return { source };
  const issues = new IssueList(job.relative);
  issues.error(1, 'file', 'it changed while the build was reading it; run the build again');
  return { issues: issues.items };
}

/**
 * Checks one file, read from disk (within the size limit when the build first read it). Runs in
 * the build's child processes.
 */
export function checkFile(contentDir: string, timeZone: string, now: number, job: FileJob): FileOutcome {
  const read = readJob(job);
  if ('issues' in read) return { issues: read.issues };
  const { source } = read;
  const file: SourceFile = { absolute: job.absolute, relative: job.relative, slug: job.slug, issues: new IssueList(job.relative) };
  const item = loadSourceFile(contentDir, job.collection, file, source, timeZone);
  const issues = sortIssues(file.issues.items);
  if (!item) return { issues };
  if (job.collection === 'pages') return { issues, page: pageRecord(item as Page, job.sourceHash) };
  const article = item as Article;
  // A draft's or a scheduled article's words stay out of the cache as well as the index (nothing
  // under the dist folder holds them): a draft's are not needed until it is published, and then its
  // text has changed; a scheduled article is checked again by the first build after its time.
  if (article.status === 'draft') return { issues, draft: true };
  if (article.publishedAt.getTime() > now) return { issues, dueAt: article.publishedAt.getTime() };
  const text = searchableText(article);
  return { issues, article: { record: articleRecord(article, { paragraphs: text.paragraphs, captions: text.captions }), search: searchDocumentFrom(article, text) } };
}

/** Every file the checking code depends on: a change to any of them invalidates the cache. */
function codeVersion(): string {
  const hash = createHash('sha256');
  const root = path.resolve(__dirname, '..');
  for (const dir of ['content', 'search']) {
    for (const name of fs.readdirSync(path.join(root, dir)).sort()) {
      if (/\.(ts|mjs)$/.test(name) && !name.includes('.test.')) hash.update(name).update(fs.readFileSync(path.join(root, dir, name)));
    }
  }
  for (const name of ['metadata.ts', 'site-config.ts']) hash.update(name).update(fs.readFileSync(path.join(root, name)));
  return hash.digest('hex');
}

/** Names, sizes and times of the files in an article's or page's image folder ('' when it has none). */
function imageFolderStamp(contentDir: string, collection: string, slug: string): string {
  const dir = path.join(contentDir, 'images', collection, slug);
  let names: string[];
  try {
    names = fs.readdirSync(dir).sort();
  } catch {
    return '';
  }
  return names
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('/');
}

/**
 * The parse cache: one row per checked file version, kept in the build cache folder between
 * builds, written as results arrive. What the first pass needs (problems, when a scheduled article
 * is due) is in columns of its own; the rest is read only when the index is written.
 */
class ParseCache {
  private readonly db: Database.Database;
  private readonly summary: Database.Statement;
  private readonly full: Database.Statement;
  private readonly put: Database.Statement;
  private readonly used = new Set<string>();

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = OFF');
    this.db.exec(`
      DROP TABLE IF EXISTS outcomes;
      CREATE TABLE IF NOT EXISTS checked (key TEXT PRIMARY KEY, issues TEXT NOT NULL, due_at INTEGER, outcome TEXT NOT NULL) WITHOUT ROWID;
    `);
    this.summary = this.db.prepare('SELECT issues, due_at FROM checked WHERE key = ?').raw();
    this.full = this.db.prepare('SELECT outcome FROM checked WHERE key = ?').pluck();
    this.put = this.db.prepare('INSERT OR REPLACE INTO checked (key, issues, due_at, outcome) VALUES (?, ?, ?, ?)');
  }

  /** The problems of a cached outcome and when it is due, without the rest. */
  lookUp(key: string): { issues: ContentIssue[]; dueAt?: number } | undefined {
    this.used.add(key);
    const row = this.summary.get(key) as [string, number | null] | undefined;
    if (!row) return undefined;
    const found: { issues: ContentIssue[]; dueAt?: number } = { issues: JSON.parse(row[0]) as ContentIssue[] };
    if (row[1] !== null) found.dueAt = row[1];
    return found;
  }

  outcome(key: string): FileOutcome {
    const text = this.full.get(key) as string | undefined;
    if (text === undefined) throw new Error(`content build: the parse cache lost the outcome ${key}; run the build again`);
    return JSON.parse(text) as FileOutcome;
  }

  /** Stores a batch of new outcomes in one transaction. */
  save(batch: [key: string, outcome: FileOutcome][]): void {
    this.db.transaction(() => {
      for (const [key, outcome] of batch) this.put.run(key, JSON.stringify(outcome.issues), outcome.dueAt ?? null, JSON.stringify(outcome));
    })();
  }

  /** Drops the outcomes no file of this build used. */
  prune(): void {
    const keys = this.db.prepare('SELECT key FROM checked').pluck();
    const drop = this.db.prepare('DELETE FROM checked WHERE key = ?');
    this.db.transaction(() => {
      for (const key of keys.all() as string[]) if (!this.used.has(key)) drop.run(key);
    })();
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Node's flags for a child: the parent's when it runs under tsx (npm run content:build), else
 * (vitest) tsx's loader, so the child can run the TypeScript worker, with the same conditions.
 */
function childExecArgv(): string[] {
  if (process.execArgv.some((arg) => arg.includes('tsx'))) return process.execArgv;
  return [...process.execArgv, '--import', 'tsx', '--conditions=react-server'];
}

/** Checks jobs in child processes, one per core, in batches, handing each batch's outcomes to `done` (with the batch's first job index). */
async function checkInChildren(contentDir: string, timeZone: string, now: number, jobs: FileJob[], done: (from: number, outcomes: FileOutcome[]) => void): Promise<void> {
  const BATCH = 100;
  let next = 0;
  const children = Math.max(1, Math.min(os.availableParallelism(), Math.ceil(jobs.length / BATCH)));
  const worker = path.join(__dirname, 'build-worker.ts');
  await Promise.all(
    Array.from({ length: children }, () => {
      const child = fork(worker, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: childExecArgv() });
      return new Promise<void>((resolve, reject) => {
        let batchStart = 0;
        const send = () => {
          if (next >= jobs.length) {
            child.disconnect();
            return;
          }
          batchStart = next;
          next = Math.min(jobs.length, next + BATCH);
          child.send({ contentDir, timeZone, now, jobs: jobs.slice(batchStart, next) });
        };
        child.on('message', (outcomes: FileOutcome[]) => {
          try {
            done(batchStart, outcomes);
          } catch (error) {
            child.kill();
            reject(error as Error);
            return;
          }
          send();
        });
        child.on('error', reject);
        child.on('exit', (code, signal) => {
          if (code === 0) resolve();
          else reject(new Error(`content build: a checking process stopped (exit ${code ?? signal})`));
        });
        send();
      });
    }),
  );
}

export interface BuildOptions {
  contentDir: string;
  timeZone: string;
  /** Where the cache, index.db and search.db go; with `write: false`, only the cache. */
  outDir: string;
  write: boolean;
  /** What "public" means for the index: the real clock, as for everything the build writes. */
  now?: Date;
}

export interface BuildResult {
  issues: ContentIssue[];
  articleFiles: number;
  pageFiles: number;
  parsed: number;
  fromCache: number;
  ms: number;
  /** Written only when there is no error and `write` is set. */
  index?: { file: string; bytes: number; articles: number; withheld: number };
  search?: { file: string; bytes: number; count: number };
}

export async function buildContent(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const { contentDir, timeZone } = options;
  const now = (options.now ?? new Date()).getTime();
  const version = codeVersion();
  const cache = new ParseCache(path.join(options.outDir, 'parsed.db'));
  try {
    const newsFiles = collectFiles(contentDir, 'news');
    const pageFiles = collectFiles(contentDir, 'pages');
    // What is kept of each file from the first read to the end: not its text, not its record.
    type Entry = { file: SourceFile; collection: 'news' | 'pages'; stamp: string; sourceHash?: string; key?: string; issues: ContentIssue[]; dueAt?: number };
    const entries: Entry[] = [];
    const misses: Entry[] = [];
    for (const [collection, files] of [['news', newsFiles], ['pages', pageFiles]] as const) {
      for (const file of files) {
        const stat = fs.statSync(file.absolute);
        const entry: Entry = { file, collection, stamp: '', issues: [] };
        entries.push(entry);
        const sizeIssues = new IssueList(file.relative);
        if (!checkSize(stat.size, sizeIssues)) {
          entry.issues = sizeIssues.items;
          continue;
        }
        const source = fs.readFileSync(file.absolute, 'utf8');
        const images = imageFolderStamp(contentDir, collection, file.slug);
        entry.sourceHash = sha256(source);
        // What the server compares the file with (lib/content/indexed-store.ts): size and times only.
        entry.stamp = fileStamp(contentDir, collection, file.absolute, file.slug);
        entry.key = sha256(`${version}\0${timeZone}\0${collection}\0${file.relative}\0${images}\0${entry.sourceHash}`);
        const cached = cache.lookUp(entry.key);
        // A scheduled article whose time has come since it was cached: its record is needed now.
        if (cached && !(cached.dueAt !== undefined && cached.dueAt <= now)) Object.assign(entry, cached);
        else misses.push(entry);
      }
    }
    const jobs: FileJob[] = misses.map(({ file, collection, sourceHash }) => ({ collection, absolute: file.absolute, relative: file.relative, slug: file.slug, sourceHash: sourceHash! }));
    const done = (from: number, outcomes: FileOutcome[]) => {
      cache.save(outcomes.map((outcome, i) => [misses[from + i]!.key!, outcome]));
      outcomes.forEach((outcome, i) => {
        const entry = misses[from + i]!;
        entry.issues = outcome.issues;
        if (outcome.dueAt !== undefined) entry.dueAt = outcome.dueAt;
      });
    };
    // A few files are checked here: starting a process costs more than parsing them.
    if (jobs.length <= 20) done(0, jobs.map((job) => checkFile(contentDir, timeZone, now, job)));
    else await checkInChildren(contentDir, timeZone, now, jobs, done);
    cache.prune();

    const issues = sortIssues(entries.flatMap(({ file, issues }) => [...file.issues.items, ...issues]));
    const result: BuildResult = {
      issues,
      articleFiles: newsFiles.length,
      pageFiles: pageFiles.length,
      parsed: misses.length,
      fromCache: entries.length - misses.length - entries.filter((e) => !e.key).length,
      ms: 0,
    };
    if (options.write && !issues.some((issue) => issue.severity === 'error')) {
      const builtAt = new Date(now);
      const indexFile = path.join(options.outDir, 'index.db');
      const writer = createContentIndexWriter(indexFile, { builtAt, timeZone });
      const counts = { articles: 0, withheld: 0 };
      // One pass: each file's outcome read from the cache and its text from disk (still the text
      // checked), written to the content index, its search document handed to the search index.
      function* documents(): Generator<SearchDocument> {
        for (const { file, collection, stamp, sourceHash, key, dueAt } of entries) {
          const { article, page } = cache.outcome(key!);
          if (page || article) {
            const read = readJob({ collection, absolute: file.absolute, relative: file.relative, slug: file.slug, sourceHash: sourceHash! });
            if ('issues' in read) throw new Error(`content build: ${formatIssue(read.issues[0]!)}`);
            if (page) writer.page(page, stamp, read.source);
            else {
              writer.article(article!.record, stamp, read.source);
              counts.articles += 1;
              yield article!.search;
            }
          } else {
            writer.withheld({ pathHash: sha256(file.relative), stamp, sourceHash: sourceHash!, dueAt: dueAt ?? null });
            counts.withheld += 1;
          }
        }
      }
      const searchFile = path.join(options.outDir, 'search.db');
      try {
        result.search = { file: searchFile, ...writeSearchDatabase(searchFile, documents(), builtAt) };
        result.index = { file: indexFile, bytes: writer.finish(), ...counts };
      } catch (error) {
        writer.abort();
        throw error;
      }
    }
    result.ms = Math.round(performance.now() - started);
    return result;
  } finally {
    cache.close();
  }
}
