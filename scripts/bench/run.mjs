// `npm run bench`: builds and measures the site, writes bench/results/<YYYY-MM-DD>.md and prints it.
//   --only=scale,serving,weight,soak,attacks,lighthouse   sections to run (default: all)
//   --quick                            small corpora (200, 1,000), 5 s load runs, 30 s soak, 5 s slug flood,
//                                      1 Lighthouse run per page: for development
//   --lighthouse-runs=3                Lighthouse runs per page (median reported)
//   --lighthouse-article=/news/<slug>  the article Lighthouse measures (default: the newest in the sitemap)
//   --sizes=1000,10000,100000          corpus sizes for the scale section (issue 14's targets are at 100,000)
//   --latency-connections=10           connections of the scale section's warm p99 runs against the standalone server
//   --skip-incremental                 no one-article rebuild in the scale section
//   --duration=20 --connections=50     each load run; --soak=300 soak seconds; --flood=30 slug-flood seconds
//   --reuse                            reuse corpora in bench/work/ (with their .hidden.json) and their builds in
//                                      .next-bench/ whose BUILD_ID exists (`npm run bench:corpus -- --count N` writes one)
//   --note="…"                         a line at the top of the report (e.g. the machine was shared)
//   --out=file.md                      write the report there instead
//   --nginx-config=path/nginx-config.mjs   another renderNginxConfig (default scripts/nginx-config.mjs)
//   --port-base=3530                   first of the 6 ports used (another range when two benchmarks share a machine)
// Servers listen on 127.0.0.1:3530–3535 and are stopped at the end, also on failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { hiddenListFile, SENTINEL_PREFIX, writeCorpus } from './make-corpus.mjs';
import { installCleanup, launch, stop, stopAll, treeCpuSeconds, treeRss, waitForExit, waitForHttp, waitForPort } from './processes.mjs';
import { findSentinels, hiddenSlugLinks, scanTree } from './leaks.mjs';
import { parseContentLine, targetsTable } from './targets.mjs';
import {
  formatBytes, formatNumber, formatSeconds, levelsOff, parseFlags, parseGnuTime, percentile, ratio, sparkline,
  statusMix, summarizeLoad, table,
} from './report.mjs';
import { failingAudits, judgePage, LIGHTHOUSE_TARGETS, lighthousePages, median, summarizePage } from './lighthouse-report.mjs';
import { readSitemapText } from './sitemap.mjs';

const ROOT = process.cwd();
const WORK = path.join(ROOT, 'bench', 'work');
const ARTICLE = '/news/keesler-flight-line-reopens-after-hurricane';
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const SECTIONS = ['scale', 'serving', 'weight', 'soak', 'attacks', 'lighthouse'];

const flags = parseFlags(process.argv.slice(2));
const portBase = Number(flags['port-base'] ?? 3530);
if (!Number.isInteger(portBase) || portBase < 1024 || portBase > 65530) throw new Error(`bench: --port-base must be a port number from 1024 to 65530, got "${flags['port-base']}"`);
// standalone: the standalone server behind nginx (Lighthouse); chrome: Lighthouse's Chromium debugging port.
const PORTS = { next: portBase, proxy: portBase + 1, ceiling: portBase + 2, scale: portBase + 3, standalone: portBase + 4, chrome: portBase + 5 };
const quick = flags.quick === true;
const only = new Set(typeof flags.only === 'string' ? flags.only.split(',') : SECTIONS);
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`bench: unknown section "${name}"; expected ${SECTIONS.join(', ')}`);
const sizes = (typeof flags.sizes === 'string' ? flags.sizes : quick ? '200,1000' : '1000,10000,100000').split(',').map(Number);
const latencyConnections = Number(flags['latency-connections'] ?? 10);
const skipIncremental = flags['skip-incremental'] === true;
const duration = Number(flags.duration ?? (quick ? 5 : 20));
const connections = Number(flags.connections ?? 50);
const soakSeconds = Number(flags.soak ?? (quick ? 30 : 300));
const floodSeconds = Number(flags.flood ?? (quick ? 5 : 30));
const warmup = quick ? 2 : 5;
const reuse = flags.reuse === true;
const lighthouseRuns = Number(flags['lighthouse-runs'] ?? (quick ? 1 : 3));
if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1) throw new Error(`bench: --lighthouse-runs must be a whole number of at least 1, got "${flags['lighthouse-runs']}"`);

const execFileAsync = promisify(execFile);
const log = (message) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

function dirSize(dir, skip = new Set()) {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(full, skip);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/**
 * `npm run build` (prebuild's content step, then `next build --webpack`) of `contentDir` into
 * `.next-bench/<label>`, timed by GNU time with the process tree's RSS sampled. `incremental`: over
 * the previous build, its build cache kept (the one-article rebuild), logged to build-<label>-incremental.log.
 */
async function build(label, contentDir, env = {}, { reuseBuild = reuse, incremental = false } = {}) {
  const distDir = path.join('.next-bench', label);
  const absolute = path.join(ROOT, distDir);
  if (!incremental && reuseBuild && fs.existsSync(path.join(absolute, 'BUILD_ID'))) {
    log(`reusing the build ${distDir}`);
    const previousLog = path.join(WORK, `build-${label}.log`);
    const content = fs.existsSync(previousLog) ? parseContentLine(fs.readFileSync(previousLog, 'utf8')) : undefined;
    return { distDir, reused: true, content, ...outputOf(absolute) };
  }
  if (!incremental) fs.rmSync(absolute, { recursive: true, force: true });
  // Next adds its dist folder's types to tsconfig.json on every build: put the file back after.
  const tsconfig = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
  const name = incremental ? `${label}-incremental` : label;
  const timeFile = path.join(WORK, `time-${name}.txt`);
  const logFile = path.join(WORK, `build-${name}.log`);
  fs.rmSync(logFile, { force: true });
  log(`building ${name} (log: ${path.relative(ROOT, logFile)})`);
  const child = launch('/usr/bin/time', ['-v', '-o', timeFile, 'npm', 'run', 'build'], {
    env: { CONTENT_DIR: contentDir, NEXT_DIST_DIR: distDir, ...env },
    logFile,
  });
  let peakTree = 0;
  const sampler = setInterval(() => {
    peakTree = Math.max(peakTree, treeRss(child.pid));
  }, 1000);
  const code = await waitForExit(child);
  clearInterval(sampler);
  fs.writeFileSync(path.join(ROOT, 'tsconfig.json'), tsconfig);
  if (code !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`bench: the build of ${label} failed (exit ${code}):\n${tail}`);
  }
  const time = parseGnuTime(fs.readFileSync(timeFile, 'utf8'));
  return {
    distDir, wallSeconds: time.wallSeconds, peakProcessRss: time.peakRssBytes, peakTreeRss: peakTree,
    content: parseContentLine(fs.readFileSync(logFile, 'utf8')), ...outputOf(absolute),
  };
}

/** Sizes of a build: everything but the build cache, the cache, and the prerendered articles (HTML, RSC, segments). */
function outputOf(absolute) {
  const newsDir = path.join(absolute, 'server', 'app', 'news');
  const entries = fs.existsSync(newsDir) ? fs.readdirSync(newsDir, { withFileTypes: true }) : [];
  const articles = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => e.name.slice(0, -'.html'.length));
  let articleBytes = 0;
  for (const slug of articles) {
    for (const ext of ['.html', '.rsc', '.meta']) articleBytes += fs.statSync(path.join(newsDir, slug + ext), { throwIfNoEntry: false })?.size ?? 0;
    articleBytes += dirSize(path.join(newsDir, `${slug}.segments`));
  }
  return {
    outputBytes: dirSize(absolute, new Set(['cache'])),
    cacheBytes: dirSize(path.join(absolute, 'cache')),
    prerenderedArticles: articles.length,
    articleOutputBytes: articleBytes,
  };
}

