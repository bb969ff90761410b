import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { sealStaffSession, STAFF_COOKIE } from '../../lib/auth/staff-session';
import { PREVIEW_COOKIE, sealPreviewSession } from '../../lib/preview/session';
import { signPreviewToken } from '../../lib/preview/token';
import { unpublishedArticles, type UnpublishedArticle } from './content';
import { filesUnder } from './files';

export const ROOT = path.join(__dirname, '..', '..');

/** Unique strings in the fixture draft and scheduled article: any sighting outside preview is a leak. */
export const DRAFT_SENTINEL = 'DRAFT-SENTINEL-5c1e9a';
export const SCHEDULED_SENTINEL = 'SCHEDULED-SENTINEL-8d2f4b';
export const SENTINELS = [DRAFT_SENTINEL, SCHEDULED_SENTINEL];

export const DRAFT = { slug: 'draft-article-example', path: '/news/draft-article-example', file: 'content/news/draft-article-example.md' };
export const SCHEDULED = {
  slug: 'embargoed-readiness-report-example',
  path: '/news/embargoed-readiness-report-example',
  /** The article's date, 2099-01-01T09:00:00-05:00. */
  publishAt: Date.parse('2099-01-01T14:00:00Z'),
  /** Its lead image, served only once the article is visible. */
  image: '/images/news/embargoed-readiness-report-example/990101-D-ZZ123-1001.jpg',
};

export const DRAFT_MODE_COOKIE = '__prerender_bypass';
export { PREVIEW_COOKIE, STAFF_COOKIE };
const HOUR = 3_600_000;

/**
 * The build's Next.js previewModeId: the value Next's Draft Mode cookie must carry, and its
 * on-demand revalidation secret. Read from the local build, as an attacker who once held a preview
 * cookie of the old design had it.
 */
export function buildPreviewModeId(): string {
  const props = JSON.parse(readFileSync(path.join(ROOT, '.next', 'server', 'preview-props.json'), 'utf8')) as { previewModeId?: string };
  if (!props.previewModeId) throw new Error('.next/server/preview-props.json has no previewModeId: build the site first');
  return props.previewModeId;
}

/** A `newsroom_preview` value for `slug`, sealed as /api/preview would (or expired, or with another secret). */
export function previewSessionCookie(slug: string, options: { expiresAt?: Date; secret?: string } = {}): string {
  return sealPreviewSession(slug, {
    expiresAt: options.expiresAt ?? new Date(Date.now() + HOUR),
    secret: options.secret ?? previewSecret(),
  });
}

/**
 * A `newsroom_staff` value as the staff sign-in would set it: stands in for a signed-in staff member
 * where a test needs the staff view (every draft in listings, /preview).
 */
export function staffSessionCookie(options: { expiresAt?: Date; secret?: string } = {}): string {
  return sealStaffSession(
    { sid: randomBytes(16).toString('base64url'), sub: 'e2e-staff', iss: 'https://e2e.invalid', email: 'staff@e2e.invalid', name: 'E2E Staff' },
    { expiresAt: options.expiresAt ?? new Date(Date.now() + HOUR), secret: options.secret ?? previewSecret() },
  );
}

/**
 * The secret the server under test checks links with. playwright.config.ts puts one in
 * process.env for local runs; a BASE_URL audit has to be given the deployment's.
 */
export function previewSecret(): string {
  const secret = process.env.PREVIEW_SECRET;
  if (!secret) {
    throw new Error('PREVIEW_SECRET is not set: a BASE_URL audit needs the secret of the deployment it tests.');
  }
  return secret;
}

export function previewToken(slug: string, options: { expiresAt?: Date; secret?: string } = {}): string {
  return signPreviewToken({
    slug,
    expiresAt: options.expiresAt ?? new Date(Date.now() + HOUR),
    secret: options.secret ?? previewSecret(),
  });
}

export function previewLink(slug: string, options?: { expiresAt?: Date; secret?: string }): string {
  return `/api/preview?token=${previewToken(slug, options)}`;
}

