/**
 * `npm run content:build` (the build's prebuild step; decision 0024) and `npm run content:check`
 * (the same check, `--check`, without writing the indexes): checks every article and page, prints
 * each problem as `file:line: field: message`, and exits 1 if any is an error. With no error, the
 * build writes the content index and the search index into the build cache folder
 * (`<distDir>/cache/content`), which the postbuild step links into the build output.
 *
 * The root defaults to CONTENT_ROOT or the current directory (it must contain content/ and
 * public/); CONTENT_DIR, when set, names the content folder itself, as for the site (a benchmark
 * corpus). Each file's result is cached by its text, its image folder and the checking code, so a
 * rebuild parses only what changed; the last line says how many files were parsed.
 */
import path from 'node:path';
import { buildContent } from '../lib/content/build';
import { contentBuildDirectory } from '../lib/content/content-index';
import { contentDirectory, formatIssue } from '../lib/content';
import { plural } from '../lib/content/issues';
import { siteConfig } from '../lib/site-config';

const args = process.argv.slice(2);
const check = args.includes('--check');
const rootDir = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? process.env.CONTENT_ROOT ?? process.cwd());

async function main(): Promise<void> {
  const result = await buildContent({
    contentDir: contentDirectory(process.env, rootDir),
    timeZone: siteConfig.timeZone,
    outDir: contentBuildDirectory(process.env, rootDir),
    write: !check,
  });
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  const warnings = result.issues.filter((issue) => issue.severity === 'warning');

  for (const issue of [...errors, ...warnings]) console.log(formatIssue(issue));
  console.log(
    `Checked ${plural(result.articleFiles, 'article')} and ${plural(result.pageFiles, 'page')}: ` +
      `${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}.`,
  );
  if (result.index && result.search) {
    console.log(
      `content: indexed ${plural(result.index.articles, 'public article')} (${plural(result.index.withheld, 'file')} withheld) into ${path.relative(rootDir, result.index.file)}; ` +
        `search: ${plural(result.search.count, 'article')} into ${path.relative(rootDir, result.search.file)}`,
    );
  }
  // The benchmark reads this line (scripts/bench): what a rebuild parsed again.
  console.log(`content: parsed ${result.parsed} of ${result.articleFiles + result.pageFiles} files (${result.fromCache} from cache) in ${result.ms} ms`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  // What the build throws names the file or the limit and what to do (a file that changed while it
  // was read, too many articles in one minute, an unreadable cache): the message, not a stack,
  // unless DEBUG asks for it.
  console.error(error instanceof Error ? (process.env.DEBUG ? error.stack ?? error.message : error.message) : String(error));
  process.exitCode = 1;
});
