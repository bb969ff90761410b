/**
 * `npm run content:check [root]`: checks every article and page, prints each problem as
 * `file:line: field: message`, and exits 1 if any is an error. The root defaults to
 * CONTENT_ROOT or the current directory (it must contain content/ and public/); CONTENT_DIR, when
 * set, names the content folder itself, as for the site (a benchmark corpus).
 */
import path from 'node:path';
import { contentDirectory, createContentStore, formatIssue } from '../lib/content';
import { plural } from '../lib/content/issues';

const rootDir = path.resolve(process.argv[2] ?? process.env.CONTENT_ROOT ?? process.cwd());
const snapshot = createContentStore(rootDir, { contentDir: contentDirectory(process.env, rootDir) }).load();
const errors = snapshot.issues.filter((issue) => issue.severity === 'error');
const warnings = snapshot.issues.filter((issue) => issue.severity === 'warning');

for (const issue of [...errors, ...warnings]) console.log(formatIssue(issue));
console.log(
  `Checked ${plural(snapshot.articleFiles, 'article')} and ${plural(snapshot.pageFiles, 'page')}: ` +
    `${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}.`,
);
process.exitCode = errors.length > 0 ? 1 : 0;