/** What must never reach the public: the sentinels, and every unpublished title and path. */
export interface LeakNeedle {
  label: string;
  pattern: RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ways a title can be spelled in HTML, JSON and XML. */
function titleSpellings(title: string): string[] {
  const html = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [...new Set([title, html, html.replace(/'/g, '&#x27;'), html.replace(/'/g, '&#39;'), html.replace(/"/g, '&quot;'), JSON.stringify(title).slice(1, -1)])];
}

export function leakNeedles(
  articles: UnpublishedArticle[] = unpublishedArticles(),
  { paths = true }: { paths?: boolean } = {},
): LeakNeedle[] {
  return [
    ...SENTINELS.map((sentinel) => ({ label: sentinel, pattern: new RegExp(escapeRegExp(sentinel)) })),
    ...articles.flatMap((article) => [
      ...titleSpellings(article.title)
        .filter(Boolean)
        .map((spelling) => ({ label: `${article.state} title "${article.title}"`, pattern: new RegExp(escapeRegExp(spelling)) })),
      // Not for the article's own 404: Next's payload names the requested path.
      ...(paths
        ? [{ label: `${article.state} path /news/${article.slug}`, pattern: new RegExp(`/news/${escapeRegExp(article.slug)}(?![a-z0-9-])`) }]
        : []),
    ]),
  ];
}

export function leaksIn(body: string, needles: LeakNeedle[]): string[] {
  return [...new Set(needles.filter((needle) => needle.pattern.test(body)).map((needle) => needle.label))];
}

/** Same-origin paths (with query) linked from an HTML, XML or JSON body. */
export function linkedPaths(body: string, base: string): string[] {
  const origin = new URL(base).origin;
  const hrefs = [...body.matchAll(/\bhref\s*=\s*"([^"]*)"/g)].map((match) => (match[1] ?? '').replace(/&amp;/g, '&'));
  return hrefs.flatMap((href) => {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return [];
    }
    if (url.origin !== origin) return [];
    // Assets are covered by the build-output scan.
    if (/^\/(_next|uswds|images)\//.test(url.pathname) || /\.(css|js|ico|png|jpe?g|gif|webp|avif|svg|woff2?)$/.test(url.pathname)) {
      return [];
    }
    return [url.pathname + url.search];
  });
}

export interface Fetched {
  path: string;
  status: number;
  body: string;
  setCookie: string | undefined;
}

/**
 * Every same-origin page reachable from `seeds` by links, fetched without a cookie (breadth
 * first, at most `limit` pages). Covers pages that do not exist yet (topic pages, related
 * stories, search) as soon as something links to them.
 */
export async function crawl(request: APIRequestContext, base: string, seeds: string[], limit = 200): Promise<Fetched[]> {
  const seen = new Set<string>(seeds);
  const queue = [...seeds];
  const fetched: Fetched[] = [];
  while (queue.length > 0 && fetched.length < limit) {
    const next = queue.shift()!;
    const response = await request.get(next, { maxRedirects: 0 });
    const body = await response.text();
    fetched.push({ path: next, status: response.status(), body, setCookie: response.headers()['set-cookie'] });
    if (response.status() !== 200) continue;
    for (const linked of linkedPaths(body, base)) {
      if (seen.has(linked)) continue;
      seen.add(linked);
      queue.push(linked);
    }
  }
  return fetched;
}

/** Images are binary; everything else (.html .rsc .body .meta .json .js .txt .xml …) is scanned. */
const BINARY_IMAGE = /\.(jpe?g|png|gif|webp|avif|ico|bmp|tiff?)$/i;

/** Text files below `dir`: images are binary, everything else (.html .rsc .body .meta .json .js …) is scanned. */
export function textFilesUnder(dir: string, skip: (full: string) => boolean = () => false): string[] {
  return filesUnder(dir, skip).filter((file) => !BINARY_IMAGE.test(file));
}

/** `needle` in each file's bytes (so encoding never hides it), as "file: needle" lines. */
export function filesContaining(files: string[], needles: string[]): string[] {
  const buffers = needles.map((needle) => [needle, Buffer.from(needle, 'utf8')] as const);
  return files.flatMap((file) => {
    const bytes = readFileSync(file);
    return buffers.filter(([, needle]) => bytes.includes(needle)).map(([needle]) => `${path.relative(ROOT, file)}: ${needle}`);
  });
}

export interface SecondServer {
  child: ChildProcess;
  baseURL: string;
  /** Date.now() just before the spawn: the server's clock module cannot have started earlier. */
  spawnedAt: number;
  /** Everything the server wrote, for the failure message. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The standalone server (scripts/serve.mjs) on another port with extra environment. Detached, so stop() can end its whole
 * process group by the leader's id.
 */
export function startSecondServer(port: number, env: Record<string, string>): SecondServer {
  let output = '';
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [path.join('scripts', 'serve.mjs')], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const group = -child.pid;
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      return;
    }
    const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
    if (!stopped) {
      try {
        process.kill(group, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    }
  };
  return { child, baseURL: `http://127.0.0.1:${port}`, spawnedAt, output: () => output, stop };
}
