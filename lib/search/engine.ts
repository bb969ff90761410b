import type { Article } from '../content/types';
import { FIELD_BOOST, FIELDS, searchDocumentOf } from './document';
import { matchExpression, type CorpusStats, type DatabaseHit, type SearchDatabase } from './index-db';
import { searchableText, type SearchableText } from './text';
import { terms } from './words';

export { FIELD_BOOST } from './document';

/** Prefix matching from 4 characters ("read" finds "readiness"); one typo allowed from 5 ("hurrikane"). */
const PREFIX_FROM = 4;
const FUZZY_FROM = 5;
/** A short prefix can start thousands of terms: the most frequent ones are searched. */
export const PREFIX_LIMIT = 64;
const length = (term: string) => [...term].length;

export interface SearchHit {
  article: Article;
  score: number;
  /** The index's terms that the query matched in this article, for highlighting (read when first asked). */
  readonly matched: ReadonlySet<string>;
  /** Read from the article's body when first asked: only the hits on the page shown need it. */
  readonly text: SearchableText;
}

export interface SearchWindow {
  offset: number;
  limit: number;
}

export interface SearchResults {
  /** Every article that matched. */
  total: number;
  /** Those in the window asked for, best match first, then newest first. */
  hits: SearchHit[];
}

export interface SearchIndex {
  /** How many articles can be found. */
  readonly size: number;
  /**
   * Articles containing every one of `queryTerms` (normalized, see parseQuery), in any field;
   * best match first, then newest first. With `now`, only articles published at or before it.
   */
  search(queryTerms: string[], now?: Date, window?: SearchWindow): SearchResults;
}

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

/**
 * The strings one edit (a letter dropped, changed or added) away from `term`, and `term`. Letters
 * are added or changed to ASCII letters and digits and the term's own letters: the typos of a
 * reader typing the word they meant (a rarer letter, typed by mistake, is not guessed).
 */
export function oneEditAway(term: string): string[] {
  const letters = [...term];
  const alphabet = [...new Set([...LETTERS, ...letters])];
  const out = new Set<string>([term]);
  for (let i = 0; i <= letters.length; i += 1) {
    const before = letters.slice(0, i).join('');
    const rest = letters.slice(i);
    const after = rest.slice(1).join('');
    if (i < letters.length) out.add(before + after);
    for (const letter of alphabet) {
      out.add(before + letter + rest.join(''));
      if (i < letters.length) out.add(before + letter + after);
    }
  }
  return [...out];
}

/** Where terms can be looked up: the database, or the articles indexed in memory. */
interface TermSource {
  existing(candidates: readonly string[]): string[];
  withPrefix(prefix: string, limit: number): string[];
}

/** The known terms a query term stands for: itself, the terms it starts (from 4 letters) and those one typo away (from 5). */
function expand(term: string, sources: TermSource[]): string[] {
  const found = new Set<string>();
  const candidates = length(term) >= FUZZY_FROM ? oneEditAway(term) : [term];
  for (const source of sources) {
    for (const known of source.existing(candidates)) found.add(known);
    if (length(term) >= PREFIX_FROM) for (const known of source.withPrefix(term, PREFIX_LIMIT)) found.add(known);
  }
  // The exact term first, so a reader's own word is highlighted first (sets keep insertion order).
  return found.has(term) ? [term, ...[...found].filter((known) => known !== term)] : [...found];
}

/** SQLite FTS5's bm25() (ext/fts5/fts5_aux.c), with its constants: scores in memory match the database's. */
const K1 = 1.2;
const B = 0.75;

