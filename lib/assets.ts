import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The site's own stylesheet and behaviour script, built by scripts/build-assets.mjs into
 * public/assets with content-hashed names (decision 0018), and the fonts to preload.
 */
export interface SiteAssets {
  /** e.g. `/assets/site.0123456789abcdef.css` */
  stylesheet: string;
  /** e.g. `/assets/uswds.0123456789abcdef.js`, loaded with `defer` */
  script: string;
  /** `<link rel="preload" href as type crossorigin>` each: fonts the first paint needs */
  preloads: { href: string; as: 'font'; type: string }[];
}

const sitePath = z.string().regex(/^\/[^/\s]\S*$/, 'expected a site path starting with /');
const manifestSchema = z
  .object({
    stylesheet: sitePath,
    script: sitePath,
    preloads: z.array(z.object({ href: sitePath, as: z.literal('font'), type: z.string().min(1) }).strict()),
  })
  .strict();

/** Reads and checks a manifest written by scripts/build-assets.mjs; errors name the file and the field. */
export function readAssetManifest(file: string): SiteAssets {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${file} is missing: run npm run build (or node scripts/build-assets.mjs) to build the site's CSS and JavaScript`);
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}); run npm run build to write it again`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new Error(`${file}: ${problems}; run npm run build to write it again`);
  }
  return parsed.data;
}

let cached: { file: string; assets: SiteAssets } | undefined;

/**
 * The built assets, read from public/assets/manifest.json under the working directory (the
 * standalone server runs from its own folder, which scripts/standalone.mjs fills) once per process.
 * Under `next dev` it is read on every call, so a rebuild of the assets shows without a restart.
 */
export function siteAssets(): SiteAssets {
  const file = path.join(process.cwd(), 'public', 'assets', 'manifest.json');
  if (cached?.file === file && process.env.NODE_ENV !== 'development') return cached.assets;
  const assets = readAssetManifest(file);
  cached = { file, assets };
  return assets;
}
