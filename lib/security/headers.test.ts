import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  LOCAL_HOST,
  scriptHashSource,
  securityHeaderRules,
  serializePolicy,
  USWDS_INIT_SCRIPT,
  USWDS_INIT_SCRIPT_HASH,
} from './headers.js';

const local = new RegExp(`^${LOCAL_HOST}$`);

describe('security headers', () => {
  it('allows only the site itself and the USWDS init script, by its hash, when DAP is off', () => {
    expect(serializePolicy(contentSecurityPolicy())).toBe(
      `default-src 'self'; script-src 'self' ${USWDS_INIT_SCRIPT_HASH}; style-src 'self'; ` +
        "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'",
    );
  });

  it("never allows inline scripts or inline styles wholesale ('unsafe-inline')", () => {
    for (const options of [{}, { dap: true }, { development: true }, { https: true }, { dap: true, development: true, https: true }]) {
      const policy = contentSecurityPolicy(options);
      expect(Object.values(policy).flat(), JSON.stringify(options)).not.toContain("'unsafe-inline'");
      expect(policy, JSON.stringify(options)).not.toHaveProperty('style-src-attr');
      expect(policy, JSON.stringify(options)).not.toHaveProperty('script-src-attr');
    }
  });

  it('hashes the init script the way browsers do: base64 SHA-256 of its exact text', () => {
    // Computed here independently of headers.js, from the script as the layout wrote it before issue 13.
    const script =
      "(function(){var c='usa-js-loading',d=document.documentElement;d.classList.add(c);" + 'setTimeout(function(){d.classList.remove(c)},8000)})();';
    expect(USWDS_INIT_SCRIPT).toBe(script);
    expect(USWDS_INIT_SCRIPT_HASH).toBe(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    // The value for this text, so a change to it is a visible change to the policy.
    expect(USWDS_INIT_SCRIPT_HASH).toBe("'sha256-gXS6vskDLKjXI7C2WTPoTkhcnAu9AUResmi56oGONS0='");
    // One character more (a trailing newline a formatter might add) is another script.
    expect(scriptHashSource(`${script}\n`)).not.toBe(USWDS_INIT_SCRIPT_HASH);
  });

  it("adds DAP's origins only when DAP is on", () => {
    const policy = contentSecurityPolicy({ dap: true });
    expect(policy['script-src']).toEqual(["'self'", USWDS_INIT_SCRIPT_HASH, 'https://dap.digitalgov.gov', 'https://www.googletagmanager.com']);
    expect(policy['img-src']).toContain('https://*.google-analytics.com');
    expect(policy['connect-src']).toContain('https://*.analytics.google.com');
    expect(policy['connect-src']).toContain('https://*.googletagmanager.com');
    expect(Object.values(contentSecurityPolicy()).flat().filter((source) => source.startsWith('https:'))).toEqual([]);
  });

  it("allows 'unsafe-eval' and the HMR socket in next dev only", () => {
    expect(contentSecurityPolicy({ development: true })['script-src']).toContain("'unsafe-eval'");
    expect(Object.values(contentSecurityPolicy()).flat()).not.toContain("'unsafe-eval'");
  });

  it('treats localhost, 127.0.0.1 and IPv6 literals as local hosts (Next strips the port at the first colon)', () => {
    for (const host of ['localhost', '127.0.0.1', '[']) expect(host).toMatch(local);
    for (const host of ['www.defense.gov', 'localhost.example.gov', '127.0.0.10']) expect(host).not.toMatch(local);
  });

  it('sends HSTS and upgrade-insecure-requests only to hosts that are not local', () => {
    const rules = securityHeaderRules();
    const remote = rules.find((rule) => rule.missing);
    const onLocal = rules.find((rule) => rule.has);
    expect(remote?.headers.map((header) => header.key)).toEqual(['Strict-Transport-Security', 'Content-Security-Policy']);
    expect(remote?.headers[1]?.value).toMatch(/; upgrade-insecure-requests$/);
    expect(onLocal?.headers.map((header) => header.key)).toEqual(['Content-Security-Policy']);
    expect(onLocal?.headers[0]?.value).not.toContain('upgrade-insecure-requests');
  });
});
