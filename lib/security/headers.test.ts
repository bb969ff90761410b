import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, LOCAL_HOST, securityHeaderRules, serializePolicy } from './headers.js';

const local = new RegExp(`^${LOCAL_HOST}$`);

describe('security headers', () => {
  it('allows only the site itself when DAP is off', () => {
    expect(serializePolicy(contentSecurityPolicy())).toBe(
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'; style-src-attr 'unsafe-inline'; " +
        "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'",
    );
  });

  it("adds DAP's origins only when DAP is on", () => {
    const policy = contentSecurityPolicy({ dap: true });
    expect(policy['script-src']).toEqual(["'self'", "'unsafe-inline'", 'https://dap.digitalgov.gov', 'https://www.googletagmanager.com']);
    expect(policy['img-src']).toContain('https://*.google-analytics.com');
    expect(policy['connect-src']).toContain('https://*.analytics.google.com');
    expect(policy['connect-src']).toContain('https://*.googletagmanager.com');
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
