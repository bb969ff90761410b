/**
 * What the proxy (proxy.ts) does for preview, before Next sees the request. No `server-only`: the
 * proxy bundle is not a React Server Component.
 *
 * Next's Draft Mode cookie (`__prerender_bypass`) carries the build's `previewModeId`, which is
 * also Next's on-demand revalidation secret (`x-prerender-revalidate`), and Next skips the proxy
 * entirely for a request that carries that header with the right value (next-server.js
 * `runMiddleware`). So the value must never reach a browser: the site's own sealed cookies are the
 * credential, and the proxy adds `__prerender_bypass` to the *request* only, for the one request
 * that carries one of them on the preview host. Whatever bypass cookie or revalidation header a
 * client sends is removed. See docs/decisions/0012-preview-link-sessions.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STAFF_COOKIE } from '../auth/staff-session';
import { decidePreviewAccess } from './decide-access';
import { PREVIEW_COOKIE } from './session';

export const DRAFT_MODE_COOKIE = '__prerender_bypass';
/** Next's on-demand revalidation headers: never accepted from outside. */
export const REVALIDATE_HEADERS = ['x-prerender-revalidate', 'x-prerender-revalidate-if-generated'] as const;

let cachedId: string | undefined;

/**
 * The build's previewModeId, from `<distDir>/server/preview-props.json` (where Next's server reads
 * it). The standalone server runs in its own folder, `next start` in the project: both are the cwd.
 * `next dev` writes its own, made at start, under `<distDir>/dev`.
 */
export function previewModeId(): string | undefined {
  if (cachedId) return cachedId;
  const distDir = path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next');
  const file = path.join(distDir, process.env.NODE_ENV === 'development' ? 'dev' : '', 'server', 'preview-props.json');
  try {
    const id: unknown = (JSON.parse(readFileSync(file, 'utf8')) as { previewModeId?: unknown }).previewModeId;
    if (typeof id === 'string' && /^[0-9a-f]{16,}$/.test(id)) cachedId = id;
    else console.error(`Preview: ${file} has no previewModeId; preview stays off.`);
  } catch (error) {
    console.error(`Preview: cannot read ${file} (${error instanceof Error ? error.message : String(error)}); preview stays off.`);
  }
  return cachedId;
}

/** A Cookie header without `names`, plus `add` when given. */
export function rewriteCookieHeader(header: string | null, names: readonly string[], add?: string): string {
  const kept = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !names.includes(part.slice(0, part.indexOf('=') === -1 ? part.length : part.indexOf('=')).trim()));
  if (add) kept.push(add);
  return kept.join('; ');
}

export interface GateInput {
  host: string | null;
  previewCookie: string | undefined;
  staffCookie: string | undefined;
  previewHost: string | undefined;
  secret: string | undefined;
  now: Date;
}

export interface GateResult {
  /** Turn Draft Mode on for this request (the page renders per request and decides). */
  draftMode: boolean;
  /** Preview cookies that grant nothing: the response deletes them. */
  clear: string[];
}

/**
 * Whether this request renders in Draft Mode: only when it carries one of the site's preview
 * cookies on the preview host. Expired, forged or old-secret cookies render too (the page shows
 * "This preview link has expired") and are deleted in the response. Revocation of staff sessions
 * is checked by the page, not here.
 */
export function gatePreview(input: GateInput): GateResult {
  const access = decidePreviewAccess({
    draftMode: true,
    host: input.host,
    previewHost: input.previewHost,
    secret: input.secret,
    now: input.now,
    previewCookie: input.previewCookie,
    staffCookie: input.staffCookie,
  });
  if (access.kind === 'public') return { draftMode: false, clear: [] };
  if (access.kind === 'expired') {
    return {
      draftMode: true,
      clear: [...(input.previewCookie ? [PREVIEW_COOKIE] : []), ...(input.staffCookie ? [STAFF_COOKIE] : [])],
    };
  }
  return { draftMode: true, clear: [] };
}