async function startNext(label, distDir, contentDir, port) {
  const child = launch(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { CONTENT_DIR: contentDir, NEXT_DIST_DIR: distDir, KEEP_ALIVE_TIMEOUT: '65000' },
    logFile: path.join(WORK, `server-${label}.log`),
  });
  await waitForHttp(`http://127.0.0.1:${port}/robots.txt`, 120000, child);
  return child;
}

/**
 * The build's standalone server as deployed (scripts/serve.mjs: server.js with the request guard), for what sits behind nginx.
 * `fresh`: ready once it listens, so that the caller's request is its first.
 */
async function startStandalone(label, distDir, contentDir, port, { fresh = false } = {}) {
  const child = launch(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs')], {
    env: { CONTENT_DIR: contentDir, NEXT_DIST_DIR: distDir, PORT: String(port), HOST: '127.0.0.1' },
    logFile: path.join(WORK, `server-${label}.log`),
  });
  if (fresh) await waitForPort(port, 120000, child);
  else await waitForHttp(`http://127.0.0.1:${port}/robots.txt`, 120000, child);
  return child;
}

async function startNginx(label, confText, subfolders = []) {
  const dir = path.join(WORK, `nginx-${label}`);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const folder of ['', ...subfolders]) fs.mkdirSync(path.join(dir, folder), { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, confText);
  execFileSync('/usr/sbin/nginx', ['-t', '-q', '-p', dir, '-c', conf], { stdio: 'pipe' });
  // In the foreground, so the process group started here is nginx's and stop() ends it.
  const foreground = /^\s*daemon\s/m.test(confText) ? [] : ['-g', 'daemon off;'];
  return launch('/usr/sbin/nginx', ['-p', dir, '-c', conf, ...foreground], { logFile: path.join(dir, 'stdout.log') });
}

/** The production nginx configuration (scripts/nginx-config.mjs wraps deploy/nginx/newsroom.conf), or the one --nginx-config names. */
async function nginxConfigRenderer() {
  const file = typeof flags['nginx-config'] === 'string' ? path.resolve(flags['nginx-config']) : path.join(ROOT, 'scripts', 'nginx-config.mjs');
  return { source: `\`${path.relative(ROOT, file)}\` (deploy/nginx/newsroom.conf, the production configuration)`, render: (await import(pathToFileURL(file).href)).renderNginxConfig };
}

// nginx started as root runs its workers as nobody, who could not write the cache and temp folders made here.
const nginxUser = () => (process.getuid?.() === 0 ? 'root' : undefined);

/** The production configuration on PORTS.proxy in front of the app on `upstreamPort`; its cache and logs in bench/work/nginx-<label>. */
function startProxy(label, nginxConfig, upstreamPort) {
  const workDir = path.join(WORK, `nginx-${label}`);
  return startNginx(label, nginxConfig.render({ listenPort: PORTS.proxy, upstreamPort, cacheDir: path.join(workDir, 'cache'), workDir, user: nginxUser() }), ['cache']);
}

function ceilingConfig({ listenPort, root, workDir }) {
  return `${nginxUser() ? `user ${nginxUser()};\n` : ''}worker_processes auto;
pid ${workDir}/nginx.pid;
error_log ${workDir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000;
  client_body_temp_path ${workDir}/client_body;
  proxy_temp_path ${workDir}/proxy_temp;
  fastcgi_temp_path ${workDir}/fastcgi_temp;
  uwsgi_temp_path ${workDir}/uwsgi_temp;
  scgi_temp_path ${workDir}/scgi_temp;
  # As deploy/nginx/newsroom.conf compresses.
  gzip on;
  gzip_comp_level 5;
  gzip_min_length 256;
  server {
    listen 127.0.0.1:${listenPort};
    root ${root};
    location / { default_type "text/html; charset=utf-8"; try_files $uri.html =404; }
  }
}
`;
}

function load(url, options = {}) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections, duration, headers: { 'accept-encoding': 'gzip' }, ...options },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function timedFetch(url) {
  const started = performance.now();
  const response = await fetch(url, { redirect: 'manual' });
  const body = await response.text();
  return { status: response.status, ms: performance.now() - started, body, headers: response.headers };
}

// ---------------------------------------------------------------- 1. Scale
/** Words of the synthetic corpus (scripts/bench/make-corpus.mjs) and a few it lacks, one and two at a time. */
const SEARCH_QUERIES = ['readiness', 'hangar', 'airfield lighting', 'training norway', 'logistics', 'exercise', 'qqxqzzy', 'maintenance crews', 'partners', 'runway'];

/** Sequential query times (ms) on a server whose index is loaded: what one reader waits. The first round's pages go to `seen`. */
async function searchLatencies(base, rounds = 20, seen = () => {}) {
  const times = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const q of SEARCH_QUERIES) {
      const url = `${base}/search?${new URLSearchParams({ q, page: String(1 + (round % 3)) })}`;
      const response = await timedFetch(url);
      times.push(response.ms);
      if (round === 0) seen(url, response.body);
    }
  }
  return times;
}

/** The build's search index file and what the build said writing it (the content build step logs each write, decision 0023). */
function searchIndexOf(distDir) {
  const file = path.join(ROOT, distDir, 'search-index.db');
  const logFile = path.join(WORK, `build-${path.basename(distDir)}.log`);
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  const writes = [...log.matchAll(/search: indexed (\d+) public articles into \S+ \((\d+) bytes\) in (\d+) ms/g)].map((m) => ({ articles: Number(m[1]), bytes: Number(m[2]), ms: Number(m[3]) }));
  // The content step's index files (issue 14), where they are.
  const indexFiles = ['content-index.db', 'search-index.db', path.join('cache', 'content', 'index.db')]
    .map((name) => ({ name, bytes: fs.statSync(path.join(ROOT, distDir, name), { throwIfNoEntry: false })?.size }))
    .filter((f) => f.bytes !== undefined);
  return { bytes: fs.statSync(file, { throwIfNoEntry: false })?.size, writes, indexFiles };
}

/** A word of every synthetic article's body (make-corpus.mjs), for the fresh server's first search and the warm runs. */
const SCALE_SEARCH_WORD = 'exercise';

/** The corpus of `size` articles in bench/work/ and its hidden articles; reused with --reuse when its list is there. */
function corpusFor(size) {
  const contentDir = path.join(WORK, `corpus-${size}`);
  const listFile = hiddenListFile(contentDir);
  const list = fs.existsSync(listFile) ? JSON.parse(fs.readFileSync(listFile, 'utf8')) : undefined;
  if (reuse && fs.existsSync(path.join(contentDir, 'news')) && list?.count === size) return { contentDir, hidden: list.hidden, reused: true };
  log(`writing a corpus of ${size} articles`);
  const written = writeCorpus({ count: size, outDir: contentDir, sourceDir: path.join(ROOT, 'content') });
  return { contentDir, hidden: written.hidden, reused: false };
}

/**
 * Edits one public article of the corpus (a sentence added at the end, different each run) and
 * rebuilds over the previous build: what the content step re-parses, and how long the whole build takes.
 */
