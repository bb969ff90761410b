import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Code, Root as MdastRoot } from 'mdast';
import { siteConfig } from '../site-config';
import { readFigure } from './figure';
import { readArticleFrontMatter, readPageFrontMatter } from './front-matter';
import { ContentError, formatIssue, IssueList, sortIssues } from './issues';
import { checkLimits, checkSize } from './limits';
import { convertBody, parseMarkdown } from './markdown';
import { isPublic } from './state';
import type { Article, Body, ContentIssue, Page } from './types';
import { parseYamlBlock, type YamlBlock } from './yaml-source';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface LoadOptions {
  /**
   * Look at the files on disk again instead of using the memoized snapshot (draft preview). Files
   * whose size, modification time and image folder are unchanged are not parsed again.
   */
  fresh?: boolean;
}

export interface ContentSnapshot {
  /** Every article without errors, every status, newest first. */
  articles: Article[];
  pages: Page[];
  /** Every error and warning of every file, sorted by file then line. */
  issues: ContentIssue[];
  /** How many article and page files were read (including broken ones). */
  articleFiles: number;
  pageFiles: number;
}

export interface ContentStoreOptions {
  /** IANA zone for date-only values; defaults to siteConfig.timeZone. */
  timeZone?: string;
  /** The folder holding news/, pages/ and images/; defaults to `<rootDir>/content`. */
  contentDir?: string;
  /**
   * A running server (staff preview): a file with errors never stops the site. Its last good
   * version from earlier in this process is served instead, or it is left out when there is none,
   * and `log` is told once per file and problem. The getters do not throw. content:check and the
   * tests leave this off, so an error stops them. (The public site falls back on the build's
   * version, from the content index: lib/content/indexed-store.ts.)
   */
  keepLastGood?: { log: (message: string) => void };
}

export interface ContentStore {
  readonly rootDir: string;
  readonly contentDir: string;
  load(options?: LoadOptions): ContentSnapshot;
  getArticles(options?: LoadOptions): Article[];
  getPublicArticles(now?: Date, options?: LoadOptions): Article[];
  getPublicArticle(slug: string, now?: Date, options?: LoadOptions): Article | undefined;
  getRelatedArticles(article: Article, limit?: number, now?: Date, options?: LoadOptions): Article[];
  getPages(options?: LoadOptions): Page[];
  getPage(slug: string, options?: LoadOptions): Page | undefined;
  checkContent(options?: LoadOptions): ContentIssue[];
  /**
   * One article or page for preview, parsed off the request thread (a worker with a time and
   * memory bound) unless unchanged since it was last parsed; undefined when no file has the slug.
   */
  loadForPreview(collection: 'news', slug: string): Promise<PreviewResult<Article> | undefined>;
  loadForPreview(collection: 'pages', slug: string): Promise<PreviewResult<Page> | undefined>;
  /** Parses every changed file in the bounded worker, so the next fresh load finds it cached. */
  refreshForPreview(): Promise<void>;
}

/** A file in preview: the item when it has no errors, and every problem of the file, sorted. */
export interface PreviewResult<T> {
  item: T | undefined;
  issues: ContentIssue[];
}

/** Parses a checked source; a string is why it could not be parsed. */
type Parse = (source: string) => MdastRoot | string;

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function listMarkdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listMarkdownFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.md')) found.push(full);
  }
  return found.sort();
}

export function newestFirst(a: Article, b: Article): number {
  return b.publishedAt.getTime() - a.publishedAt.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

export interface SourceFile {
  absolute: string;
  /** `content/news/foo.md` */
  relative: string;
  slug: string;
  issues: IssueList;
}

interface ParsedFile {
  frontMatter: YamlBlock | undefined;
  mdast: MdastRoot;
}

/** Finds the files of one collection and reports bad and duplicate slugs on every file involved. */
export function collectFiles(contentDir: string, collection: 'news' | 'pages'): SourceFile[] {
  return sourceFiles(contentDir, collection, listMarkdownFiles(path.join(contentDir, collection)));
}

/** The same, the folder listed without holding up the event loop (a server comparing 100,000 files). */
export async function collectFilesInBackground(contentDir: string, collection: 'news' | 'pages'): Promise<SourceFile[]> {
  return sourceFiles(contentDir, collection, await listMarkdownFilesInBackground(path.join(contentDir, collection)));
}

async function listMarkdownFilesInBackground(dir: string): Promise<string[]> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listMarkdownFilesInBackground(full)));
    else if (entry.isFile() && entry.name.endsWith('.md')) found.push(full);
  }
  return found.sort();
}

