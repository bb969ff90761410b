import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file below `dir` (none if it does not exist), leaving out what `skip` says. */
export function filesUnder(dir: string, skip: (full: string) => boolean = () => false): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (skip(full)) return [];
    if (entry.isDirectory()) return filesUnder(full, skip);
    return entry.isFile() ? [full] : [];
  });
}
