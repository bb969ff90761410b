// Types of leaks.mjs, for its tests (the benchmark itself runs as plain Node ESM).
export function findSentinels(data: Buffer | string, prefix: string): string[];
export function hiddenSlugLinks(text: string, hiddenSlugs: Set<string>): string[];
export function scanTree(dir: string, prefix: string): { files: number; bytes: number; hits: { file: string; sentinels: string[] }[] };
