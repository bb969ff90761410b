import { describe, expect, it } from 'vitest';
import { dapScriptSrc } from '../../components/dap-script';
import { USWDS_INIT_SCRIPT, USWDS_INIT_SCRIPT_HASH } from '../../lib/security/headers.js';
import { frameworkTraces, scriptProblems } from './page-scripts';

const BEHAVIOUR = '/assets/uswds.0123456789abcdef.js';
const RULES = { scriptSrc: ["'self'", USWDS_INIT_SCRIPT_HASH], initHash: USWDS_INIT_SCRIPT_HASH, behaviourFile: BEHAVIOUR, dap: false };

/** A page as the document writes it, with `head` and `body` extras. */
function page({ head = '', body = '', init = USWDS_INIT_SCRIPT, behaviour = `<script src="${BEHAVIOUR}" defer=""></script>` } = {}): string {
  return `<!DOCTYPE html><html lang="en"><head><script>${init}</script>${behaviour}${head}</head><body><main>${body}</main></body></html>`;
}

describe('the script check of a public page', () => {
  it('passes the page the document writes: the init script, the deferred behaviour file, JSON-LD', () => {
    const jsonLd = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>';
    expect(scriptProblems(page({ head: jsonLd }), RULES)).toEqual([]);
    expect(frameworkTraces(page())).toEqual([]);
  });

  it('flags any other inline script, and an init script whose text changed', () => {
    expect(scriptProblems(page({ body: '<script>alert(1)</script>' }), RULES)[0]).toMatch(/^an inline script that is not the USWDS init/);
    expect(scriptProblems(page({ init: `${USWDS_INIT_SCRIPT}\n` }), RULES)).toContain('0 USWDS init scripts in <head>, expected 1');
  });

  it('flags an init script the policy does not allow, or one outside <head>', () => {
    expect(scriptProblems(page(), { ...RULES, scriptSrc: ["'self'", "'unsafe-inline'"] })).toContain(
      `the init script's hash ${USWDS_INIT_SCRIPT_HASH} is not in the CSP's script-src`,
    );
    const moved = page({ init: '' }).replace('<main>', `<main><script>${USWDS_INIT_SCRIPT}</script>`);
    expect(scriptProblems(moved, RULES)).toContain('the init script is outside <head>');
  });

  it('flags a behaviour file that is not deferred, missing, or doubled', () => {
    expect(scriptProblems(page({ behaviour: `<script src="${BEHAVIOUR}"></script>` }), RULES)).toEqual([`the behaviour file ${BEHAVIOUR} is not deferred`]);
    expect(scriptProblems(page({ behaviour: '' }), RULES)).toEqual([`0 <script src="${BEHAVIOUR}">, expected 1`]);
    expect(scriptProblems(page({ body: `<script src="${BEHAVIOUR}" defer></script>` }), RULES)).toEqual([`2 <script src="${BEHAVIOUR}">, expected 1`]);
  });

  it("allows DAP's script only when DAP is on", () => {
    const dap = `<script async src="${dapScriptSrc('DOD').replace(/&/g, '&amp;')}" id="_fed_an_ua_tag"></script>`;
    expect(scriptProblems(page({ head: dap }), { ...RULES, dap: true })).toEqual([]);
    expect(scriptProblems(page({ head: dap }), RULES)).toEqual([`a script that is not the site's: ${dapScriptSrc('DOD')}`]);
  });

  it('flags every trace of the Next.js runtime', () => {
    const next = page({
      head: '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js"/><link rel="modulepreload" href="/x.js"/>',
      body: '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script id="__NEXT_DATA__" type="application/json">{}</script>',
    });
    expect(frameworkTraces(next)).toEqual([
      'a /_next/static/chunks/ reference',
      'the inline RSC payload (self.__next_f)',
      '__NEXT_DATA__',
      'a script preload: <link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js"/>',
      'a script preload: <link rel="modulepreload" href="/x.js"/>',
    ]);
  });
});
