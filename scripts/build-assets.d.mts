import type { SiteAssets } from '../lib/assets';

/** What public/assets/manifest.json holds: the value lib/assets.ts `siteAssets()` returns. */
export type AssetManifest = SiteAssets;

export declare const ROOT: string;
export declare const USWDS_DIST: string;
export declare const SASS_LOAD_PATHS: string[];
export declare const PRELOAD_FONTS: string[];
/** Google Fonts' "latin" range, as [first, last] code points. */
export declare const LATIN_RANGES: [number, number][];
/** Font folders under USWDS's dist/fonts whose faces are cut to LATIN_RANGES. */
export declare const SUBSET_FONT_DIRS: string[];
/** The first 16 hex digits of the SHA-256 of `content`. */
export declare function contentHash(content: string | Uint8Array): string;
/** Copies USWDS's fonts and images to root/public/uswds; returns that folder. */
export declare function copyUswdsFiles(root?: string): string;
/** Compiles the stylesheet, bundles the script, writes them and manifest.json to outDir (default root/public/assets). */
export declare function buildAssets(options?: {
  root?: string;
  stylesheet?: string;
  script?: string;
  preloadFonts?: string[];
  outDir?: string;
}): Promise<{ manifest: AssetManifest; files: { file: string; raw: number; gzip: number }[] }>;