function sourceFiles(contentDir: string, collection: 'news' | 'pages', absolutes: string[]): SourceFile[] {
  const files = absolutes.map((absolute) => {
    // Named as under the project's content/ folder wherever the folder is (CONTENT_DIR).
    const relative = `content/${toPosix(path.relative(contentDir, absolute))}`;
    return { absolute, relative, slug: path.basename(absolute, '.md'), issues: new IssueList(relative) };
  });
  const bySlug = new Map<string, SourceFile[]>();
  for (const file of files) {
    if (!SLUG_PATTERN.test(file.slug)) {
      file.issues.error(
        1,
        'slug',
        `expected a file name of lower-case letters, digits and single hyphens (e.g. biden-stoltenberg-meet.md), got "${path.basename(file.absolute)}"`,
      );
    }
    // /news/<digits> is the date archive (/news/2023); an article there could never be reached.
    if (collection === 'news' && /^\d+$/.test(file.slug)) {
      file.issues.error(
        1,
        'slug',
        `the slug "${file.slug}" is only digits, which /news/${file.slug} keeps for the archive by date; add a word to the file name (e.g. ${file.slug}-budget-request.md)`,
      );
    }
    bySlug.set(file.slug, [...(bySlug.get(file.slug) ?? []), file]);
  }
  for (const same of bySlug.values()) {
    if (same.length < 2) continue;
    for (const file of same) {
      const others = same.filter((other) => other !== file).map((other) => other.relative);
      file.issues.error(1, 'slug', `the slug "${file.slug}" is also used by ${others.join(', ')}; every slug must be unique`);
    }
  }
  return files;
}

/** The file's text when it is within the limits (lib/content/limits.ts), else undefined (reported). */
export function readChecked(file: SourceFile): string | undefined {
  if (!checkSize(fs.statSync(file.absolute).size, file.issues)) return undefined;
  const source = fs.readFileSync(file.absolute, 'utf8');
  return checkLimits(source, file.issues) ? source : undefined;
}

function parseFile(file: SourceFile, source: string, parse: Parse): ParsedFile | undefined {
  const mdast = parse(source);
  if (typeof mdast === 'string') {
    file.issues.error(1, 'body', mdast);
    return undefined;
  }
  const yamlNode = mdast.children[0]?.type === 'yaml' ? mdast.children[0] : undefined;
  if (!yamlNode) {
    file.issues.error(1, 'frontmatter', 'expected front matter between --- lines at the top of the file, found none');
    return { frontMatter: undefined, mdast };
  }
  const opener = yamlNode.position?.start.line ?? 1;
  const frontMatter = parseYamlBlock(yamlNode.value, opener + 1, opener);
  for (const error of frontMatter.errors) file.issues.error(error.line, 'frontmatter', error.message);
  return { frontMatter, mdast };
}

function readBody(contentDir: string, file: SourceFile, mdast: MdastRoot, imageFolder: string): Body {
  const imageDirLabel = `content/images/${imageFolder}`;
  return convertBody(mdast, file.issues, (node: Code) => {
    const fence = node.position?.start.line ?? 1;
    const block = parseYamlBlock(node.value, fence + 1, fence);
    for (const error of block.errors) file.issues.error(error.line, 'figure', error.message);
    if (block.errors.length > 0) return undefined;
    return readFigure(block.data, {
      issues: file.issues,
      prefix: 'figure',
      basePath: [],
      lineOf: block.lineOf,
      imageDir: path.join(contentDir, 'images', imageFolder),
      imageDirLabel,
      urlBase: `/images/${imageFolder}`,
    });
  });
}