async function oneArticleRebuild(label, contentDir, hidden) {
  const hiddenSlugs = new Set(hidden.map((h) => h.slug));
  const files = fs.readdirSync(path.join(contentDir, 'news')).filter((name) => name.endsWith('.md')).sort();
  const file = files.find((name, i) => i >= files.length / 2 && !hiddenSlugs.has(name.slice(0, -3)));
  if (!file) return undefined;
  fs.appendFileSync(path.join(contentDir, 'news', file), `\nThe benchmark edited this article at ${new Date().toISOString()}.\n`);
  return { file, ...(await build(label, contentDir, {}, { incremental: true })) };
}

/** From the sitemap's text: its article slugs newest first, the last page of /news and of the topic readiness. */
function sitemapFacts(text) {
  const slugs = [...text.matchAll(/<loc>[^<]*\/news\/([a-z0-9-]+)<\/loc>/g)].map((m) => m[1]).filter((slug) => !/^\d+$/.test(slug));
  // The topic's last page, as the sitemap lists it (an old page: rendered on request past the prerendered ones).
  const topicPages = [...text.matchAll(/\/topics\/readiness\/page\/(\d+)<\/loc>/g)].map((m) => Number(m[1]));
  return { slugs, lastPage: Math.ceil(slugs.length / 10), topicLast: Math.max(1, ...topicPages) };
}

/** Pages a fresh server must answer in ≤ 1 s and a warm one at p99 ≤ 50 ms (issue 14), from the site's own sitemap. */
async function scalePages(label, distDir, contentDir) {
  const server = await startNext(`${label}-sitemap`, distDir, contentDir, PORTS.scale);
  try {
    const base = `http://127.0.0.1:${PORTS.scale}`;
    // The index's files, newest year first, each year's articles newest first.
    const sitemapFiles = await readSitemapText(base);
    const { slugs, lastPage, topicLast } = sitemapFacts(sitemapFiles.text);
    // Uncached: no page rendered on disk by an earlier run over a reused build (next start's or the standalone server's).
    const rendered = (slug) => [path.join(ROOT, distDir, 'server', 'app', 'news'), path.join(ROOT, distDir, 'standalone', distDir, 'server', 'app', 'news')]
      .some((dir) => fs.existsSync(path.join(dir, `${slug}.html`)));
    const oldest = [...slugs].reverse().find((slug) => !rendered(slug)) ?? slugs.at(-1);
    return {
      sitemapFiles,
      pages: [
        ['old uncached article (oldest in the sitemap)', `/news/${oldest}`],
        [`last page of /news (${lastPage})`, `/news/page/${lastPage}`],
        [`last page of a topic (${topicLast})`, topicLast > 1 ? `/topics/readiness/page/${topicLast}` : '/topics/readiness'],
        ['home', '/'],
        ['search', `/search?q=${SCALE_SEARCH_WORD}`],
      ],
    };
  } finally {
    await stop(server);
  }
}

/** Each page as the first request of its own new standalone server: what a reader waits after a deploy or restart. */
async function firstRequests(label, distDir, contentDir, pages, seen) {
  const results = [];
  for (const [name, urlPath] of pages) {
    log(`fresh server: ${name}`);
    const server = await startStandalone(`${label}-fresh`, distDir, contentDir, PORTS.standalone, { fresh: true });
    try {
      const url = `http://127.0.0.1:${PORTS.standalone}${urlPath}`;
      const response = await timedFetch(url);
      seen(url, response.body);
      results.push({ name, urlPath, status: response.status, ms: response.ms, cache: response.headers.get('x-nextjs-cache') ?? '', rss: treeRss(server.pid) });
    } finally {
      await stop(server);
    }
  }
  return results;
}

/** p99 of each page through one standalone server after a warm-up, at `latencyConnections` connections; its RSS after. */
async function warmLatencies(label, distDir, contentDir, pages, seen) {
  const server = await startStandalone(`${label}-warm`, distDir, contentDir, PORTS.standalone);
  const runs = [];
  try {
    for (const [name, urlPath] of pages) {
      const url = `http://127.0.0.1:${PORTS.standalone}${urlPath}`;
      log(`warm standalone: ${name} (${warmup} s warm-up, ${duration} s, ${latencyConnections} connections)`);
      seen(url, (await timedFetch(url)).body);
      await load(url, { duration: warmup, connections: latencyConnections });
      runs.push({ name, urlPath, ...summarizeLoad(await load(url, { connections: latencyConnections })) });
    }
    return { runs, rss: treeRss(server.pid) };
  } finally {
    await stop(server);
  }
}

/** Sentinels and links to hidden articles in what the bench fetched (a search for a sentinel echoes it: only its links count). */
function fetchedLeaks(fetched, hiddenSlugs) {
  const leaks = [];
  for (const { url, body, echoesSentinel } of fetched) {
    const sentinels = echoesSentinel ? [] : findSentinels(body, SENTINEL_PREFIX);
    const links = hiddenSlugLinks(body, hiddenSlugs);
    if (sentinels.length > 0 || links.length > 0) leaks.push({ url, found: [...sentinels, ...links.map((slug) => `/news/${slug}`)] });
  }
  return leaks;
}

const shortUrl = (urlPath) => `\`${urlPath.length > 48 ? `${urlPath.slice(0, 45)}…` : urlPath}\``;

