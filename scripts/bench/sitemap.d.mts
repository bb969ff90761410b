// Types of sitemap.mjs, for its tests (the benchmark itself runs as plain Node ESM).
export function readSitemapText(
  base: string,
  fetchText?: (url: string) => Promise<string>,
): Promise<{ index: string; files: string[]; text: string }>;