function inverseDocumentFrequency(stats: CorpusStats, term: string): number {
  const hits = stats.docsWith(term);
  const idf = Math.log((stats.rows - hits + 0.5) / (hits + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/** One article indexed in memory: its weighted term frequencies and its length in terms. */
interface MemoryDocument {
  article: Article;
  /** Per term, the sum of the field weights of its occurrences (bm25's frequency). */
  frequency: Map<string, number>;
  length: number;
}

/** Articles indexed in memory: the overlay on the build's database, or every article in `next dev` and the tests. */
class MemoryIndex implements TermSource {
  readonly documents: MemoryDocument[] = [];
  /** Term → indexes into `documents`. */
  readonly postings = new Map<string, number[]>();
  tokens = 0;
  constructor(articles: readonly Article[]) {
    for (const article of articles) {
      const document = searchDocumentOf(article);
      const frequency = new Map<string, number>();
      let count = 0;
      for (const field of FIELDS) {
        if (document[field] === '') continue;
        for (const term of document[field].split(' ')) {
          frequency.set(term, (frequency.get(term) ?? 0) + FIELD_BOOST[field]);
          count += 1;
        }
      }
      const at = this.documents.push({ article, frequency, length: count }) - 1;
      for (const term of frequency.keys()) {
        const list = this.postings.get(term);
        if (list) list.push(at);
        else this.postings.set(term, [at]);
      }
      this.tokens += count;
    }
  }
  get stats(): CorpusStats {
    return { rows: this.documents.length, tokens: this.tokens, docsWith: (term) => this.postings.get(term)?.length ?? 0 };
  }
  existing(candidates: readonly string[]): string[] {
    return candidates.filter((term) => this.postings.has(term));
  }
  withPrefix(prefix: string, limit: number): string[] {
    return [...this.postings]
      .filter(([term]) => term.startsWith(prefix))
      .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1))
      .slice(0, limit)
      .map(([term]) => term);
  }
}

interface Candidate {
  article: Article;
  score: number;
  publishedAt: number;
}

const better = (a: Candidate, b: Candidate) => b.score - a.score || b.publishedAt - a.publishedAt;

/**
 * How many of the newest matching rows of the database are ranked by relevance (decision 0023):
 * scoring every match of a word in nearly every article costs about 3 µs a row, too slow at
 * 100,000. Older matches follow them, newest first; the total counts every match.
 */
export const RANKED_NEWEST = 10_000;

export interface SearchOverOptions {
  /** The build's index; without it (next dev, tests) every article is indexed in memory. */
  database?: SearchDatabase;
  /** True when the database holds exactly this version of the article (lib/content builtIntoIndex). */
  builtIntoIndex?: (article: Article) => boolean;
  /** See RANKED_NEWEST. */
  rankedNewest?: number;
}

/**
 * Searches `articles` (the public ones): those the build indexed in the database, the rest in
 * memory. A database row whose article is not in the list, or is indexed in memory instead (its
 * file changed since the build), is never returned. Memory scores use the database's corpus
 * statistics, so both kinds of hit are ranked on one scale (FTS5's bm25, reproduced here).
 */
export function searchOver(articles: readonly Article[], { database, builtIntoIndex = () => false, rankedNewest = RANKED_NEWEST }: SearchOverOptions = {}): SearchIndex {
  const overlay: Article[] = [];
  let builtCount = 0;
  let newestFirst = true;
  articles.forEach((article, i) => {
    if (database && builtIntoIndex(article)) builtCount += 1;
    else overlay.push(article);
    if (i > 0 && article.publishedAt.getTime() > articles[i - 1]!.publishedAt.getTime()) newestFirst = false;
  });
  const excluded: number[] = [];
  if (database && builtCount !== database.stats.rows) {
    const slugs = new Set(articles.filter(builtIntoIndex).map((article) => article.slug));
    for (const row of database.rows()) if (!slugs.has(row.slug)) excluded.push(row.id);
  }
  // A row's article: the list is newest first (lib/content's order), so a binary search on the
  // instant finds it without a map of every slug (60-150 ms to build at 100,000 on a busy machine).
  let bySlug: Map<string, Article> | undefined;
  const builtArticle = (slug: string, publishedAt: number): Article | undefined => {
    if (!newestFirst) {
      bySlug ??= new Map(articles.map((article) => [article.slug, article]));
      const article = bySlug.get(slug);
      return article && builtIntoIndex(article) ? article : undefined;
    }
    let low = 0;
    let high = articles.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (articles[middle]!.publishedAt.getTime() > publishedAt) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < articles.length && articles[i]!.publishedAt.getTime() === publishedAt; i += 1) {
      if (articles[i]!.slug === slug) return builtIntoIndex(articles[i]!) ? articles[i] : undefined;
    }
    return undefined;
  };
  const memory = new MemoryIndex(overlay);
  const stats = database?.stats ?? memory.stats;
  const sources: TermSource[] = database ? [database, memory] : [memory];
  const texts = new WeakMap<Article, SearchableText>();
  const textOf = (article: Article) => {
    let text = texts.get(article);
    if (!text) texts.set(article, (text = searchableText(article)));
    return text;
  };
  const hitOf = ({ article, score }: Candidate, expanded: ReadonlySet<string>): SearchHit => {
    let matched: Set<string> | undefined;
    return {
      article,
      score,
      get matched() {
        if (!matched) {
          const text = textOf(article);
          const words = new Set([text.title, text.summary, ...text.topics, ...text.paragraphs, ...text.captions].flatMap(terms));
          matched = new Set([...expanded].filter((term) => words.has(term)));
        }
        return matched;
      },
      get text() {
        return textOf(article);
      },
    };
  };

  return {
    size: builtCount + overlay.length,
    search(queryTerms, now, window = { offset: 0, limit: Infinity }) {
      if (queryTerms.length === 0) return { total: 0, hits: [] };
      const groups = queryTerms.map((term) => expand(term, sources));
      if (groups.some((group) => group.length === 0)) return { total: 0, hits: [] };
      const until = now?.getTime() ?? Number.MAX_SAFE_INTEGER;
      const phrases = groups.flat();
      const expanded = new Set(phrases);

      // In memory: articles holding a term of every group, scored as FTS5 would score them.
      const idf = phrases.map((term) => inverseDocumentFrequency(stats, term));
      const averageLength = stats.tokens / stats.rows;
      let matching: Set<number> | undefined;
      for (const group of groups) {
        const inGroup = new Set(group.flatMap((term) => memory.postings.get(term) ?? []));
        matching = matching ? new Set([...matching].filter((at) => inGroup.has(at))) : inGroup;
      }
      const fromMemory: Candidate[] = [];
      for (const at of matching ?? []) {
        const document = memory.documents[at]!;
        const publishedAt = document.article.publishedAt.getTime();
        if (publishedAt > until) continue;
        let score = 0;
        phrases.forEach((term, i) => {
          const frequency = document.frequency.get(term) ?? 0;
          score += idf[i]! * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + (B * document.length) / averageLength)));
        });
        fromMemory.push({ article: document.article, score, publishedAt });
      }

      const end = window.offset + window.limit;
      if (!database) {
        return { total: fromMemory.length, hits: fromMemory.sort(better).slice(window.offset, end).map((candidate) => hitOf(candidate, expanded)) };
      }
      // The database's newest matches, ranked, with the memory hits; then its older matches, newest first.
      const query = { match: matchExpression(groups), until, excluded };
      const count = database.count(query);
      const ranked = Math.min(count, rankedNewest) + fromMemory.length;
      const toCandidate = (row: DatabaseHit): Candidate[] => {
        const article = builtArticle(row.slug, row.publishedAt);
        return article ? [{ article, score: row.score, publishedAt: row.publishedAt }] : [];
      };
      let page: Candidate[] = [];
      if (window.offset < ranked) {
        const best = Number.isFinite(end) ? Math.min(end, rankedNewest) : rankedNewest;
        page = [...database.best(query, rankedNewest, best).flatMap(toCandidate), ...fromMemory].sort(better).slice(window.offset, end);
      }
      if (end > ranked && count > rankedNewest) {
        const from = Math.max(0, window.offset - ranked);
        const limit = Number.isFinite(end) ? end - ranked - from : -1;
        page.push(...database.newest(query, { offset: rankedNewest + from, limit }).flatMap(toCandidate));
      }
      return { total: count + fromMemory.length, hits: page.map((candidate) => hitOf(candidate, expanded)) };
    },
  };
}

/** Every article indexed in memory now (no database). */
export function createSearchIndex(articles: readonly Article[]): SearchIndex {
  return searchOver(articles);
}

export interface ResultsPage {
  hits: SearchHit[];
  total: number;
  /** 1-based. */
  page: number;
  /** At least 1, so "page 1 of 1" holds for no results too. */
  pageCount: number;
  /** The page asked for is past the last one (its hits are empty). */
  outOfRange: boolean;
  /** 1-based position of the page's first and last hit (0 and 0 when there are none). */
  first: number;
  last: number;
}

/** One page of results: only its hits are read from the index and turned into articles. */
export function searchPage(index: SearchIndex, queryTerms: string[], page: number, perPage: number, now?: Date): ResultsPage {
  const { total, hits } = index.search(queryTerms, now, { offset: (page - 1) * perPage, limit: perPage });
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const outOfRange = page > pageCount;
  const shown = outOfRange ? [] : hits;
  const first = shown.length > 0 ? (page - 1) * perPage + 1 : 0;
  return { hits: shown, total, page, pageCount, outOfRange, first, last: first === 0 ? 0 : first + shown.length - 1 };
}