async function scaleSection() {
  const rows = [];
  const checks = [];
  for (const size of sizes) {
    const label = `corpus-${size}`;
    const corpus = corpusFor(size);
    const { contentDir } = corpus;
    const hiddenSlugs = new Set(corpus.hidden.map((h) => h.slug));
    const result = await build(label, contentDir, {}, { reuseBuild: reuse && corpus.reused });
    const rebuild = skipIncremental ? undefined : await oneArticleRebuild(label, contentDir, corpus.hidden);
    rows.push({ size, ...result, rebuild });
    const fetched = [];
    const seen = (url, body, echoesSentinel = false) => fetched.push({ url, body, echoesSentinel });
    // Before any other request renders (and caches on disk) the pages it asks for.
    const { pages, sitemapFiles: firstSitemap } = await scalePages(label, result.distDir, contentDir);
    seen('sitemap (first server)', firstSitemap.text);
    const fresh = await firstRequests(label, result.distDir, contentDir, pages, seen);
    log(`checking listings, sitemap, feeds and search at ${size}`);
    const server = await startNext(label, result.distDir, contentDir, PORTS.scale);
    try {
      const base = `http://127.0.0.1:${PORTS.scale}`;
      const rssStart = treeRss(server.pid);
      const newsFiles = fs.readdirSync(path.join(contentDir, 'news')).sort();
      const sitemap = await timedFetch(`${base}/sitemap.xml`);
      // The index's files, newest year first, each year's articles newest first.
      const sitemapFiles = await readSitemapText(base);
      seen(`${base}/sitemap.xml and its files`, [sitemapFiles.index, ...sitemapFiles.files].join('\n'));
      const { slugs, lastPage, topicLast } = sitemapFacts(sitemapFiles.text);
      const oldest = slugs.at(-1) ?? newsFiles[0]?.replace(/\.md$/, '');
      const list = [
        ['home', '/'],
        ['news index', '/news'],
        [`news page ${lastPage} (last)`, `/news/page/${lastPage}`],
        ['topics', '/topics'],
        ['topic', '/topics/readiness'],
        [`topic, page ${topicLast} (last)`, topicLast > 1 ? `/topics/readiness/page/${topicLast}` : '/topics/readiness'],
        ['RSS feed', '/news/rss.xml'],
        ['JSON feed', '/news/feed.json'],
        ['topic Atom feed', '/topics/readiness/atom.xml'],
        ['oldest article, 1st request', `/news/${oldest}`],
        ['oldest article, 2nd request', `/news/${oldest}`],
        ['search, 1st (loads the build’s index)', '/search?q=hangar'],
        ['search, 2nd', '/search?q=airfield+lighting'],
      ];
      const measured = [['sitemap.xml', '/sitemap.xml', sitemap]];
      for (const [name, urlPath] of list) measured.push([name, urlPath, await timedFetch(base + urlPath)]);
      for (const [, urlPath, r] of measured) seen(base + urlPath, r.body);
      const searchTimes = await searchLatencies(base, 20, seen);
      // A draft's and a scheduled article's own address, and a search for its sentinel.
      const hiddenPages = [];
      for (const kind of ['draft', 'scheduled']) {
        const article = corpus.hidden.find((h) => h.kind === kind);
        if (!article) continue;
        const page = await timedFetch(`${base}/news/${article.slug}`);
        seen(`${base}/news/${article.slug}`, page.body);
        const searchUrl = `${base}/search?q=${article.sentinel}`;
        seen(searchUrl, (await timedFetch(searchUrl)).body, true);
        hiddenPages.push({ kind, slug: article.slug, status: page.status });
      }
      const rssEnd = treeRss(server.pid);
      checks.push({
        searchIndex: searchIndexOf(result.distDir),
        searchTimes,
        size,
        sitemapUrls: (sitemapFiles.text.match(/<url>/g) ?? []).length,
        sitemapFiles: sitemapFiles.files.length,
        rows: measured.map(([name, urlPath, r]) => [name, shortUrl(urlPath), r.status, formatBytes(Buffer.byteLength(r.body)), `${formatNumber(r.ms)} ms`, r.headers.get('x-nextjs-cache') ?? '']),
        rssStart,
        rssEnd,
        hiddenPages,
        fresh,
      });
    } finally {
      await stop(server);
    }
    const warm = await warmLatencies(label, result.distDir, contentDir, pages, seen);
    log(`scanning the build output and ${fetched.length} fetched pages for the sentinels of ${corpus.hidden.length} hidden articles`);
    const check = checks.at(-1);
    check.warm = warm;
    check.hidden = { drafts: corpus.hidden.filter((h) => h.kind === 'draft').length, scheduled: corpus.hidden.filter((h) => h.kind === 'scheduled').length };
    // The bench's build and .next, where a content step that ignores NEXT_DIST_DIR would write.
    check.scans = [result.distDir, '.next'].map((dir) => ({ dir, ...scanTree(path.join(ROOT, dir), SENTINEL_PREFIX) }));
    check.fetchedCount = fetched.length;
    check.fetchedLeaks = fetchedLeaks(fetched, hiddenSlugs);
  }
  const lines = ['## 1. Scale', ''];
  lines.push(
    `Articles prerendered: the newest \`PRERENDER_ARTICLES\` (${process.env.PRERENDER_ARTICLES ?? 'default 1,000'}); older ones render on first request (docs/decisions/0010-prerendering-at-scale.md). ` +
    'Synthetic corpora from `scripts/bench/make-corpus.mjs` (450–900 words, a lead image and one or two figures, 1–3 of 24 topics, dates over ten years, about 1% drafts and 0.5% scheduled years ahead, each of those with a sentinel word in title and body), read with `CONTENT_DIR`, each built with `npm run build` (prebuild’s content step, then `next build --webpack`) into `.next-bench/corpus-<n>`. ' +
      'Peak RSS: GNU time’s figure is the largest single process; "tree" sums the build’s processes, sampled every second. Output excludes `cache/`.',
    '',
    ...scaleTargets(rows, checks),
  );
  lines.push(
    table(
      ['articles', 'wall', 'peak RSS (process)', 'peak RSS (tree)', 'output', 'build cache', 'articles prerendered', 'article output', 'per prerendered article'],
      rows.map((r) => [
        formatNumber(r.size),
        ...(r.reused ? ['(reused build)', '', ''] : [formatSeconds(r.wallSeconds), formatBytes(r.peakProcessRss), formatBytes(r.peakTreeRss)]),
        formatBytes(r.outputBytes), formatBytes(r.cacheBytes), formatNumber(r.prerenderedArticles), formatBytes(r.articleOutputBytes),
        formatBytes(r.articleOutputBytes / Math.max(1, r.prerenderedArticles)),
      ]),
    ),
    '',
  );
  for (const [i, check] of checks.entries()) {
    const rebuild = rows[i]?.rebuild;
    lines.push(
      `### Pages at ${formatNumber(check.size)} articles`,
      '',
      `Sitemap: ${formatNumber(check.sitemapUrls)} URLs in ${formatNumber(check.sitemapFiles)} files of the index (at most 50,000 each). ` +
        `Server RSS ${formatBytes(check.rssStart)} after start, ${formatBytes(check.rssEnd)} after these requests (the difference is mostly the search index and rendered pages).`,
      '',
      `Search index (decision 0022): ${check.searchIndex.bytes === undefined ? 'no file in the build' : `${formatBytes(check.searchIndex.bytes)} on disk`}` +
        `${check.searchIndex.writes.length > 0 ? `, written ${check.searchIndex.writes.length}× by the build (${check.searchIndex.writes.map((w) => `${formatNumber(w.articles)} articles in ${formatNumber(w.ms)} ms`).join('; ')})` : ''}. ` +
        `${check.searchTimes.length} queries one after another after the first search: p50 ${formatNumber(percentile(check.searchTimes, 50))} ms, p99 ${formatNumber(percentile(check.searchTimes, 99))} ms, max ${formatNumber(Math.max(...check.searchTimes))} ms.`,
      '',
      `Content step: ${contentText(rows[i]?.content)} in the build` +
        `${check.searchIndex.indexFiles.length > 0 ? ` (${check.searchIndex.indexFiles.map((f) => `\`${f.name}\` ${formatBytes(f.bytes)}`).join(', ')})` : ''}; ` +
        (rebuild ? `after editing \`${rebuild.file}\`, the rebuild took ${formatSeconds(rebuild.wallSeconds)} (peak tree RSS ${formatBytes(rebuild.peakTreeRss)}) and its content step ${contentText(rebuild.content)}.` : 'no one-article rebuild (--skip-incremental).'),
      '',
      table(['page', 'URL', 'status', 'size', 'time', 'x-nextjs-cache'], check.rows),
      '',
      `Each page as the first request of its own new standalone server (\`scripts/serve.mjs\`, measured from the moment it listens):`,
      '',
      table(['page', 'URL', 'status', 'time', 'x-nextjs-cache', 'server RSS after'], check.fresh.map((f) => [f.name, shortUrl(f.urlPath), f.status, `${formatNumber(f.ms)} ms`, f.cache, formatBytes(f.rss)])),
      '',
      `The same pages through one standalone server after a ${warmup} s warm-up each (autocannon, ${latencyConnections} connections, ${duration} s per page); server RSS ${formatBytes(check.warm.rss)} after:`,
      '',
      table(['page', 'req/s', 'p50', 'p99', 'requests', 'non-2xx', 'errors'], check.warm.runs.map((r) => [r.name, formatNumber(r.requestsPerSecond), `${r.p50} ms`, `${r.p99} ms`, formatNumber(r.total), r.non2xx, r.errors])),
      '',
      ...leakText(check),
    );
  }
  return lines.join('\n');
}

const contentText = (content) =>
  content ? `parsed ${formatNumber(content.parsed)} of ${formatNumber(content.total)} files (${formatNumber(content.fromCache)} from cache) in ${formatNumber(content.ms)} ms${content.lines > 1 ? ` (the last of ${content.lines} content lines)` : ''}` : 'printed no `content: parsed …` line (n/a)';

