import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { STORED_PASSAGES, type Passages } from '../search/text';
import { openContentIndex, type ArticleFields, type ContentIndexReader, type PageRecord } from './content-index';
import { formatIssue, IssueList } from './issues';
import { collectFiles, collectFilesInBackground, fileStamp, lastGoodMessage, loadSourceFile, newestFirst, pickRelated, readChecked, type SourceFile } from './store';
import { isPublic } from './state';
import type { Article, Body, Byline, ContentIssue, Figure, Page, Topic } from './types';

/**
 * What the public site reads content through in production (decision 0024): the content index
 * the build wrote, brought in line with the content folder as it is now.
 *
 * - Each public article of the index becomes one small object with the fields every listing needs;
 *   its summary, byline, image and warnings are read from the index when first asked, and its body
 *   is parsed from the validated text in the index when its page renders (the last few kept).
 * - The folder is compared with the index by each file's size and times: a file changed since the
 *   build is checked again (while it has errors the build's version is served, and the log says
 *   so once), a new file is read, a file gone is dropped. A draft the index knows is never read;
 *   a scheduled article is read when its time comes.
 */
export interface PublicContent {
  getPublicArticles(now?: Date): Article[];
  /** The same, as the store's own list: the same array until the public set changes. Not to be changed. */
  publicList(now?: Date): readonly Article[];
  getPublicArticle(slug: string, now?: Date): Article | undefined;
  getRelatedArticles(article: Article, limit?: number, now?: Date): Article[];
  getPages(): Page[];
  getPage(slug: string): Page | undefined;
}

export interface IndexedStoreOptions {
  indexFile: string;
  contentDir: string;
  timeZone: string;
  log: (message: string) => void;
  /**
   * Compare the folder with the index. Off while `next build` renders from the index it has just
   * written from that same folder.
   */
  compare: boolean;
  /** Up to this many files (default 20,000) the folder is compared before the first answer; past it, in steps. */
  syncLimit?: number;
  /** Files compared per step past `syncLimit` (default 250). */
  step?: number;
  /** Past `syncLimit`: how long after the store is first used the comparison starts, in ms (default 5,000). */
  delay?: number;
  /** The site clock, for steps of the comparison that run between requests (default Date.now). */
  clock?: () => number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const EMPTY_BODY: Body = { tree: { type: 'root', children: [] }, figures: [] };
const BODIES_KEPT = 64;
const DETAILS_KEPT = 2_000;

/** A small map that forgets the entry used longest ago past `limit` entries. */
class Recent<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}
  get(key: K, make: () => V): V {
    const found = this.map.get(key);
    if (found !== undefined || this.map.has(key)) {
      this.map.delete(key);
      this.map.set(key, found as V);
      return found as V;
    }
    const made = make();
    this.map.set(key, made);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
    return made;
  }
}

interface Lazy {
  fields(article: IndexedArticle): ArticleFields;
  body(article: IndexedArticle): Body;
  passages(article: IndexedArticle): Passages;
}

/** Marks the articles made from index rows (lib/content `builtIntoIndex`): the same symbol in every copy of this module. */
export const BUILT_INTO_INDEX = Symbol.for('newsroom.builtIntoIndex');

/**
 * An article from an index row: what every listing, related story, archive and sitemap needs of
 * every article as own properties (slug, instants, topics), the rest as getters that read the index
 * when a page shows it. About 100,000 of these live in a server's memory, so they are small.
 */
class IndexedArticle implements Article {
  readonly publishedAt: Date;
  // Declared, not defined: an article without it has no such own property, as the file store's.
  declare readonly updatedAt?: Date;
  readonly status = 'published' as const;
  readonly #lazy: Lazy;
  /** Null for content/news/<slug>.md, the path of nearly every article. */
  readonly #sourcePath: string | null;

  constructor(lazy: Lazy, readonly slug: string, publishedAt: number, updatedAt: number | null, readonly topics: Topic[], sourcePath: string | null) {
    this.#lazy = lazy;
    this.#sourcePath = sourcePath;
    this.publishedAt = new Date(publishedAt);
    if (updatedAt !== null) this.updatedAt = new Date(updatedAt);
  }

  get path(): string {
    return `/news/${this.slug}`;
  }
  get sourcePath(): string {
    return this.#sourcePath ?? `content/news/${this.slug}.md`;
  }
  get title(): string {
    return this.#lazy.fields(this).title;
  }
  get date(): string {
    return this.#lazy.fields(this).date;
  }
  get updated(): string | undefined {
    return this.#lazy.fields(this).updated ?? undefined;
  }
  get sourceHash(): string {
    return this.#lazy.fields(this).sourceHash;
  }
  get summary(): string {
    return this.#lazy.fields(this).details.summary;
  }
  get byline(): Byline | undefined {
    return this.#lazy.fields(this).details.byline;
  }
  get image(): Figure | undefined {
    return this.#lazy.fields(this).details.image;
  }
  get warnings(): ContentIssue[] {
    return this.#lazy.fields(this).details.warnings;
  }
  get body(): Body {
    return this.#lazy.body(this);
  }
  /** What search shows of the body, from the index: a results page parses no body. */
  [STORED_PASSAGES](): Passages {
    return this.#lazy.passages(this);
  }
}
Object.defineProperty(IndexedArticle.prototype, BUILT_INTO_INDEX, { value: true });

