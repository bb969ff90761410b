// @ts-check
/**
 * The bench reads pages from the site's sitemap: /sitemap.xml is an index of files
 * (docs/decisions/0021), so it reads the index and then each file it names, on the server under test.
 */

/**
 * The text of every sitemap file of the site at `base`, in the index's order, joined; the index's
 * own text when it is a plain `<urlset>`. `fetchText(url)` returns a response body.
 * @param {string} base
 * @param {(url: string) => Promise<string>} [fetchText]
 * @returns {Promise<{ index: string; files: string[]; text: string }>}
 */
export async function readSitemapText(base, fetchText = async (url) => (await fetch(url)).text()) {
  const index = await fetchText(`${base}/sitemap.xml`);
  if (!/<sitemapindex[\s>]/.test(index)) return { index, files: [index], text: index };
  const locs = [...index.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map(([, loc]) => new URL(String(loc)).pathname);
  const files = await Promise.all(locs.map((pathname) => fetchText(`${base}${pathname}`)));
  return { index, files, text: files.join('\n') };
}