function leakCount(check) {
  return check.scans.reduce((n, s) => n + s.hits.length, 0) + check.fetchedLeaks.length + check.hiddenPages.filter((p) => p.status === 200).length;
}

function leakText(check) {
  const hits = check.scans.flatMap((s) => s.hits.map((h) => `\`${path.relative(ROOT, h.file)}\` (${h.sentinels.slice(0, 3).join(', ')}${h.sentinels.length > 3 ? `, … ${h.sentinels.length} in all` : ''})`));
  const lines = [
    `Leak check (${formatNumber(check.hidden.drafts)} drafts, ${formatNumber(check.hidden.scheduled)} scheduled): ` +
      `${check.scans.map((s) => `\`${s.dir}\` ${formatNumber(s.files)} files, ${formatBytes(s.bytes)}`).join('; ')} searched as bytes (gzip files also decompressed), and ${formatNumber(check.fetchedCount)} fetched sitemaps, feeds, listings, articles and search results searched for sentinels and links to hidden articles. ` +
      `${check.hiddenPages.map((p) => `The ${p.kind} article’s own address answered ${p.status}.`).join(' ')} ` +
      (leakCount(check) === 0 ? '**PASS**: nothing found.' : `**FAIL**: ${formatNumber(leakCount(check))} leaks.`),
    '',
  ];
  if (hits.length > 0) lines.push(`Files with sentinels (${hits.length}): ${hits.slice(0, 20).join('; ')}${hits.length > 20 ? '; …' : ''}.`, '');
  if (check.fetchedLeaks.length > 0) lines.push(`Fetched pages with sentinels or hidden links: ${check.fetchedLeaks.slice(0, 20).map((l) => `${l.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, '')} (${l.found.slice(0, 3).join(', ')})`).join('; ')}.`, '');
  return lines;
}

/** Issue 14's targets, one row each, a column per corpus size. */
function scaleTargets(rows, checks) {
  const by = (list, value) => Object.fromEntries(list.map((item) => [item.size, value(item)]));
  const ms = (value) => `${formatNumber(value)} ms`;
  const freshMs = (name) => by(checks, (c) => c.fresh.find((f) => f.name.startsWith(name))?.ms ?? Number.NaN);
  const warmP99 = (name) => by(checks, (c) => c.warm.runs.find((r) => r.name.startsWith(name))?.p99 ?? Number.NaN);
  const built = rows.filter((r) => !r.reused);
  // The starts of the names scalePages gives.
  const pageNames = ['old uncached article', 'last page of /news', 'last page of a topic', 'home', 'search'];
  const targets = [
    { name: 'build time (`npm run build`)', limit: '≤ 10 min, linear', max: 600, maxGrowth: 10, growth: true, values: by(built, (r) => r.wallSeconds), format: formatSeconds },
    { name: 'build peak RSS, process tree', limit: '≤ 2 GB', max: 2 * 1024 ** 3, growth: true, values: by(built, (r) => r.peakTreeRss), format: formatBytes },
    { name: 'one-article rebuild time', limit: 'report', values: by(rows, (r) => r.rebuild?.wallSeconds ?? Number.NaN), format: formatSeconds },
    { name: 'files the one-article rebuild parsed', limit: '1', max: 1, values: by(rows, (r) => r.rebuild?.content?.parsed ?? Number.NaN), format: formatNumber },
    ...pageNames.map((name) => ({ name: `first request of a fresh server: ${name}`, limit: '≤ 1 s', max: 1000, growth: true, values: freshMs(name), format: ms })),
    {
      name: 'answers not 200 among those (fresh and warm)', limit: '0', max: 0,
      values: by(checks, (c) => c.fresh.filter((f) => f.status !== 200).length + c.warm.runs.reduce((n, r) => n + r.non2xx + r.errors, 0)), format: formatNumber,
    },
    { name: 'server RSS after the bench’s requests (largest server)', limit: '≤ 400 MB', max: 400 * 1024 ** 2, growth: true, values: by(checks, (c) => Math.max(c.rssEnd, c.warm.rss, ...c.fresh.map((f) => f.rss))), format: formatBytes },
    ...pageNames.map((name) => ({ name: `warm p99, standalone: ${name}`, limit: '≤ 50 ms', max: 50, values: warmP99(name), format: ms })),
    { name: `search p99, ${SEARCH_QUERIES.length} words one after another`, limit: '≤ 100 ms', max: 100, growth: true, values: by(checks, (c) => percentile(c.searchTimes, 99)), format: ms },
    { name: 'leaks of drafts or scheduled articles', limit: '0', max: 0, values: by(checks, leakCount), format: formatNumber },
  ];
  return [
    `Issue 14’s targets are stated at 100,000 articles; a run without that size judges the sizes it measured. Growth per 10×: how much the figure grows when the article count grows tenfold (10 is linear). ` +
      `Reused builds have no build figures. Warm p99 runs use ${latencyConnections} connections (\`--latency-connections\`).`,
    '',
    targetsTable(sizes, targets),
    '',
  ];
}

// ---------------------------------------------------------------- site build (serving, weight, soak)
let siteBuild;
async function siteBuildOnce() {
  siteBuild ??= await build('site', path.join(ROOT, 'content'));
  return siteBuild;
}

