/**
 * Public pages ship no framework JavaScript (issue 13, decisions 0017 and 0019): every public
 * template, and a page in preview, is complete HTML whose only scripts are the inline USWDS init
 * (allowed by its hash in the Content-Security-Policy), the site's behaviour file, and DAP's when
 * configured. Then the byte budgets, and a Chromium pass over every template with the strict policy:
 * no violation, the banner and the mobile menu working.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { siteConfig } from '../lib/site-config';
import { DAP_ORIGINS, USWDS_INIT_SCRIPT, USWDS_INIT_SCRIPT_HASH } from '../lib/security/headers.js';
import { expect, NOT_FOUND_RESOURCE, test, waitForUswds } from './fixtures';
import { filesUnder } from './support/files';
import { assetManifest, frameworkTraces, hashSource, parseCsp, scriptProblems, scriptsIn } from './support/page-scripts';
import { DRAFT, previewLink } from './support/preview';
import { seed } from './support/seed';
import { nginxGzipLevel, publicTemplates, type Template } from './support/templates';

// Byte budgets, in bytes of gzip at the level the documented nginx serves (gzip_comp_level, read
// from deploy/nginx/newsroom.conf).
const CSS_BUDGET = 20_000;
const SCRIPT_BUDGET = 5_000;
const ARTICLE_HTML_BUDGET = 6_000;

const ROOT = path.join(__dirname, '..');
const GZIP_LEVEL = nginxGzipLevel();
const DAP = !!siteConfig.analytics.dapAgency;

const gzipSize = (body: Buffer | string) => gzipSync(body, { level: GZIP_LEVEL }).length;

interface Page {
  template: Template;
  response: APIResponse;
  html: string;
}

async function fetchPage(request: APIRequestContext, template: Template): Promise<Page> {
  const response = await request.get(template.path, { maxRedirects: 0 });
  return { template, response, html: await response.text() };
}

/** What is wrong with a page's Content-Security-Policy, against decision 0019. */
function policyProblems(header: string | undefined): string[] {
  if (!header) return ['no Content-Security-Policy'];
  const csp = parseCsp(header);
  const problems: string[] = [];
  const expectDirective = (name: string, sources: string[]) => {
    const actual = csp.get(name);
    if (JSON.stringify(actual) !== JSON.stringify(sources)) problems.push(`${name} is ${JSON.stringify(actual)}, expected ${JSON.stringify(sources)}`);
  };
  if (header.includes("'unsafe-inline'")) problems.push(`'unsafe-inline' in ${header}`);
  if (header.includes("'unsafe-eval'")) problems.push(`'unsafe-eval' in ${header}`);
  for (const name of ['style-src-attr', 'style-src-elem', 'script-src-attr', 'script-src-elem']) {
    if (csp.has(name)) problems.push(`${name} is set (${csp.get(name)?.join(' ')}): it would override script-src/style-src`);
  }
  expectDirective('script-src', ["'self'", USWDS_INIT_SCRIPT_HASH, ...(DAP ? DAP_ORIGINS.script : [])]);
  expectDirective('style-src', ["'self'"]);
  expectDirective('object-src', ["'none'"]);
  expectDirective('base-uri', ["'none'"]);
  expectDirective('frame-ancestors', ["'none'"]);
  expectDirective('default-src', ["'self'"]);
  return problems;
}

