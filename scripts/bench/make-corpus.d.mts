// Types of make-corpus.mjs, for its tests.
export function random(seed: number): () => number;
export const SENTINEL_PREFIX: string;
export function hiddenListFile(outDir: string): string;
export function hiddenKind(index: number): 'draft' | 'scheduled' | undefined;
export interface HiddenArticle {
  slug: string;
  kind: 'draft' | 'scheduled';
  sentinel: string;
}
export function makeArticles(options: {
  count: number;
  seed?: number;
  imageNames: string[];
  newest?: Date;
  years?: number;
}): { slug: string; markdown: string; images: string[]; hidden?: Omit<HiddenArticle, 'slug'> }[];
export function writeCorpus(options: { count: number; outDir: string; sourceDir: string; seed?: number }): {
  articles: number;
  drafts: number;
  scheduled: number;
  hidden: HiddenArticle[];
};
