import { describe, expect, it } from 'vitest';
import { isAllowedStaff, readStaffAuthConfig } from './config';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----';
const BASE = { OIDC_ISSUER: 'https://idp.int.identitysandbox.gov/', OIDC_CLIENT_ID: 'urn:gov:gsa:openidconnect.profiles:sp:sso:agency:newsroom', SITE_URL: 'https://www.example.gov' };

describe('readStaffAuthConfig', () => {
  it('is off when no OIDC variable is set', () => {
    expect(readStaffAuthConfig({ SITE_URL: 'https://www.example.gov' })).toEqual({ status: 'off' });
  });

  it('reads a Login.gov configuration with private_key_jwt and acr_values', () => {
    const result = readStaffAuthConfig({ ...BASE, OIDC_PRIVATE_KEY: PEM.replace(/\n/g, '\\n'), OIDC_ACR_VALUES: 'urn:acr.login.gov:auth-only', STAFF_EMAIL_DOMAINS: 'Example.gov' }, '/tmp');
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.config.clientAuth).toEqual({ method: 'private_key_jwt', privateKey: PEM });
    expect(result.config.acrValues).toBe('urn:acr.login.gov:auth-only');
    expect(result.config.scopes).toBe('openid email');
    expect(result.config.callbackUrl.href).toBe('https://www.example.gov/api/auth/callback');
    expect(result.config.staffDomains).toEqual(['example.gov']);
    expect(result.config.sessionMs).toBe(8 * 3_600_000);
    expect(result.config.revocationDir).toBe('/tmp/newsroom-revoked-staff-sessions');
    expect(result.config.allowInsecureIssuer).toBe(false);
  });

  it('builds the callback on PREVIEW_HOST with the scheme of SITE_URL', () => {
    const result = readStaffAuthConfig({ ...BASE, OIDC_CLIENT_SECRET: 's3cret', PREVIEW_HOST: 'preview.example.gov' });
    expect(result.status === 'ok' && result.config.callbackUrl.href).toBe('https://preview.example.gov/api/auth/callback');
    expect(result.status === 'ok' && result.config.clientAuth).toEqual({ method: 'client_secret_basic', secret: 's3cret' });
  });

  it.each([
    [{ OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 's' }, 'OIDC_ISSUER:'],
    [{ ...BASE, OIDC_CLIENT_ID: ' ', OIDC_CLIENT_SECRET: 's' }, 'OIDC_CLIENT_ID: must be this site’s client id'],
    [BASE, 'OIDC_PRIVATE_KEY: set OIDC_PRIVATE_KEY (a PEM key, for private_key_jwt as Login.gov uses) or OIDC_CLIENT_SECRET'],
    [{ ...BASE, OIDC_CLIENT_SECRET: 's', OIDC_PRIVATE_KEY: PEM }, 'OIDC_CLIENT_SECRET: set either OIDC_CLIENT_SECRET or OIDC_PRIVATE_KEY, not both'],
    [{ ...BASE, OIDC_PRIVATE_KEY: 'not a key' }, 'OIDC_PRIVATE_KEY: must be a PEM private key'],
    [{ ...BASE, OIDC_CLIENT_SECRET: 's', OIDC_SCOPES: 'email' }, 'OIDC_SCOPES: must include "openid"'],
    [{ ...BASE, OIDC_CLIENT_SECRET: 's', STAFF_SESSION_HOURS: '0' }, 'STAFF_SESSION_HOURS: must be a number of hours above 0 and at most 24 (got "0")'],
    [{ ...BASE, OIDC_CLIENT_SECRET: 's', STAFF_SESSION_HOURS: '8h' }, 'STAFF_SESSION_HOURS: must be a number of hours'],
    [{ ...BASE, OIDC_CLIENT_SECRET: 's', STAFF_EMAILS: 'alice' }, 'STAFF_EMAILS: "alice" is not an email address'],
    [{ ...BASE, OIDC_CLIENT_SECRET: 's', STAFF_EMAIL_DOMAINS: '@example.gov' }, 'STAFF_EMAIL_DOMAINS: "@example.gov" is not a domain like example.gov'],
    [{ ...BASE, OIDC_CLIENT_SECRET: 's', SITE_URL: undefined }, 'SITE_URL: must be set (or PREVIEW_HOST)'],
    [{ ...BASE, OIDC_CLIENT_SECRET: 's', OIDC_ISSUER: 'http://idp.example.gov/' }, 'OIDC_ISSUER: must be an https URL (got "http://idp.example.gov/")'],
  ])('names the variable that is wrong: %j', (env, message) => {
    const result = readStaffAuthConfig(env);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.message).toContain(message);
    expect(result.status === 'invalid' && result.message).toMatch(/^Staff sign-in is not configured correctly\. /);
  });

  it('accepts plain http only for a provider on this machine (the e2e tests)', () => {
    const result = readStaffAuthConfig({ ...BASE, OIDC_CLIENT_SECRET: 's', OIDC_ISSUER: 'http://127.0.0.1:3320' });
    expect(result.status === 'ok' && result.config.allowInsecureIssuer).toBe(true);
  });

  it('reads STAFF_SESSION_HOURS', () => {
    const result = readStaffAuthConfig({ ...BASE, OIDC_CLIENT_SECRET: 's', STAFF_SESSION_HOURS: '0.5' });
    expect(result.status === 'ok' && result.config.sessionMs).toBe(1_800_000);
  });

  it('never puts a secret in its message', () => {
    const result = readStaffAuthConfig({ ...BASE, OIDC_CLIENT_SECRET: 'hunter2-very-secret', OIDC_PRIVATE_KEY: PEM });
    expect(result.status === 'invalid' && result.message).not.toContain('hunter2');
  });
});

describe('isAllowedStaff', () => {
  const lists = { staffEmails: ['editor@example.com'], staffDomains: ['agency.gov'] };

  it('lets in a verified address on the list, or in a listed domain, whatever its case', () => {
    expect(isAllowedStaff({ email: 'Editor@Example.com', email_verified: true }, lists)).toEqual({ ok: true });
    expect(isAllowedStaff({ email: 'someone@agency.gov', email_verified: true }, lists)).toEqual({ ok: true });
  });

  it('refuses everyone else, and look-alike domains', () => {
    for (const email of ['someone@example.com', 'a@sub.agency.gov', 'a@agency.gov.evil.com', 'a@evilagency.gov', 'agency.gov']) {
      expect(isAllowedStaff({ email, email_verified: true }, lists), email).toEqual({ ok: false, reason: 'not-staff' });
    }
  });

  it('refuses an unverified or missing email', () => {
    expect(isAllowedStaff({ email: 'someone@agency.gov', email_verified: false }, lists)).toEqual({ ok: false, reason: 'email-unverified' });
    expect(isAllowedStaff({ email: 'someone@agency.gov', email_verified: 'true' }, lists)).toEqual({ ok: false, reason: 'email-unverified' });
    expect(isAllowedStaff({}, lists)).toEqual({ ok: false, reason: 'email-unverified' });
  });

  it('lets nobody in without a list, rather than everyone', () => {
    expect(isAllowedStaff({ email: 'someone@agency.gov', email_verified: true }, { staffEmails: [], staffDomains: [] })).toEqual({
      ok: false,
      reason: 'no-allow-list',
    });
  });
});
