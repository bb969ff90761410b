import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

/** Placeholder until the assets pipeline lands (issue13-assets): same interface. */
export interface SiteAssets {
  stylesheet: string;
  script: string;
  preloads: { href: string; as: 'font'; type: string }[];
}

let cached: SiteAssets | undefined;

export function siteAssets(): SiteAssets {
  const file = path.join(process.cwd(), 'public', 'assets', 'manifest.json');
  cached ??= JSON.parse(fs.readFileSync(file, 'utf8')) as SiteAssets;
  return cached;
}
