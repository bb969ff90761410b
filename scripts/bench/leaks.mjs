// @ts-check
// The leak check of the scale section: drafts and scheduled articles of a benchmark corpus carry a
// sentinel word (make-corpus.mjs); none may appear in a file the build or the server wrote, nor in a
// page, feed or sitemap the benchmark fetched. Files are searched as bytes (SQLite databases, caches),
// and gzip files also after decompressing. A full-text index that stores terms prefix-compressed
// (SQLite FTS5) could hold a sentinel term without its whole text, but the draft's title would still
// be in the rows it indexes; fetched search results are checked too.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The distinct sentinel words in `data`: `prefix` followed by `d` or `s` and digits.
 * @param {Buffer | string} data
 * @param {string} prefix
 * @returns {string[]}
 */
export function findSentinels(data, prefix) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const needle = Buffer.from(prefix);
  const found = new Set();
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + needle.length)) {
    let end = at + needle.length;
    const kind = bytes[end];
    // 'd' and 's'
    if (kind !== 0x64 && kind !== 0x73) continue;
    end += 1;
    while (end < bytes.length && (bytes[end] ?? 0) >= 0x30 && (bytes[end] ?? 0) <= 0x39) end += 1;
    if (end > at + needle.length + 1) found.add(bytes.toString('latin1', at, end));
  }
  return [...found].sort();
}

/**
 * The hidden articles' slugs that `text` links to as `/news/<slug>` (a sitemap has URLs, not titles).
 * @param {string} text
 * @param {Set<string>} hiddenSlugs
 * @returns {string[]}
 */
export function hiddenSlugLinks(text, hiddenSlugs) {
  const found = new Set();
  for (const [, slug] of text.matchAll(/\/news\/([a-z0-9-]+)/g)) if (slug && hiddenSlugs.has(slug)) found.add(slug);
  return [...found].sort();
}

/**
 * Every file under `dir` (symbolic links are not followed), searched for sentinels; `.gz` files
 * also decompressed. Absent folders count as empty.
 * @param {string} dir
 * @param {string} prefix
 * @returns {{ files: number; bytes: number; hits: { file: string; sentinels: string[] }[] }}
 */
export function scanTree(dir, prefix) {
  const result = { files: 0, bytes: 0, hits: /** @type {{ file: string; sentinels: string[] }[]} */ ([]) };
  if (!fs.existsSync(dir)) return result;
  const walk = (/** @type {string} */ folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const bytes = fs.readFileSync(full);
        result.files += 1;
        result.bytes += bytes.length;
        const sentinels = new Set(findSentinels(bytes, prefix));
        if (entry.name.endsWith('.gz')) {
          try {
            for (const s of findSentinels(zlib.gunzipSync(bytes), prefix)) sentinels.add(s);
          } catch {
            // not gzip after all: its bytes were searched
          }
        }
        if (sentinels.size > 0) result.hits.push({ file: full, sentinels: [...sentinels].sort() });
      }
    }
  };
  walk(dir);
  return result;
}
