/**
 * The one fixture every spec imports: Playwright's `test`/`expect` plus
 *  - `axe()` / `expectNoAxeViolations(page, label)`: the accessibility check (WCAG 2.0–2.2 A/AA);
 *  - `blockScripts(page)`: the "no JavaScript" mode. AxeBuilder hangs with javaScriptEnabled:false,
 *    so instead the page's own bundles are aborted and only inline scripts run;
 *  - `consoleErrors`: every console error and uncaught page error fails the test, unless the test
 *    allows it by pattern (the 404 page's "Failed to load resource: … 404" is the known case).
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { exceptionFor } from './a11y/exceptions';

export { expect };

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Chromium's console line for a 404 response (including the 404 page's own document). */
export const NOT_FOUND_RESOURCE = /Failed to load resource: the server responded with a status of 404/;
/** What Chromium logs for each request aborted by blockScripts. */
const ABORTED_REQUEST = /Failed to load resource: net::ERR_FAILED/;

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.html.replace(/\s+/g, ' ').slice(0, 300)}`)
        .join('\n');
      return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

export function makeAxeBuilder(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).withTags(WCAG_TAGS);
}

/**
 * Runs axe on the page as it is now, attaches the full results as JSON, and fails with one
 * readable entry per violation (rule id, impact, help, each node's selector and HTML).
 */
export async function expectNoAxeViolations(
  page: Page,
  label: string,
  testInfo: TestInfo = base.info(),
  /** CSS selector to limit the scan to (default: the whole page). */
  include?: string,
): Promise<void> {
  const builder = makeAxeBuilder(page);
  if (include) builder.include(include);
  const results = await builder.analyze();
  await testInfo.attach(`axe ${label}.json`, {
    body: JSON.stringify(results, null, 2),
    contentType: 'application/json',
  });
  const violations = results.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((node) => !exceptionFor(v.id, node.target.join(' '), new URL(page.url()).pathname)) }))
    .filter((v) => v.nodes.length > 0);
  // Compare short "rule: target" strings; the full results are in the attachment.
  expect(
    violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`)),
    `axe found ${violations.length} violation(s) on ${label} (${page.url()}):\n${describeViolations(violations)}`,
  ).toEqual([]);
}

export interface ConsoleErrors {
  /** Messages collected so far (console errors and uncaught page errors). */
  readonly messages: string[];
  /** Do not fail the test for messages matching this pattern. */
  allow(pattern: RegExp): void;
}

/** Waits until the USWDS behaviours have run (they remove `usa-js-loading` from <html>). */
export async function waitForUswds(page: Page): Promise<void> {
  await page.locator('html:not(.usa-js-loading)').waitFor({ state: 'attached' });
}

/** Visible and at least partly inside the viewport horizontally (USWDS hides with left:-999em). */
export async function isOnScreen(locator: Locator): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  const box = await locator.boundingBox();
  const width = locator.page().viewportSize()?.width ?? 0;
  return !!box && box.width > 0 && box.height > 0 && box.x + box.width > 0 && box.x < width;
}

interface Fixtures {
  /** `new AxeBuilder({ page }).withTags(WCAG_TAGS)` for the test's page (or another page). */
  axe: (target?: Page) => AxeBuilder;
  expectNoAxeViolations: (page: Page, label: string, include?: string) => Promise<void>;
  /** Abort the site's own script bundles for this page: the no-JS mode. Call before goto. */
  blockScripts: (page: Page) => Promise<void>;
  consoleErrors: ConsoleErrors;
}

// Fixture callbacks name Playwright's `use` argument `provide`: eslint's React rules mistake `use` for the hook.
export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ context }, provide, testInfo) => {
      const messages: string[] = [];
      const allowed: RegExp[] = [];
      context.on('console', (message) => {
        if (message.type() !== 'error') return;
        const { url, lineNumber } = message.location();
        messages.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
      });
      context.on('weberror', (webError) => {
        const error = webError.error();
        messages.push(`pageerror: ${error.stack ?? error.message}`);
      });
      await provide({
        messages,
        allow: (pattern) => {
          allowed.push(pattern);
        },
      });
      const unexpected = messages.filter((m) => !allowed.some((pattern) => pattern.test(m)));
      if (messages.length > 0) {
        await testInfo.attach('console errors.txt', { body: messages.join('\n'), contentType: 'text/plain' });
      }
      if (unexpected.length > 0) {
        throw new Error(`The page logged ${unexpected.length} unexpected error(s):\n${unexpected.join('\n')}`);
      }
    },
    { auto: true },
  ],

  axe: async ({ page }, provide) => {
    await provide((target = page) => makeAxeBuilder(target));
  },

  expectNoAxeViolations: async ({}, provide, testInfo) => {
    await provide((page, label, include) => expectNoAxeViolations(page, label, testInfo, include));
  },

  blockScripts: async ({ consoleErrors }, provide) => {
    await provide(async (page) => {
      consoleErrors.allow(ABORTED_REQUEST);
      await page.route('**/_next/static/**/*.js', (route) => route.abort());
    });
  },
});