function loadArticle(contentDir: string, file: SourceFile, timeZone: string, source: string, parse: Parse): Article | undefined {
  const parsedFile = parseFile(file, source, parse);
  if (!parsedFile) return undefined;
  const { frontMatter, mdast } = parsedFile;
  const body = readBody(contentDir, file, mdast, `news/${file.slug}`);
  if (!frontMatter || frontMatter.errors.length > 0) return undefined;
  const fields = readArticleFrontMatter({ issues: file.issues, block: frontMatter, timeZone, contentDir, collection: 'news', slug: file.slug });
  if (!fields || file.issues.errorCount > 0) return undefined;
  return { slug: file.slug, path: `/news/${file.slug}`, sourcePath: file.relative, sourceHash: sha256(source), ...fields, body, warnings: [] };
}

function loadPage(contentDir: string, file: SourceFile, timeZone: string, source: string, parse: Parse): Page | undefined {
  const parsedFile = parseFile(file, source, parse);
  if (!parsedFile) return undefined;
  const { frontMatter, mdast } = parsedFile;
  const body = readBody(contentDir, file, mdast, `pages/${file.slug}`);
  if (!frontMatter || frontMatter.errors.length > 0) return undefined;
  const fields = readPageFrontMatter({ issues: file.issues, block: frontMatter, timeZone, contentDir, collection: 'pages', slug: file.slug });
  if (!fields || file.issues.errorCount > 0) return undefined;
  return { slug: file.slug, path: `/${file.slug}`, sourcePath: file.relative, ...fields, body, warnings: [] };
}

type Item = Article | Page;

/**
 * What a server logs when a file has errors: the first of them, and which good version of the file
 * is served instead (validated by this process, or by the build), or that it is left out.
 */
export function lastGoodMessage(file: SourceFile, servedFrom: 'this process' | 'the build' | undefined): string {
  const errors = file.issues.items.filter((issue) => issue.severity === 'error');
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  const outcome = servedFrom
    ? `serving the last good version of ${file.relative} (validated by ${servedFrom}) until it is fixed`
    : `${file.relative} is left out until it is fixed (no good version of it is known)`;
  return `content: ${errors[0] ? formatIssue(errors[0]) : file.relative}${more}; ${outcome}`;
}

/**
 * Related stories: the `limit` articles of `list` (newest first) sharing most topics with
 * `article`, newest first among equals. One pass keeping the best, not a sort of every match:
 * every article page asks, and at 10,000 articles sorting thousands of matches dominated the build.
 */
export function pickRelated(article: Article, list: readonly Article[], limit: number): Article[] {
  const keep = Math.max(0, limit);
  if (keep === 0) return [];
  const topics = new Set(article.topics.map((topic) => topic.slug));
  const best: { other: Article; shared: number }[] = [];
  for (const other of list) {
    if (other.slug === article.slug) continue;
    let shared = 0;
    for (const topic of other.topics) if (topics.has(topic.slug)) shared += 1;
    // The list is newest first, so an equal count never displaces an earlier (newer) pick.
    if (shared === 0 || (best.length === keep && shared <= best[keep - 1]!.shared)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.shared < shared) at -= 1;
    best.splice(at, 0, { other, shared });
    if (best.length > keep) best.pop();
  }
  return best.map(({ other }) => other);
}

/**
 * One file's article or page from its checked text (`readChecked`), its problems added to
 * `file.issues`: the content build's workers and the indexed store load single files with it.
 * Undefined when the file has errors.
 */
export function loadSourceFile(
  contentDir: string,
  collection: 'news' | 'pages',
  file: SourceFile,
  source: string,
  timeZone: string = siteConfig.timeZone,
): Item | undefined {
  const item =
    collection === 'news'
      ? loadArticle(contentDir, file, timeZone, source, parseMarkdown)
      : loadPage(contentDir, file, timeZone, source, parseMarkdown);
  if (!item || file.issues.errorCount > 0) return undefined;
  item.warnings = sortIssues(file.issues.items);
  return item;
}

/**
 * Changes when the file or its image folder (a figure's photo added or removed) changes: the
 * file's size and modification time and the image folder's modification time.
 */
