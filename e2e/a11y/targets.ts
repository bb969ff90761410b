/**
 * The URLs and states the audit checks. e2e/a11y/discover.ts (the config's globalSetup) finds
 * them on the site under test and writes reports/accessibility/targets.json; the specs read that
 * file when Playwright loads them, so every target gets its own tests (and its own JUnit case).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPORT_DIR = path.join(__dirname, '..', '..', 'reports', 'accessibility');
export const TARGETS_FILE = path.join(REPORT_DIR, 'targets.json');

export type TargetState = 'page' | 'not-found' | 'search-results' | 'later-listing-page' | 'draft-preview';

export interface Target {
  /** Path (and query) to open; for a draft preview, the article path the preview link lands on. */
  path: string;
  template: string;
  state: TargetState;
  expectedStatus: number;
  /** Where the audit learnt of it. */
  source: 'sitemap' | 'crawl' | 'state';
  /** draft-preview only: the slug a fresh preview link is signed for at test time. */
  previewSlug?: string;
}

export interface TargetList {
  baseURL: string;
  discoveredAt: string;
  source: 'sitemap' | 'crawl';
  targets: Target[];
  /** States that could not be checked on this site, with the reason (shown in the summary). */
  notChecked: string[];
}

/** Title of a target in test names and reports: "article /news/foo", "404 /a11y-audit-…". */
export function targetLabel(target: Target): string {
  return `${target.template} ${target.path}`;
}

/**
 * One target per template for the per-template checks: the first the site lists, except that
 * a later page of a list counts as its own state and stands for its template only when alone.
 * The draft in preview is left out: it is the article template with the preview alert on top,
 * and every URL check (axe, structure, reflow) still runs on it. The mode checks on it took a
 * tenth of the audit's time for no page markup the article does not already have.
 */
export function templateRepresentatives(targets: readonly Target[]): Target[] {
  const seen = new Map<string, Target>();
  for (const target of targets) if (!target.previewSlug && !seen.has(target.template)) seen.set(target.template, target);
  return [...seen.values()];
}

export function loadTargets(): TargetList {
  if (!existsSync(TARGETS_FILE)) {
    throw new Error(
      `${path.relative(process.cwd(), TARGETS_FILE)} is missing: the audit's globalSetup (e2e/a11y/discover.ts) writes it. ` +
        'Run the audit with `npm run test:a11y` or `npx playwright test -c playwright.a11y.config.ts`.',
    );
  }
  return JSON.parse(readFileSync(TARGETS_FILE, 'utf8')) as TargetList;
}