// ---------------------------------------------------------------- 2. Serving
async function servingSection() {
  const { distDir } = await siteBuildOnce();
  const contentDir = path.join(ROOT, 'content');
  const nginxConfig = await nginxConfigRenderer();
  const articleHtml = path.join(ROOT, distDir, 'server', 'app', `${ARTICLE.slice(1)}.html`);
  if (!fs.existsSync(articleHtml)) throw new Error(`bench: no prerendered ${articleHtml}; is the article still prerendered?`);
  const ceilingRoot = path.join(WORK, 'ceiling-root');
  fs.rmSync(ceilingRoot, { recursive: true, force: true });
  fs.mkdirSync(path.join(ceilingRoot, 'news'), { recursive: true });
  fs.copyFileSync(articleHtml, path.join(ceilingRoot, `${ARTICLE.slice(1)}.html`));

  const next = await startNext('serving', distDir, contentDir, PORTS.next);
  const proxy = await startProxy('proxy', nginxConfig, PORTS.next);
  const ceilingDir = path.join(WORK, 'nginx-ceiling');
  const ceiling = await startNginx('ceiling', ceilingConfig({ listenPort: PORTS.ceiling, root: ceilingRoot, workDir: ceilingDir }));
  await waitForHttp(`http://127.0.0.1:${PORTS.proxy}/robots.txt`, 20000, proxy);
  await waitForHttp(`http://127.0.0.1:${PORTS.ceiling}${ARTICLE}`, 20000, ceiling);
  const urls = [
    ['home', '/'],
    ['article', ARTICLE],
    ['news index', '/news'],
    ['search', '/search?q=readiness'],
  ];
  // Search through nginx is rate-limited per client (one load generator is one client): section 5 measures that.
  const targets = [
    ['(a) next start', PORTS.next, urls],
    ['(b) nginx cache → next', PORTS.proxy, urls.filter(([name]) => name !== 'search')],
    ['(c) nginx, static file', PORTS.ceiling, [['article', ARTICLE]]],
  ];
  const results = [];
  try {
    for (const [target, port, list] of targets) {
      for (const [name, urlPath] of list) {
        const url = `http://127.0.0.1:${port}${urlPath}`;
        log(`load: ${target} ${name} (${warmup} s warm-up, ${duration} s)`);
        // One request first: it builds the search index or fills the proxy cache, which the warm-up should not wait for.
        await timedFetch(url);
        await load(url, { duration: warmup });
        const summary = summarizeLoad(await load(url));
        results.push({ target, name, urlPath, ...summary });
      }
    }
  } finally {
    await stop(ceiling);
    await stop(proxy);
    await stop(next);
  }
  const ceilingRps = results.find((r) => r.target.startsWith('(c)'))?.requestsPerSecond ?? Number.NaN;
  const of = (target, name) => results.find((r) => r.target.startsWith(target) && r.name === name)?.requestsPerSecond ?? Number.NaN;
  const lines = [
    '## 2. Serving',
    '',
    `autocannon 9, ${connections} connections, ${duration} s per run after a ${warmup} s warm-up, \`Accept-Encoding: gzip\`, on the same machine as the servers. ` +
      `The site build of \`content/\` (\`.next-bench/site\`). (b) uses ${nginxConfig.source}; search is not run through it, because nginx rate-limits it per client (section 5). (c) is nginx serving the prerendered HTML of the article (\`${ARTICLE}\`) from a file: the ceiling.`,
    '',
    table(
      ['target', 'page', 'req/s', 'p50', 'p99', 'requests', 'non-2xx', 'errors', '÷ (c)'],
      results.map((r) => [r.target, r.name, formatNumber(r.requestsPerSecond), `${r.p50} ms`, `${r.p99} ms`, formatNumber(r.total), r.non2xx, r.errors, ratio(r.requestsPerSecond, ceilingRps)]),
    ),
    '',
    ...(results.some((r) => r.total === 0) ? ['A run with 0 requests had no response complete within the run (each request waits up to 10 s): the server was saturated.', ''] : []),
    `Article: **(a)/(c) = ${ratio(of('(a)', 'article'), ceilingRps)}**, **(b)/(c) = ${ratio(of('(b)', 'article'), ceilingRps)}** (target (b)/(c) ≥ 0.8 with zero errors). ` +
      'For the other pages the last column divides by the same article ceiling.',
    '',
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------- 3. Weight
function assetsOf(html, base) {
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const css = [];
  const js = [];
  const other = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = attr(tag, 'href');
    if (!href) continue;
    if (/\srel="stylesheet"/.test(tag)) css.push(new URL(href, base).href);
    else if (/\srel="preload"/.test(tag) && /\sas="(image|font)"/.test(tag)) other.push(new URL(href, base).href);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (src && !/\snoModule/i.test(tag)) js.push(new URL(src, base).href);
  }
  for (const [tag] of html.matchAll(/<img\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (src) other.push(new URL(src.replace(/&amp;/g, '&'), base).href);
  }
  return { css: [...new Set(css)], js: [...new Set(js)], other: [...new Set(other)] };
}

const gzipSize = (buffer) => zlib.gzipSync(buffer, { level: 6 }).length;

async function weightSection() {
  const { distDir } = await siteBuildOnce();
  const next = await startNext('weight', distDir, path.join(ROOT, 'content'), PORTS.next);
  const base = `http://127.0.0.1:${PORTS.next}`;
  const bytesCache = new Map();
  const bytesOf = async (url) => {
    if (!bytesCache.has(url)) bytesCache.set(url, Buffer.from(await (await fetch(url)).arrayBuffer()));
    return bytesCache.get(url);
  };
  const templates = [
    ['home', '/'],
    ['article', ARTICLE],
    ['news index', '/news'],
    ['topic', '/topics/readiness'],
    ['search', '/search?q=readiness'],
    ['static page', '/about'],
    ['feeds page', '/feeds'],
    ['RSS feed', '/news/rss.xml'],
    ['404', '/no-such-page'],
  ];
  const rows = [];
  try {
    for (const [name, urlPath] of templates) {
      const response = await fetch(base + urlPath);
      const html = Buffer.from(await response.arrayBuffer());
      const assets = response.headers.get('content-type')?.includes('html') ? assetsOf(html.toString('utf8'), base + urlPath) : { css: [], js: [], other: [] };
      const sum = async (list) => {
        let raw = 0;
        let gz = 0;
        for (const url of list) {
          const bytes = await bytesOf(url);
          raw += bytes.length;
          gz += gzipSize(bytes);
        }
        return { raw, gz };
      };
      const css = await sum(assets.css);
      const js = await sum(assets.js);
      rows.push([
        name, `${response.status}`, formatBytes(html.length), formatBytes(gzipSize(html)), formatBytes(css.raw), formatBytes(css.gz), formatBytes(js.raw), formatBytes(js.gz),
        `${1 + assets.css.length + assets.js.length + assets.other.length} (${assets.css.length} CSS, ${assets.js.length} JS, ${assets.other.length} img/font)`,
      ]);
    }
  } finally {
    await stop(next);
  }
  return [
    '## 3. Weight',
    '',
    'Bytes of each page and of the stylesheets and scripts its HTML references (`<link rel=stylesheet>`, `<script src>` without `noModule`), raw and gzip level 6, from `next start`. ' +
      'Requests: the HTML plus what it references (stylesheets, scripts, images, preloaded fonts and images); fonts that CSS loads are not counted here, Lighthouse’s (section 6) are.',
    '',
    table(['template', 'status', 'HTML', 'HTML gzip', 'CSS', 'CSS gzip', 'JS', 'JS gzip', 'requests'], rows),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- 4. Soak
async function soakSection() {
  const { distDir } = await siteBuildOnce();
  const next = await startNext('soak', distDir, path.join(ROOT, 'content'), PORTS.next);
  const base = `http://127.0.0.1:${PORTS.next}`;
  const articlePaths = (await (await fetch(`${base}/sitemap.xml`)).text()).match(/\/news\/[a-z0-9-]+(?=<\/loc>)/g) ?? [ARTICLE];
  const paths = ['/', ...articlePaths.slice(0, 6), '/news', '/news/page/2', '/topics/readiness', '/search?q=readiness', '/search?q=training+norway'];
  const samples = [];
  const interval = quick ? 2 : 5;
  let result;
  try {
    log(`soak: ${soakSeconds} s, ${connections} connections over ${paths.length} URLs`);
    await load(base, { duration: warmup, requests: paths.map((p) => ({ method: 'GET', path: p })) });
    const started = Date.now();
    samples.push({ t: 0, rss: treeRss(next.pid) });
    const sampler = setInterval(() => samples.push({ t: Math.round((Date.now() - started) / 1000), rss: treeRss(next.pid) }), interval * 1000);
    result = await load(base, { duration: soakSeconds, requests: paths.map((p) => ({ method: 'GET', path: p })) });
    clearInterval(sampler);
    samples.push({ t: Math.round((Date.now() - started) / 1000), rss: treeRss(next.pid) });
  } finally {
    await stop(next);
  }
  const summary = summarizeLoad(result);
  const values = samples.map((s) => s.rss);
  const verdict = levelsOff(values);
  const every = Math.max(1, Math.round(samples.length / 12));
  return [
    '## 4. Soak',
    '',
    `${formatSeconds(soakSeconds)} of mixed traffic against \`next start\` (${connections} connections, as fast as the server answers; each connection cycles through ${paths.length} URLs: home, 6 articles, news pages 1 and 2, a topic, two searches). RSS of the server process tree every ${interval} s.`,
    '',
    table(['req/s', 'p50', 'p99', 'requests', 'non-2xx', 'errors'], [[formatNumber(summary.requestsPerSecond), `${summary.p50} ms`, `${summary.p99} ms`, formatNumber(summary.total), summary.non2xx, summary.errors]]),
    '',
    `RSS ${formatBytes(Math.min(...values))} – ${formatBytes(Math.max(...values))}: \`${sparkline(values)}\``,
    '',
    `Last third vs middle third: ${(verdict.growth * 100).toFixed(1)}% — **${verdict.reason}**. Median ${formatBytes(percentile(values, 50))}.`,
    '',
    table(['t (s)', 'RSS'], samples.filter((_, i) => i % every === 0 || i === samples.length - 1).map((s) => [s.t, formatBytes(s.rss)])),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- 5. Attacks
/** One load run against `url` with the app's CPU seconds and RSS around it. */
async function attackRun(name, url, app, options = {}) {
  const rssBefore = treeRss(app.pid);
  const cpuBefore = treeCpuSeconds(app.pid);
  const result = await load(url, options);
  return {
    name, ...summarizeLoad(result), mix: statusMix(result.statusCodeStats), seconds: options.duration ?? duration,
    appCpu: treeCpuSeconds(app.pid) - cpuBefore, rssBefore, rssAfter: treeRss(app.pid),
  };
}

const randomToken = () => Math.random().toString(36).slice(2, 12);

async function attacksSection() {
  const { distDir } = await siteBuildOnce();
  const nginxConfig = await nginxConfigRenderer();
  const next = await startNext('attacks', distDir, path.join(ROOT, 'content'), PORTS.next);
  const proxy = await startProxy('attacks', nginxConfig, PORTS.next);
  const base = `http://127.0.0.1:${PORTS.proxy}`;
  const runs = [];
  try {
    await waitForHttp(`${base}/robots.txt`, 20000, proxy);
    const html = (await timedFetch(base + ARTICLE)).body;
    const image = html.match(/src="(\/_next\/image\?[^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
    if (!image) throw new Error(`bench: ${ARTICLE} has no /_next/image figure`);
    const webp = { 'accept-encoding': 'gzip', accept: 'image/webp,*/*' };
    // Fill the cache first, as real traffic would have.
    await fetch(base + image, { headers: webp }).then((response) => response.arrayBuffer());
    const cookie = { 'accept-encoding': 'gzip', cookie: '__prerender_bypass=made-up' };
    const plan = [
      ['article', ARTICLE, {}],
      ['article, made-up `__prerender_bypass` cookie', ARTICLE, { headers: cookie }],
      ['`/_next/image`, the figure as the page names it', image, { headers: webp }],
      ['`/_next/image` + `&cb=<random>` per request', image, { headers: webp, requests: [{ setupRequest: (request) => ({ ...request, path: `${image}&cb=${randomToken()}` }) }] }],
      ['`/_next/image`, a random width per request', image, { headers: webp, requests: [{ setupRequest: (request) => ({ ...request, path: image.replace(/&w=\d+/, `&w=${100 + Math.floor(Math.random() * 1900)}`) }) }] }],
      ['search, one client', '/search?q=readiness', {}],
      [`unknown slugs \`/news/<random>\`, ${formatSeconds(floodSeconds)}`, '/news/x', { duration: floodSeconds, requests: [{ setupRequest: (request) => ({ ...request, path: `/news/${randomToken()}-${randomToken()}` }) }] }],
    ];
    for (const [name, urlPath, options] of plan) {
      log(`attacks: ${name}`);
      runs.push(await attackRun(name, base + urlPath, next, options));
    }
  } finally {
    await stop(proxy);
    await stop(next);
  }
  const of = (prefix) => runs.find((r) => r.name.startsWith(prefix))?.requestsPerSecond ?? Number.NaN;
  return [
    '## 5. Attacks',
    '',
    `What a few cheap requests do to the site behind ${nginxConfig.source}, all from one client (autocannon, ${connections} connections, ${duration} s per run unless the row says otherwise, no warm-up): ` +
      'a made-up Draft Mode cookie on a public page, cache-busting `/_next/image` (extra parameters, other widths), search, and a flood of unknown article slugs. ' +
      '"app CPU" is the CPU time the Next.js server used during the run (user + system, all its processes); RSS is the server’s, before and after.',
    '',
    table(
      ['run', 'req/s', 'p50', 'p99', 'requests', 'status mix', 'errors', 'app CPU', 'app RSS before → after'],
      runs.map((r) => [
        r.name, formatNumber(r.requestsPerSecond), `${r.p50} ms`, `${r.p99} ms`, formatNumber(r.total), r.mix, r.errors,
        `${r.appCpu.toFixed(1)} s in ${formatSeconds(r.seconds)}`, `${formatBytes(r.rssBefore)} → ${formatBytes(r.rssAfter)}`,
      ]),
    ),
    '',
    `Cookie: **${ratio(of('article, made-up'), of('article'))}** of the cookie-less rate (about 1 when both are cache hits: the public host ignores cookies; before issue 12 the cookie skipped the cache). ` +
      'Image cache-busting should be refused by nginx (400) or rate-limited (429) without the app spending CPU; search past its per-client allowance is 429. ' +
      'Unknown slugs reach the app (each is a new address): the row shows what the app does with them.',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- 6. Lighthouse
function lighthouseVersion() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
}

const LIGHTHOUSE_DIR = path.join(WORK, 'lighthouse');

/** One Lighthouse run, mobile defaults (simulated throttling), its result kept in bench/work/lighthouse/; undefined when it failed. */
async function runLighthouse(url, name) {
  const out = path.join(LIGHTHOUSE_DIR, `${name}.json`);
  fs.rmSync(out, { force: true });
  try {
    await execFileAsync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js'), url, '--quiet', '--output=json', `--output-path=${out}`,
        '--chrome-path=/usr/bin/chromium', '--chrome-flags=--headless=new --no-sandbox', `--port=${PORTS.chrome}`,
        '--only-categories=performance,accessibility,best-practices,seo',
      ],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 180000, maxBuffer: 16 * 1024 * 1024 },
    );
    const lhr = JSON.parse(fs.readFileSync(out, 'utf8'));
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return lhr;
  } catch (error) {
    log(`lighthouse failed for ${url}: ${String(error.stderr || error.message).slice(0, 500)}`);
    return undefined;
  }
}

/** The page, and what its HTML references, once through nginx: Lighthouse then meets a filled cache, as readers do. */
async function warm(url) {
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`bench: ${url} answered ${response.status} through nginx`);
  const assets = assetsOf(html, url);
  for (const asset of [...assets.css, ...assets.js, ...assets.other]) await (await fetch(asset, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
}

const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
const scoreText = (value) => (Number.isFinite(value) ? formatNumber(value, Number.isInteger(value) ? 0 : 1) : 'n/a');

async function lighthouseSection() {
  const { distDir } = await siteBuildOnce();
  const contentDir = path.join(ROOT, 'content');
  const nginxConfig = await nginxConfigRenderer();
  fs.rmSync(LIGHTHOUSE_DIR, { recursive: true, force: true });
  fs.mkdirSync(LIGHTHOUSE_DIR, { recursive: true });
  const app = await startStandalone('lighthouse', distDir, contentDir, PORTS.standalone);
  const proxy = await startProxy('lighthouse', nginxConfig, PORTS.standalone);
  const base = `http://127.0.0.1:${PORTS.proxy}`;
  const started = Date.now();
  let pages;
  const lhrs = new Map();
  try {
    await waitForHttp(`${base}/robots.txt`, 20000, proxy);
    const article = typeof flags['lighthouse-article'] === 'string' ? flags['lighthouse-article'] : undefined;
    pages = lighthousePages((await readSitemapText(base)).text, { article });
    for (const [, urlPath] of pages) await warm(base + urlPath);
    // Pages alternate (home, index, article, topic, home, …): a slow moment of a shared machine
    // then lowers one run of each page rather than every run of one.
    for (let run = 1; run <= lighthouseRuns; run += 1) {
      for (const [name, urlPath] of pages) {
        log(`lighthouse: ${name}, run ${run} of ${lighthouseRuns}`);
        lhrs.set(name, [...(lhrs.get(name) ?? []), await runLighthouse(base + urlPath, `${name.replace(/\W+/g, '-')}-${run}`)]);
      }
    }
  } finally {
    await stop(proxy);
    await stop(app);
  }
  const elapsed = (Date.now() - started) / 1000;
  const results = pages.map(([name, urlPath]) => {
    const { summary, medianLhr } = summarizePage(lhrs.get(name) ?? []);
    const misses = judgePage(summary);
    return { name, urlPath, summary, misses, audits: failingAudits(medianLhr, misses) };
  });
  const failing = results.filter((r) => r.misses.length > 0);
  const t = LIGHTHOUSE_TARGETS;
  const allRuns = [...lhrs.values()].flat().filter(Boolean);
  const cpu = allRuns.map((lhr) => lhr.environment?.benchmarkIndex).filter(Number.isFinite);
  const warnings = [...new Set(allRuns.flatMap((lhr) => lhr.runWarnings ?? []))];
  const lines = [
    '## 6. Lighthouse',
    '',
    `Lighthouse ${lighthouseVersion()}, mobile defaults (Moto G Power viewport, simulated slow 4G and 4× CPU slowdown), Debian Chromium \`--headless=new\`, ` +
      `through ${nginxConfig.source} with gzip, in front of the standalone server (\`scripts/serve.mjs\`) of the site build. ` +
      `${lighthouseRuns} run${lighthouseRuns === 1 ? '' : 's'} per page, pages alternating, nginx’s cache filled first; each figure is the median over the runs ` +
      `(performance also as min–max). The article is ${typeof flags['lighthouse-article'] === 'string' ? 'the one `--lighthouse-article` named' : 'the newest in the sitemap'}. Transfer: bytes over the wire (gzip), all requests; scripts: external script files Lighthouse saw load. ` +
      `Results of every run: \`bench/work/lighthouse/<page>-<run>.json\` (open in https://googlechrome.github.io/lighthouse/viewer/). Took ${formatSeconds(elapsed)}.`,
    '',
    table(
      ['page', 'URL', 'performance', 'min–max', 'accessibility', 'best practices', 'SEO', 'TBT', 'CLS', 'FCP', 'LCP', 'Speed Index', 'transfer', 'scripts', 'runs'],
      results.map(({ name, urlPath, summary: s }) => [
        name, `\`${urlPath}\``, scoreText(s.performance), `${scoreText(s.performanceMin)}–${scoreText(s.performanceMax)}`, scoreText(s.accessibility),
        scoreText(s['best-practices']), scoreText(s.seo), `${formatNumber(s.tbt)} ms`, Number.isFinite(s.cls) ? s.cls.toFixed(3) : 'n/a',
        seconds(s.fcp), seconds(s.lcp), seconds(s.speedIndex), formatBytes(s.transferBytes),
        Number.isFinite(s.scriptCount) ? `${scoreText(s.scriptCount)} (${formatBytes(s.scriptBytes)})` : 'n/a',
        `${s.runs}${s.failedRuns > 0 ? ` (${s.failedRuns} failed)` : ''}`,
      ]),
      ['left', 'left', ...Array(13).fill('right')],
    ),
    '',
    `Lighthouse’s CPU benchmark index of this machine (its \`benchmarkIndex\`; simulated throttling scales the main thread’s measured time, so a busy machine raises TBT): ` +
      `median ${formatNumber(median(cpu))}, ${formatNumber(Math.min(...cpu))}–${formatNumber(Math.max(...cpu))} over the runs. ` +
      (warnings.length === 0 ? 'Lighthouse gave no run warnings.' : `Lighthouse warned: ${warnings.map((w) => `“${w}”`).join(' ')}`),
    '',
    `Targets (issue 13): performance ≥ ${t.performance}, accessibility, best practices and SEO = 100, TBT ≤ ${t.tbtMs} ms, CLS ≤ ${t.cls}, on the medians. ` +
      (failing.length === 0
        ? `**PASS**: all ${results.length} pages.`
        : `**FAIL**: ${failing.length} of ${results.length} pages under target — ${failing.map((r) => `${r.name} (${r.misses.map((m) => m.text).join(', ')})`).join('; ')}.`),
    '',
  ];
  for (const r of failing) {
    lines.push(
      `### What to fix: ${r.name} (\`${r.urlPath}\`, the median run)`,
      '',
      r.audits.length === 0
        ? 'No scored audit below 1 in the categories under target (a run failed, or the score is missing).'
        : table(
          ['audit', 'category', 'score', 'value'],
          r.audits.map((a) => [`\`${a.id}\``, a.category, a.score == null ? 'error' : a.score.toFixed(2), a.displayValue]),
          ['left', 'left', 'right', 'left'],
        ),
      '',
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- main
function header(startedAt, load1) {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const cpu = os.cpus();
  const shownArgs = process.argv.slice(2).filter((arg) => !arg.startsWith('--note='));
  return [
    `# Benchmark ${startedAt.toISOString().slice(0, 10)}`,
    '',
    ...(typeof flags.note === 'string' ? [`> ${flags.note}`, ''] : []),
    `Commit \`${commit}\`, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${formatBytes(os.totalmem())} RAM, ${os.type()} ${os.release()}. ` +
      `Load average at start ${load1.map((v) => v.toFixed(2)).join(' / ')}, at end ${os.loadavg().map((v) => v.toFixed(2)).join(' / ')} (1/5/15 min; above ${cpu.length} the numbers are inflated by other work). ` +
      `Sections: ${[...only].join(', ')}${quick ? ' (quick mode)' : ''}. Command: \`npm run bench${shownArgs.length > 0 ? ` -- ${shownArgs.join(' ')}` : ''}\`.`,
    '',
  ].join('\n');
}

async function main() {
  installCleanup();
  fs.mkdirSync(WORK, { recursive: true });
  const startedAt = new Date();
  const load1 = os.loadavg();
  const sections = [];
  const failures = [];
  const runners = { scale: scaleSection, serving: servingSection, weight: weightSection, soak: soakSection, attacks: attacksSection, lighthouse: lighthouseSection };
  for (const name of SECTIONS) {
    if (!only.has(name)) continue;
    try {
      sections.push(await runners[name]());
    } catch (error) {
      log(`${name} failed: ${error.stack ?? error}`);
      failures.push(name);
      sections.push(`## ${name}\n\n**Failed:** ${String(error.message ?? error).split('\n')[0]}\n`);
      await stopAll();
    }
  }
  const elapsed = (Date.now() - startedAt.getTime()) / 1000;
  const report = `${header(startedAt, load1)}\n${sections.join('\n')}\nTotal benchmark time: ${formatSeconds(elapsed)}.\n`;
  const file = typeof flags.out === 'string' ? path.resolve(flags.out) : path.join(ROOT, 'bench', 'results', `${startedAt.toISOString().slice(0, 10)}${quick ? '-quick' : ''}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, report);
  process.stdout.write(report);
  log(`wrote ${path.relative(ROOT, file)}`);
  await stopAll();
  process.exitCode = failures.length > 0 ? 1 : 0;
}

await main();
