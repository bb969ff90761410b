import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { searchDocumentOf, type SearchDocument } from '../search/document';
import { writeSearchDatabase } from '../search/index-db';
import { articleRecord, pageRecord, writeContentIndex, type ArticleRecord, type ContentIndexData, type PageRecord } from './content-index';
import { IssueList, sortIssues } from './issues';
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
  source: string;
}

/** Checks one file's text (already within the size limit). Runs in the build's child processes. */
export function checkFile(contentDir: string, timeZone: string, now: number, job: FileJob): FileOutcome {
  const file: SourceFile = { absolute: job.absolute, relative: job.relative, slug: job.slug, issues: new IssueList(job.relative) };
  const item = loadSourceFile(contentDir, job.collection, file, job.source, timeZone);
  const issues = sortIssues(file.issues.items);
  if (!item) return { issues };
  if (job.collection === 'pages') return { issues, page: pageRecord(item as Page, sha256(job.source)) };
  const article = item as Article;
  // A draft's or a scheduled article's words stay out of the cache as well as the index (nothing
  // under the dist folder holds them): a draft's are not needed until it is published, and then its
  // text has changed; a scheduled article is checked again by the first build after its time.
  if (article.status === 'draft') return { issues, draft: true };
  if (article.publishedAt.getTime() > now) return { issues, dueAt: article.publishedAt.getTime() };
  return { issues, article: { record: articleRecord(article), search: searchDocumentOf(article) } };
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

/** The parse cache: one row per checked file version, kept in the build cache folder between builds. */
class ParseCache {
  private readonly db: Database.Database;
  private readonly get: Database.Statement;
  private readonly used = new Set<string>();

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = OFF');
    this.db.exec('CREATE TABLE IF NOT EXISTS outcomes (key TEXT PRIMARY KEY, outcome TEXT NOT NULL) WITHOUT ROWID');
    this.get = this.db.prepare('SELECT outcome FROM outcomes WHERE key = ?').pluck();
  }

  lookUp(key: string): FileOutcome | undefined {
    this.used.add(key);
    const text = this.get.get(key) as string | undefined;
    return text === undefined ? undefined : (JSON.parse(text) as FileOutcome);
  }

  /** Stores the new outcomes and drops those no file of this build used. */
  save(fresh: Map<string, FileOutcome>): void {
    const put = this.db.prepare('INSERT OR REPLACE INTO outcomes (key, outcome) VALUES (?, ?)');
    const keys = this.db.prepare('SELECT key FROM outcomes').pluck();
    const drop = this.db.prepare('DELETE FROM outcomes WHERE key = ?');
    this.db.transaction(() => {
      for (const [key, outcome] of fresh) put.run(key, JSON.stringify(outcome));
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

/** Checks jobs in child processes, one per core, in batches; results in job order. */
async function checkInChildren(contentDir: string, timeZone: string, now: number, jobs: FileJob[]): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array(jobs.length);
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
          outcomes.forEach((outcome, i) => (results[batchStart + i] = outcome));
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
  return results;
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
  const newsFiles = collectFiles(contentDir, 'news');
  const pageFiles = collectFiles(contentDir, 'pages');
  type Entry = { file: SourceFile; collection: 'news' | 'pages'; stamp: string; source?: string; key?: string; outcome?: FileOutcome };
  const entries: Entry[] = [];
  const misses: Entry[] = [];
  for (const [collection, files] of [['news', newsFiles], ['pages', pageFiles]] as const) {
    for (const file of files) {
      const stat = fs.statSync(file.absolute);
      const entry: Entry = { file, collection, stamp: '' };
      entries.push(entry);
      const sizeIssues = new IssueList(file.relative);
      if (!checkSize(stat.size, sizeIssues)) {
        entry.outcome = { issues: sizeIssues.items };
        continue;
      }
      const source = fs.readFileSync(file.absolute, 'utf8');
      const images = imageFolderStamp(contentDir, collection, file.slug);
      entry.source = source;
      // What the server compares the file with (lib/content/indexed-store.ts): size and times only.
      entry.stamp = fileStamp(contentDir, collection, file.absolute, file.slug);
      entry.key = sha256(`${version}\0${timeZone}\0${collection}\0${file.relative}\0${images}\0${source}`);
      entry.outcome = cache.lookUp(entry.key);
      // A scheduled article whose time has come since it was cached: its record is needed now.
      if (entry.outcome?.dueAt !== undefined && entry.outcome.dueAt <= now) entry.outcome = undefined;
      if (!entry.outcome) misses.push(entry);
    }
  }
  const jobs = misses.map(({ file, collection, source }) => ({ collection, absolute: file.absolute, relative: file.relative, slug: file.slug, source: source! }));
  // A few files are checked here: starting a process costs more than parsing them.
  const outcomes = jobs.length <= 20 ? jobs.map((job) => checkFile(contentDir, timeZone, now, job)) : await checkInChildren(contentDir, timeZone, now, jobs);
  const fresh = new Map<string, FileOutcome>();
  misses.forEach((entry, i) => {
    entry.outcome = outcomes[i]!;
    fresh.set(entry.key!, entry.outcome);
  });
  cache.save(fresh);
  cache.close();

  const issues = sortIssues(entries.flatMap(({ file, outcome }) => [...file.issues.items, ...outcome!.issues]));
  const result: BuildResult = {
    issues,
    articleFiles: newsFiles.length,
    pageFiles: pageFiles.length,
    parsed: misses.length,
    fromCache: entries.length - misses.length - entries.filter((e) => !e.key).length,
    ms: 0,
  };
  if (options.write && !issues.some((issue) => issue.severity === 'error')) {
    const data: ContentIndexData = { builtAt: new Date(now), timeZone, articles: [], pages: [], withheld: [] };
    const documents: SearchDocument[] = [];
    for (const { file, stamp, source, outcome } of entries) {
      const { article, page, dueAt } = outcome!;
      if (page) data.pages.push({ record: page, stamp, source: source! });
      else if (article) {
        data.articles.push({ record: article.record, stamp, source: source! });
        documents.push(article.search);
      } else {
        data.withheld.push({ pathHash: sha256(file.relative), stamp, sourceHash: sha256(source!), dueAt: dueAt ?? null });
      }
    }
    const indexFile = path.join(options.outDir, 'index.db');
    result.index = { file: indexFile, bytes: writeContentIndex(indexFile, data), articles: data.articles.length, withheld: data.withheld.length };
    const searchFile = path.join(options.outDir, 'search.db');
    result.search = { file: searchFile, ...writeSearchDatabase(searchFile, documents, data.builtAt) };
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
