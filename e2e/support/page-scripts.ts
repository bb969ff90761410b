import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DAP_SCRIPT_URL } from '../../components/dap-script';

const ROOT = path.join(__dirname, '..', '..');

/** public/assets/manifest.json, written by the assets build (decision 0018). */
export interface AssetManifest {
  stylesheet: string;
  script: string;
  preloads: Array<{ href: string; as: string; type?: string }>;
}

export const MANIFEST_FILE = path.join(ROOT, 'public', 'assets', 'manifest.json');

export function assetManifest(): AssetManifest {
  if (!existsSync(MANIFEST_FILE)) throw new Error(`${MANIFEST_FILE} does not exist: the assets build did not run`);
  const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Partial<AssetManifest>;
  for (const field of ['stylesheet', 'script'] as const) {
    if (typeof manifest[field] !== 'string' || !manifest[field].startsWith('/assets/')) {
      throw new Error(`${MANIFEST_FILE}: "${field}" must be a path under /assets/, got ${JSON.stringify(manifest[field])}`);
    }
  }
  return manifest as AssetManifest;
}

/** Name → value of an HTML start tag's attributes (a bare attribute has the value ''). */
export function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const inside = tag.replace(/^<[a-z]+/i, '').replace(/\/?>$/, '');
  for (const match of inside.matchAll(/([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attributes.set((match[1] ?? '').toLowerCase(), (match[2] ?? match[3] ?? match[4] ?? '').replace(/&amp;/g, '&'));
  }
  return attributes;
}

export interface PageScript {
  attributes: Map<string, string>;
  /** The element's text, exactly as in the HTML (what a CSP hash is computed over). */
  text: string;
  /** Whether it sits in <head>. */
  inHead: boolean;
}

export function scriptsIn(html: string): PageScript[] {
  const headEnd = html.search(/<\/head>/i);
  return [...html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi)].map((match) => ({
    attributes: attributesOf(match[1] ?? ''),
    text: match[2] ?? '',
    inHead: headEnd >= 0 && (match.index ?? 0) < headEnd,
  }));
}

/** CSP hash-source of an inline script's text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Traces of the Next.js client runtime in a page: any one means the framework ships again. */
export function frameworkTraces(html: string): string[] {
  const traces: string[] = [];
  if (html.includes('/_next/static/chunks/')) traces.push('a /_next/static/chunks/ reference');
  if (html.includes('self.__next_f')) traces.push('the inline RSC payload (self.__next_f)');
  if (html.includes('__NEXT_DATA__')) traces.push('__NEXT_DATA__');
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const link = attributesOf(match[0]);
    const rel = (link.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('modulepreload') || (rel.includes('preload') && link.get('as') === 'script')) traces.push(`a script preload: ${match[0]}`);
  }
  return traces;
}

export interface ScriptRules {
  /** script-src of the page's Content-Security-Policy. */
  scriptSrc: string[];
  /** The hash-source of USWDS_INIT_SCRIPT (lib/security/headers.js). */
  initHash: string;
  /** The behaviour file's path, from the asset manifest. */
  behaviourFile: string;
  /** DAP is configured and the page is public (never in preview). */
  dap: boolean;
}

/**
 * What is wrong with a page's scripts: the only ones allowed are the inline USWDS init in <head>
 * (allowed by its hash in the page's own CSP), the behaviour file (external, deferred, under
 * /assets/), DAP's script when DAP is on, and JSON-LD data blocks (not run: metadata, decision 0007).
 */
export function scriptProblems(html: string, rules: ScriptRules): string[] {
  const problems: string[] = [];
  let init = 0;
  let behaviour = 0;
  for (const script of scriptsIn(html)) {
    const src = script.attributes.get('src');
    const type = script.attributes.get('type');
    if (type === 'application/ld+json' && src === undefined) {
      try {
        JSON.parse(script.text);
      } catch {
        problems.push(`a JSON-LD block that is not JSON: ${script.text.slice(0, 80)}`);
      }
      continue;
    }
    if (src === undefined) {
      const hash = hashSource(script.text);
      if (hash !== rules.initHash) problems.push(`an inline script that is not the USWDS init (${hash}): ${script.text.slice(0, 80)}`);
      else if (!rules.scriptSrc.includes(hash)) problems.push(`the init script's hash ${hash} is not in the CSP's script-src`);
      else if (!script.inHead) problems.push('the init script is outside <head>');
      else init += 1;
      continue;
    }
    if (src === rules.behaviourFile) {
      if (!src.startsWith('/assets/')) problems.push(`the behaviour file ${src} is not under /assets/`);
      if (!script.attributes.has('defer')) problems.push(`the behaviour file ${src} is not deferred`);
      if (script.text.trim() !== '') problems.push(`the behaviour file's element has inline text`);
      behaviour += 1;
      continue;
    }
    if (rules.dap && src.startsWith(`${DAP_SCRIPT_URL}?`)) continue;
    problems.push(`a script that is not the site's: ${src}`);
  }
  if (init !== 1) problems.push(`${init} USWDS init scripts in <head>, expected 1`);
  if (behaviour !== 1) problems.push(`${behaviour} <script src="${rules.behaviourFile}">, expected 1`);
  return problems;
}

/** Directive → sources of a Content-Security-Policy header. */
export function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
