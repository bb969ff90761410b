// Types of make-corpus.mjs, for its tests.
export function random(seed: number): () => number;
export function makeArticles(options: {
  count: number;
  seed?: number;
  imageNames: string[];
  newest?: Date;
  years?: number;
}): { slug: string; markdown: string; images: string[] }[];
export function writeCorpus(options: { count: number; outDir: string; sourceDir: string; seed?: number }): {
  articles: number;
  drafts: number;
};