/** One file of the folder now, beside what the index says of it. */
interface Tracked {
  file: SourceFile;
  collection: 'news' | 'pages';
}

export function createIndexedStore(options: IndexedStoreOptions): PublicContent {
  const { contentDir, timeZone, log } = options;
  const index: ContentIndexReader = openContentIndex(options.indexFile);
  const logged = new Set<string>();
  const logOnce = (key: string, message: string) => {
    if (logged.has(key)) return;
    logged.add(key);
    log(message);
  };

  /**
   * Topic lists by their ids ("1,4"): articles with the same topics share one array of the same
   * topic objects, not one each.
   */
  const topicById = index.topics();
  const topicLists = new Map<string, Topic[]>();
  const topicList = (ids: string): Topic[] => {
    let list = topicLists.get(ids);
    if (!list) topicLists.set(ids, (list = ids === '' ? [] : ids.split(',').map((id) => topicById.get(Number(id))!)));
    return list;
  };

  const fields = new Recent<string, ArticleFields>(DETAILS_KEPT);
  const bodies = new Recent<string, Body>(BODIES_KEPT);
  /** Parses a body from the validated text the index holds under `hash`. */
  const bodyOf = (collection: 'news' | 'pages', slug: string, sourcePath: string, hash: string): Body =>
    bodies.get(hash, () => {
      const source = index.source(hash);
      const file: SourceFile = { absolute: path.join(contentDir, collection, `${slug}.md`), relative: sourcePath, slug, issues: new IssueList(sourcePath) };
      const item = source === undefined ? undefined : loadSourceFile(contentDir, collection, file, source, timeZone);
      if (item) return item.body;
      // Validated by the build; only a figure's image removed since can fail it here.
      const first = file.issues.items.find((issue) => issue.severity === 'error');
      logOnce(`body\0${sourcePath}`, `content: ${first ? formatIssue(first) : `${sourcePath}: its text is not in the index`}; its body is left empty until it is fixed`);
      return EMPTY_BODY;
    });
  const lazy: Lazy = {
    fields: (article) =>
      fields.get(article.slug, () => {
        const found = index.fields(article.slug);
        if (found) return found;
        throw new Error(`content index ${options.indexFile} has no details of ${article.sourcePath}: run npm run build`);
      }),
    body: (article) => bodyOf('news', article.slug, article.sourcePath, article.sourceHash),
    passages: (article) => {
      const found = index.passages(article.slug);
      if (found) return found;
      throw new Error(`content index ${options.indexFile} has no passages of ${article.sourcePath}: run npm run build`);
    },
  };

  // What the index holds, by slug (unique across the folder), newest first.
  const rows = new Map<string, IndexedArticle>();
  const listing = index.listing();
  listing.slugs.forEach((slug, i) => {
    rows.set(slug, new IndexedArticle(lazy, slug, listing.publishedAt[i]!, listing.updatedAt[i]!, topicList(listing.topics[i]!), listing.paths[i] ?? null));
  });
  const pageRows = new Map<string, { record: PageRecord; stamp: string }>();
  for (const page of index.pages()) pageRows.set(page.record.sourcePath, page);
  const withheld = new Map(index.withheld().map((entry) => [entry.pathHash, entry]));

  /** The articles served: index rows, replaced or joined by what the folder says now. By slug. */
  const articles = new Map<string, Article>(rows);
  /** Scheduled articles not yet read: path → when they are due. */
  const scheduled = new Map<string, { due: number; tracked: Tracked }>();
  const pages = new Map<string, Page>();
  let version = 0;

  const pageOf = (record: PageRecord): Page => {
    const page: Page = {
      slug: record.slug,
      path: `/${record.slug}`,
      sourcePath: record.sourcePath,
      title: record.title,
      summary: record.summary,
      warnings: record.warnings,
      get body() {
        return bodyOf('pages', record.slug, record.sourcePath, record.sourceHash);
      },
    };
    if (record.updated !== undefined) page.updated = record.updated;
    if (record.updatedAt !== undefined) page.updatedAt = new Date(record.updatedAt);
    return page;
  };
  for (const [sourcePath, { record }] of pageRows) pages.set(sourcePath, pageOf(record));

  /** Reads and checks one file now; its item, or undefined (logged) when it has errors. */
  const load = ({ file, collection }: Tracked): Article | Page | undefined => {
    file.issues = new IssueList(file.relative);
    const source = readChecked(file);
    const item = source === undefined ? undefined : loadSourceFile(contentDir, collection, file, source, timeZone);
    if (item) return item;
    const known = collection === 'news' ? rows.get(file.slug)?.sourcePath === file.relative : pageRows.has(file.relative);
    const message = lastGoodMessage(file, known ? 'the build' : undefined);
    logOnce(message, message);
    return undefined;
  };

  /** Brings one file of the folder in line: unchanged, changed, new, withheld. */
  /**
   * Set when a comparison step changes what the public list is made of: only then is the list made
   * again (100,000 articles, on the next request). A scheduled article found makes the list's
   * validity end sooner only if it is due before the list's end.
   */
  let dirty = false;
  const schedule = (sourcePath: string, due: number, tracked: Tracked) => {
    scheduled.set(sourcePath, { due, tracked });
    if (!cache || due < cache.until) dirty = true;
  };
  const reconcile = (tracked: Tracked, now: number) => {
    const { file, collection } = tracked;
    const stamp = fileStamp(contentDir, collection, file.absolute, file.slug);
    if (collection === 'pages') {
      const row = pageRows.get(file.relative);
      if (row?.stamp === stamp) return;
      const source = readSafely(file.absolute);
      if (row && source !== undefined && sha256(source) === row.record.sourceHash) return;
      const page = load(tracked) as Page | undefined;
      if (page) pages.set(file.relative, page);
      dirty = true;
      return;
    }
    const found = rows.get(file.slug);
    // The same slug in another folder is another file.
    const row = found && found.sourcePath === file.relative ? found : undefined;
    if (row && index.stamp(file.slug) === stamp) return;
    const pathHash = sha256(file.relative);
    const held = withheld.get(pathHash);
    if (held?.stamp === stamp) {
      if (held.dueAt !== null) schedule(file.relative, held.dueAt, tracked);
      return;
    }
    // The stamp differs (a copied folder keeps no times): the text decides.
    const source = readSafely(file.absolute);
    const hash = source === undefined ? undefined : sha256(source);
    if (row && hash === row.sourceHash) return;
    if (held && hash === held.sourceHash) {
      if (held.dueAt !== null) schedule(file.relative, held.dueAt, tracked);
      return;
    }
    const article = load(tracked) as Article | undefined;
    if (!article) return; // the build's version (if any) stays
    dirty = true;
    if (article.status === 'draft') articles.delete(file.slug);
    else if (article.publishedAt.getTime() > now) {
      articles.delete(file.slug);
      schedule(file.relative, article.publishedAt.getTime(), tracked);
    } else articles.set(file.slug, article);
  };

  const readSafely = (absolute: string): string | undefined => {
    try {
      return fs.readFileSync(absolute, 'utf8');
    } catch {
      return undefined;
    }
  };

  /**
   * Compares the folder with the index. A site of up to `syncLimit` files is compared before the
   * first answer (under 0.4 s at 10,000 files here), so that answer already shows every edit; a
   * larger one answers from the index at once while the comparison runs in steps of `step` files
   * between requests, and each step's changes show as soon as it is done.
   */
  type Comparison = { files: Tracked[]; next: number; seen: Set<string>; now: () => number };
  let compared = !options.compare;
  /** False, and said once, when a folder the index has files of is not there. */
  const foldersThere = (): boolean => {
    // A folder that is not there (not deployed beside the server, or CONTENT_DIR relative to
    // another directory) is a mistake, not every article deleted: the index is served as built.
    const held = { news: rows.size + withheld.size, pages: pageRows.size };
    const missing = (['news', 'pages'] as const).filter((collection) => held[collection] > 0).map((collection) => path.join(contentDir, collection)).filter((dir) => !fs.existsSync(dir));
    if (missing.length === 0) return true;
    logOnce(
      'missing folder',
      `content: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: serving the content as built (${options.indexFile}); edits made since the build are not shown until the folder is there (CONTENT_DIR names it, relative to the server's directory)`,
    );
    compared = true;
    return false;
  };
  /** The files to compare, leaving out (and saying so once) those with a bad or duplicate slug, added since the build: never served. */
  const comparison = (lists: { collection: 'news' | 'pages'; files: SourceFile[] }[], now: () => number): Comparison => {
    const files: Tracked[] = [];
    for (const { collection, files: found } of lists) {
      for (const file of found) {
        if (file.issues.errorCount > 0) {
          logOnce(`${file.relative}\0slug`, `content: ${formatIssue(file.issues.items[0]!)}; ${file.relative} is left out until it is fixed`);
          continue;
        }
        files.push({ file, collection });
      }
    }
    return { files, next: 0, seen: new Set(), now };
  };
  /** Compares the next `count` files; at the end, drops what is gone. */
  const advance = (run: Comparison, count: number) => {
    const end = Math.min(run.files.length, run.next + count);
    const now = run.now();
    for (; run.next < end; run.next += 1) {
      const tracked = run.files[run.next]!;
      run.seen.add(tracked.collection === 'news' ? tracked.file.slug : tracked.file.relative);
      try {
        reconcile(tracked, now);
      } catch (error) {
        logOnce(`${tracked.file.relative}\0read`, `content: ${tracked.file.relative} cannot be read (${(error as Error).message})`);
      }
    }
    if (run.next === run.files.length) {
      for (const slug of [...articles.keys()]) if (!run.seen.has(slug) && articles.delete(slug)) dirty = true;
      for (const sourcePath of [...pages.keys()]) if (!run.seen.has(sourcePath)) pages.delete(sourcePath);
      compared = true;
    }
    if (dirty) {
      version += 1;
      dirty = false;
    }
  };
  /**
   * A large site's comparison: the folder listed by the thread pool (fs.promises), then `step`
   * files compared per turn of the event loop (about 2 ms for 250 files here), so no request waits
   * long behind it. Listing 100,000 files synchronously held up requests for about a second. A
   * version that stat'ed 2,000 files at a time on the thread pool (and still made the public list
   * again at every step) had the old article's warm p99 at 1.3 s while it ran; which of the two
   * cost what was not measured apart.
   */
  const compareInBackground = async (clock: () => number) => {
    if (!foldersThere()) return;
    const lists = [];
    for (const collection of ['news', 'pages'] as const) lists.push({ collection, files: await collectFilesInBackground(contentDir, collection) });
    const run = comparison(lists, clock);
    while (!compared) {
      advance(run, options.step ?? 250);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  let comparing = false;
  const compare = (now: number) => {
    if (comparing) return;
    comparing = true;
    // The index tells how large the site was at the build: a small one is compared now.
    if (rows.size + withheld.size + pageRows.size <= (options.syncLimit ?? 20_000)) {
      if (!foldersThere()) return;
      const run = comparison((['news', 'pages'] as const).map((collection) => ({ collection, files: collectFiles(contentDir, collection) })), () => now);
      advance(run, run.files.length);
      return;
    }
    // Five seconds after the first use (the server's start), so as not to share the first requests
    // of a new server. Later steps read the clock when they run: a scheduled article found then is
    // judged by it.
    const clock = () => (options.clock ?? Date.now)();
    setTimeout(() => {
      compareInBackground(clock).catch((error: unknown) => {
        compared = true;
        log(`content: comparing ${contentDir} with the index failed (${(error as Error).message}); serving the content as built`);
      });
    }, options.delay ?? 5_000).unref();
  };

  /** Reads every scheduled article whose time has come. */
  const release = (now: number): boolean => {
    let changed = false;
    for (const [sourcePath, { due, tracked }] of scheduled) {
      if (due > now) continue;
      scheduled.delete(sourcePath);
      const article = load(tracked) as Article | undefined;
      if (!article || !isPublic(article, new Date(now))) continue;
      articles.set(article.slug, article);
      changed = true;
    }
    if (changed) version += 1;
    return changed;
  };

  // One list for every `now` between two publication times, as the file store keeps.
  let cache: { version: number; from: number; until: number; list: Article[] } | undefined;
  const publicList = (when: Date = new Date()) => {
    const at = when.getTime();
    if (!compared) compare(at);
    release(at);
    if (cache && cache.version === version && cache.from <= at && at < cache.until) return cache;
    let from = -Infinity;
    let until = Infinity;
    for (const { due } of scheduled.values()) until = Math.min(until, due);
    const list: Article[] = [];
    for (const article of articles.values()) {
      const time = article.publishedAt.getTime();
      if (time <= at) {
        from = Math.max(from, time);
        list.push(article);
      } else until = Math.min(until, time);
    }
    list.sort(newestFirst);
    cache = { version, from, until, list };
    return cache;
  };

  return {
    getPublicArticles: (now) => [...publicList(now).list],
    publicList: (now) => publicList(now).list,
    getPublicArticle: (slug, now = new Date()) => {
      publicList(now);
      const article = articles.get(slug);
      return article && article.publishedAt.getTime() <= now.getTime() ? article : undefined;
    },
    getRelatedArticles: (article, limit = 3, now) => pickRelated(article, publicList(now).list, limit),
    getPages: () => {
      if (!compared) compare(Date.now());
      return [...pages.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    },
    getPage: (slug) => {
      if (!compared) compare(Date.now());
      for (const page of pages.values()) if (page.slug === slug) return page;
      return undefined;
    },
  };
}