/** The behaviour file's path, or why there is none. */
function behaviourFile(): { file: string } | { problem: string } {
  try {
    return { file: assetManifest().script };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Inline styles the policy (style-src 'self', no style-src-attr) would refuse in a browser. */
function inlineStyles(html: string): string[] {
  return [
    ...[...html.matchAll(/<style\b[^>]*>/gi)].map((match) => `a <style> element: ${match[0]}`),
    ...[...html.matchAll(/<[a-z][^>]*\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)[^>]*>/gi)].map((match) => `a style attribute: ${match[0].slice(0, 120)}`),
  ];
}

/** What is wrong with one page: framework traces, its policy, its scripts and inline styles. */
function pageProblems(page: Page, { dap }: { dap: boolean }): string[] {
  const header = page.response.headers()['content-security-policy'];
  const behaviour = behaviourFile();
  return [
    ...(page.response.status() === page.template.status ? [] : [`status ${page.response.status()}, expected ${page.template.status}`]),
    ...(page.response.headers()['content-type']?.startsWith('text/html') ? [] : [`content-type ${page.response.headers()['content-type']}`]),
    ...frameworkTraces(page.html),
    ...policyProblems(header),
    ...inlineStyles(page.html),
    ...('problem' in behaviour
      ? [behaviour.problem]
      : scriptProblems(page.html, {
          scriptSrc: parseCsp(header ?? '').get('script-src') ?? [],
          initHash: USWDS_INIT_SCRIPT_HASH,
          behaviourFile: behaviour.file,
          dap,
        })),
  ];
}

test.describe('public pages ship no framework JavaScript', () => {
  test('every public template: no Next.js runtime or payload, only the init script, the behaviour file (and DAP)', async ({ request }) => {
    const templates = await publicTemplates(request);
    const report: string[] = [];
    for (const template of templates) {
      const page = await fetchPage(request, template);
      const problems = pageProblems(page, { dap: DAP });
      report.push(`${template.name} ${template.path}: ${problems.length === 0 ? 'ok' : problems.join('; ')}`);
      expect.soft(problems, `${template.name} ${template.path}`).toEqual([]);
    }
    await test.info().attach('templates.txt', { body: report.join('\n'), contentType: 'text/plain' });
    expect(templates.map((t) => t.name)).toEqual(expect.arrayContaining(['home', 'article', 'topic', 'search', '404 unknown article']));
  });

  test('a page in preview (Draft Mode) ships none either, and never DAP', async ({ playwright, baseURL }) => {
    // A context of its own: the preview cookies must not reach the other tests' requests.
    const staff = await playwright.request.newContext({ baseURL });
    try {
      const link = await staff.get(previewLink(DRAFT.slug), { maxRedirects: 0 });
      expect(link.status(), 'the preview link starts a session').toBe(307);
      for (const template of [
        { name: 'draft in preview', path: DRAFT.path, status: 200 },
        { name: 'home in preview', path: '/', status: 200 },
      ]) {
        const page = await fetchPage(staff, template);
        expect(page.response.headers()['cache-control'] ?? '', `${template.name}: a preview render`).toMatch(/no-store/);
        expect.soft(pageProblems(page, { dap: false }), template.name).toEqual([]);
      }
    } finally {
      await staff.dispose();
    }
  });

  test('the inline init script is byte for byte the one the policy hashes', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const inline = scriptsIn(html).filter((script) => !script.attributes.has('src') && script.attributes.get('type') !== 'application/ld+json');
    expect(inline.map((script) => script.text)).toEqual([USWDS_INIT_SCRIPT]);
    expect(hashSource(inline[0]?.text ?? '')).toBe(USWDS_INIT_SCRIPT_HASH);
  });

  test('no component is a client component: nothing asks for the React runtime in the browser', () => {
    const sources = ['app', 'components', 'lib'].flatMap((dir) =>
      filesUnder(path.join(ROOT, dir)).filter((file) => /\.(tsx?|jsx?|mjs)$/.test(file) && !/\.test\./.test(file)),
    );
    const clientFiles = sources
      .filter((file) => /^\s*(['"])use client\1/m.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
      .sort();
    expect(clientFiles).toEqual([]);
  });
});

test.describe(`byte budgets (gzip level ${GZIP_LEVEL}, as nginx serves)`, () => {
  test(`every template loads at most ${CSS_BUDGET} B of CSS`, async ({ request }) => {
    const report: string[] = [];
    for (const template of await publicTemplates(request)) {
      const html = await (await request.get(template.path)).text();
      const hrefs = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((match) => /\bhref="([^"]+)"/.exec(match[0])?.[1] ?? '');
      expect.soft(hrefs.length, `${template.name}: stylesheets`).toBeGreaterThan(0);
      let total = 0;
      for (const href of hrefs) {
        const response = await request.get(href);
        expect.soft(response.status(), href).toBe(200);
        total += gzipSize(await response.body());
      }
      report.push(`${template.name} ${template.path}: ${hrefs.join(', ')} ${total} B gzip`);
      expect.soft(total, `${template.name}: CSS gzip`).toBeLessThanOrEqual(CSS_BUDGET);
    }
    console.log(report.join('\n'));
    await test.info().attach('css.txt', { body: report.join('\n'), contentType: 'text/plain' });
  });

  test(`the behaviour file is at most ${SCRIPT_BUDGET} B`, async ({ request }) => {
    const file = assetManifest().script;
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()['content-type'] ?? '', file).toMatch(/javascript/);
    const body = await response.body();
    console.log(`behaviour file ${file}: ${body.length} B raw, ${gzipSize(body)} B gzip`);
    expect(gzipSize(body)).toBeLessThanOrEqual(SCRIPT_BUDGET);
  });

  test(`the seed article's HTML is at most ${ARTICLE_HTML_BUDGET} B`, async ({ request }) => {
    const response = await request.get(seed.path);
    expect(response.status()).toBe(200);
    const body = await response.body();
    console.log(`article HTML ${seed.path}: ${body.length} B raw, ${gzipSize(body)} B gzip`);
    expect(gzipSize(body)).toBeLessThanOrEqual(ARTICLE_HTML_BUDGET);
  });
});

test.describe('the strict Content-Security-Policy in Chromium', () => {
  test('no template breaks a rule of the policy; the banner and the 390 px menu work', async ({ page, request, consoleErrors }) => {
    test.setTimeout(180_000);
    consoleErrors.allow(NOT_FOUND_RESOURCE);
    const templates = await publicTemplates(request);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
      });
    });
    const cspConsole: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) cspConsole.push(message.text());
    });
    // Taken, not just read, so each check reports only what happened since the last.
    const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.splice(0));
    const visits = [...templates, { name: 'draft in preview', path: previewLink(DRAFT.slug), status: 200 }];
    for (const template of visits) {
      const label = `${template.name} ${template.path.slice(0, 60)}`;
      const response = await page.goto(template.path);
      expect.soft(response?.status(), `${label}: status`).toBe(template.status);
      await waitForUswds(page);
      // Lazy figures and fonts load while scrolling.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      // Images that are not shown (the collapsed banner's icons, the closed menu's) are lazy and wait to be.
      await page.waitForFunction(() => [...document.images].every((image) => image.complete || !image.checkVisibility()));
      await page.evaluate(() => window.scrollTo(0, 0));

      expect.soft(await violations(), `${label}: securitypolicyviolation events on load`).toEqual([]);
      expect.soft(cspConsole.splice(0), `${label}: CSP errors in the console on load`).toEqual([]);

      const banner = page
        .getByRole('region', { name: 'Official website of the United States government' })
        .getByRole('button', { name: 'Here’s how you know' });
      await expect(banner, `${label}: banner closed`).toHaveAttribute('aria-expanded', 'false');
      await banner.click();
      await expect(banner, `${label}: the banner opens`).toHaveAttribute('aria-expanded', 'true');

      // USWDS shows the phone menu by adding is-visible to .usa-nav (usa-header.js).
      const nav = page.locator('.usa-nav');
      await expect(nav, `${label}: the menu starts closed`).toBeHidden();
      await page.getByRole('button', { name: 'Menu', exact: true }).click();
      await expect(nav, `${label}: the menu opens`).toBeVisible();
      await expect(nav).toHaveClass(/\bis-visible\b/);
      await nav.getByRole('button', { name: 'Close' }).click();
      await expect(nav, `${label}: the menu closes`).toBeHidden();

      expect.soft(await violations(), `${label}: securitypolicyviolation events after the banner and menu`).toEqual([]);
      expect.soft(cspConsole.splice(0), `${label}: CSP errors in the console after the banner and menu`).toEqual([]);
    }
    await expect(page.getByRole('region', { name: 'Draft preview' }), 'the last page is the draft in preview').toBeVisible();
  });
});