export function fileStamp(contentDir: string, collection: 'news' | 'pages', absolute: string, slug: string): string {
  let images: fs.Stats | undefined;
  try {
    images = fs.statSync(path.join(contentDir, 'images', collection, slug));
  } catch {
    // no image folder
  }
  return stampOf(fs.statSync(absolute), images);
}

const stampOf = (own: fs.Stats, images: fs.Stats | undefined) => `${own.size}:${own.mtimeMs}:${images ? String(images.mtimeMs) : ''}`;

/** One file's load, kept while the file is unchanged: its own issues (not the cross-file slug ones) and item. */
interface LoadedFile {
  stamp: string;
  issues: ContentIssue[];
  item: Item | undefined;
}

/** Strict: every file of the content folder, read and parsed now. Throws nothing for content problems. */
export function loadContent(rootDir: string, options: ContentStoreOptions = {}): ContentSnapshot {
  return createContentStore(rootDir, options).load({ fresh: true });
}

export function createContentStore(rootDir: string, storeOptions: ContentStoreOptions = {}): ContentStore {
  const timeZone = storeOptions.timeZone ?? siteConfig.timeZone;
  const contentDir = storeOptions.contentDir ?? path.join(rootDir, 'content');
  const keepLastGood = storeOptions.keepLastGood;
  let cached: ContentSnapshot | undefined;
  const loadedFiles = new Map<string, LoadedFile>();
  const lastGood = new Map<string, Item>();
  const logged = new Set<string>();

  const loadItem = (collection: 'news' | 'pages', file: SourceFile, source: string, parse: Parse): Item | undefined =>
    collection === 'news'
      ? loadArticle(contentDir, file, timeZone, source, parse)
      : loadPage(contentDir, file, timeZone, source, parse);

  const stampOf = (collection: 'news' | 'pages', file: SourceFile): string => fileStamp(contentDir, collection, file.absolute, file.slug);

  /**
   * The file's cached load when it is unchanged since then (its issues added to `file.issues`), or
   * what `remember` needs after loading it afresh. Shared by the thread and the worker paths.
   */
  type Lookup = { hit: true; item: Item | undefined } | { hit: false; stamp: string; before: number };
  const lookUp = (collection: 'news' | 'pages', file: SourceFile): Lookup => {
    const stamp = stampOf(collection, file);
    const known = loadedFiles.get(file.absolute);
    if (known?.stamp === stamp) {
      file.issues.items.push(...known.issues);
      return { hit: true, item: known.item };
    }
    return { hit: false, stamp, before: file.issues.items.length };
  };
  const remember = (file: SourceFile, miss: { stamp: string; before: number }, item: Item | undefined): Item | undefined => {
    loadedFiles.set(file.absolute, { stamp: miss.stamp, issues: file.issues.items.slice(miss.before), item });
    return item;
  };

  /** Loads one file on this thread unless unchanged since its last load; adds its issues to `file.issues`. */
  const loadFile = (collection: 'news' | 'pages', file: SourceFile): Item | undefined => {
    const found = lookUp(collection, file);
    if (found.hit) return found.item;
    const source = readChecked(file);
    const item = source === undefined ? undefined : loadItem(collection, file, source, parseMarkdown);
    return remember(file, found, item);
  };

  /** Once per file and problem, whatever the number of requests: what is wrong and what is served instead. */
  const report = (file: SourceFile, served: 'this process' | undefined) => {
    const message = lastGoodMessage(file, served);
    if (logged.has(message)) return;
    logged.add(message);
    keepLastGood!.log(message);
  };

  const readCollection = <T extends Item>(collection: 'news' | 'pages', files: SourceFile[]): T[] => {
    const items: T[] = [];
    for (const file of files) {
      const item = loadFile(collection, file);
      if (item && file.issues.errorCount === 0) {
        item.warnings = sortIssues(file.issues.items);
        lastGood.set(file.relative, item);
        items.push(item as T);
        continue;
      }
      if (!keepLastGood) continue;
      const fallback = lastGood.get(file.relative);
      report(file, fallback ? 'this process' : undefined);
      if (fallback) items.push(fallback as T);
    }
    return items;
  };

  const snapshot = (): ContentSnapshot => {
    const articleFiles = collectFiles(contentDir, 'news');
    const pageFiles = collectFiles(contentDir, 'pages');
    const articles = readCollection<Article>('news', articleFiles).sort(newestFirst);
    const pages = readCollection<Page>('pages', pageFiles).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    const issues = sortIssues([...articleFiles, ...pageFiles].flatMap((file) => file.issues.items));
    return { articles, pages, issues, articleFiles: articleFiles.length, pageFiles: pageFiles.length };
  };

  const load = (options: LoadOptions = {}): ContentSnapshot => {
    if (options.fresh) return snapshot();
    cached ??= snapshot();
    return cached;
  };

  const valid = (options?: LoadOptions): ContentSnapshot => {
    const loaded = load(options);
    if (!keepLastGood && loaded.issues.some((issue) => issue.severity === 'error')) throw new ContentError(loaded.issues);
    return loaded;
  };

  /** Loads one file through the bounded worker unless unchanged since its last load (preview only). */
  async function loadFileInWorker(collection: 'news' | 'pages', file: SourceFile): Promise<Item | undefined> {
    const found = lookUp(collection, file);
    if (found.hit) return found.item;
    const source = readChecked(file);
    if (source === undefined) return remember(file, found, undefined);
    // Loaded only here, so the build and content:check never start a worker.
    const { parseInWorker } = await import('./preview-parser');
    const parsed = await parseInWorker(source);
    return remember(file, found, loadItem(collection, file, source, () => (parsed.ok ? parsed.mdast : parsed.message)));
  }

  /**
   * Brings every changed file into the per-file cache through the bounded worker, one at a time,
   * so that a fresh load right after (staff listings in preview) parses nothing on the request thread.
   */
  async function refreshForPreview(): Promise<void> {
    for (const collection of ['news', 'pages'] as const) {
      for (const file of collectFiles(contentDir, collection)) await loadFileInWorker(collection, file);
    }
  }

  async function loadForPreview(collection: 'news' | 'pages', slug: string): Promise<PreviewResult<Item> | undefined> {
    const file = collectFiles(contentDir, collection).find((candidate) => candidate.slug === slug);
    if (!file) return undefined;
    const item = await loadFileInWorker(collection, file);
    const issues = sortIssues(file.issues.items);
    if (!item || file.issues.errorCount > 0) return { item: undefined, issues };
    item.warnings = issues;
    return { item, issues };
  }

  const getArticles = (options?: LoadOptions) => [...valid(options).articles];

  // The public set changes only when a published article's time comes, so one list serves every
  // `now` between the last such time and the next. Pages ask several times per render; at 10,000
  // articles filtering afresh each time was most of an article page's render time.
  let publicCache: { snapshot: ContentSnapshot; from: number; until: number; list: Article[] } | undefined;
  const publicList = (now: Date = new Date(), options?: LoadOptions): Article[] => {
    const snapshot = valid(options);
    const at = now.getTime();
    if (publicCache?.snapshot === snapshot && publicCache.from <= at && at < publicCache.until) return publicCache.list;
    let from = -Infinity;
    let until = Infinity;
    for (const article of snapshot.articles) {
      if (article.status !== 'published') continue;
      const time = article.publishedAt.getTime();
      if (time <= at) from = Math.max(from, time);
      else until = Math.min(until, time);
    }
    const list = snapshot.articles.filter((article) => isPublic(article, now));
    if (!options?.fresh) publicCache = { snapshot, from, until, list };
    return list;
  };
  const getPublicArticles = (now?: Date, options?: LoadOptions) => [...publicList(now, options)];

  return {
    rootDir,
    contentDir: storeOptions.contentDir ?? path.join(rootDir, 'content'),
    load,
    getArticles,
    getPublicArticles,
    getPublicArticle: (slug, now, options) => publicList(now, options).find((article) => article.slug === slug),
    getRelatedArticles: (article, limit = 3, now, options) => pickRelated(article, publicList(now, options), limit),
    getPages: (options) => [...valid(options).pages],
    getPage: (slug, options) => valid(options).pages.find((page) => page.slug === slug),
    checkContent: (options) => [...load(options).issues],
    loadForPreview: loadForPreview as ContentStore['loadForPreview'],
    refreshForPreview,
  };
}
