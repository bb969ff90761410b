/**
 * Staff sign-in configuration, read once from the environment and checked with zod, so a typo is
 * an error naming the variable instead of a sign-in that fails in an odd way later.
 *
 *   OIDC_ISSUER            the provider's issuer URL (https; http only for a loopback test provider)
 *   OIDC_CLIENT_ID         this site's client id at the provider
 *   OIDC_CLIENT_SECRET     client_secret_basic, for an agency IdP that issues secrets, or
 *   OIDC_PRIVATE_KEY       a PEM private key (RSA or EC P-256) for private_key_jwt (Login.gov)
 *   OIDC_PRIVATE_KEY_ID    optional `kid` of that key
 *   OIDC_SCOPES            default "openid email"
 *   OIDC_ACR_VALUES        optional; Login.gov needs one (e.g. urn:acr.login.gov:auth-only)
 *   OIDC_PROVIDER_NAME     what the sign-in button names, default "your agency account"
 *   STAFF_EMAILS           comma-separated addresses allowed in, and/or
 *   STAFF_EMAIL_DOMAINS    comma-separated domains allowed in (example.gov)
 *   STAFF_SESSION_HOURS    how long a session lasts, default 8
 *   STAFF_REVOCATION_DIR   where sign-outs are recorded (lib/auth/revocation.ts)
 *
 * The callback URL is derived: https://<PREVIEW_HOST>/api/auth/callback (scheme of SITE_URL), or
 * <SITE_URL>/api/auth/callback. Nothing else in lib/auth reads process.env.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_STAFF_SESSION_MS } from './staff-session';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface StaffAuthConfig {
  issuer: URL;
  clientId: string;
  clientAuth: { method: 'client_secret_basic'; secret: string } | { method: 'private_key_jwt'; privateKey: string; keyId?: string };
  scopes: string;
  acrValues?: string;
  providerName: string;
  callbackUrl: URL;
  /** PREVIEW_HOST: when set, sign-in works only on that host. */
  previewHost?: string;
  /** Lowercased. Both empty means nobody may sign in (refused with a message, never "everyone"). */
  staffEmails: string[];
  staffDomains: string[];
  sessionMs: number;
  revocationDir: string;
  /** Plain http to the provider: only for a provider on this machine (the e2e tests). */
  allowInsecureIssuer: boolean;
}

export type StaffAuthConfigResult = { status: 'off' } | { status: 'invalid'; message: string } | { status: 'ok'; config: StaffAuthConfig };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const optional = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const list = (what: string) =>
  optional.transform((value, context) => {
    const items = (value ?? '')
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
    for (const item of items) {
      const ok = what === 'email' ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(item) : /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/.test(item);
      if (!ok) context.addIssue({ code: 'custom', message: `"${item}" is not ${what === 'email' ? 'an email address' : 'a domain like example.gov'}` });
    }
    return items;
  });

const schema = z
  .object({
    OIDC_ISSUER: z.string().trim().pipe(z.url({ message: 'must be the provider’s issuer URL, like https://idp.int.identitysandbox.gov/' })),
    OIDC_CLIENT_ID: z.string().trim().min(1, 'must be this site’s client id at the provider'),
    OIDC_CLIENT_SECRET: optional,
    OIDC_PRIVATE_KEY: optional.transform((value) => value?.replace(/\\n/g, '\n')),
    OIDC_PRIVATE_KEY_ID: optional,
    OIDC_SCOPES: optional.transform((value, context) => {
      const scopes = value ?? 'openid email';
      if (!scopes.split(/\s+/).includes('openid')) context.addIssue({ code: 'custom', message: 'must include "openid"' });
      return scopes;
    }),
    OIDC_ACR_VALUES: optional,
    OIDC_PROVIDER_NAME: optional,
    STAFF_EMAILS: list('email'),
    STAFF_EMAIL_DOMAINS: list('domain'),
    STAFF_SESSION_HOURS: optional.transform((value, context) => {
      if (value === undefined) return DEFAULT_STAFF_SESSION_MS;
      const hours = Number(value);
      if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || !(hours > 0) || hours > 24) {
        context.addIssue({ code: 'custom', message: `must be a number of hours above 0 and at most 24 (got "${value}")` });
        return DEFAULT_STAFF_SESSION_MS;
      }
      return Math.round(hours * 3_600_000);
    }),
    STAFF_REVOCATION_DIR: optional,
    SITE_URL: optional,
    PREVIEW_HOST: optional,
  })
  .superRefine((env, context) => {
    if (env.OIDC_CLIENT_SECRET && env.OIDC_PRIVATE_KEY) {
      context.addIssue({ code: 'custom', path: ['OIDC_CLIENT_SECRET'], message: 'set either OIDC_CLIENT_SECRET or OIDC_PRIVATE_KEY, not both' });
    } else if (!env.OIDC_CLIENT_SECRET && !env.OIDC_PRIVATE_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['OIDC_PRIVATE_KEY'],
        message: 'set OIDC_PRIVATE_KEY (a PEM key, for private_key_jwt as Login.gov uses) or OIDC_CLIENT_SECRET',
      });
    } else if (env.OIDC_PRIVATE_KEY && !/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(env.OIDC_PRIVATE_KEY)) {
      context.addIssue({ code: 'custom', path: ['OIDC_PRIVATE_KEY'], message: 'must be a PEM private key (-----BEGIN PRIVATE KEY-----…)' });
    }
    if (!env.PREVIEW_HOST && !env.SITE_URL) {
      context.addIssue({ code: 'custom', path: ['SITE_URL'], message: 'must be set (or PREVIEW_HOST): the sign-in callback URL is built from it' });
    }
  });

function callbackUrl(siteUrl: string | undefined, previewHost: string | undefined): URL {
  const site = new URL(siteUrl ?? 'https://localhost');
  const base = previewHost ? new URL(`${site.protocol}//${previewHost}`) : site;
  return new URL(`${base.pathname.replace(/\/+$/, '')}/api/auth/callback`, base);
}

/** Reads the staff sign-in configuration; `off` when neither OIDC_ISSUER nor OIDC_CLIENT_ID is set. */
export function readStaffAuthConfig(env: Environment = process.env, tmpdir: string = os.tmpdir()): StaffAuthConfigResult {
  if (!env.OIDC_ISSUER?.trim() && !env.OIDC_CLIENT_ID?.trim()) return { status: 'off' };
  const parsed = schema.safeParse({ ...env });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
    return { status: 'invalid', message: `Staff sign-in is not configured correctly. ${problems.join('; ')}.` };
  }
  const env_ = parsed.data;
  const issuer = new URL(env_.OIDC_ISSUER);
  const allowInsecureIssuer = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  if (issuer.protocol !== 'https:' && !allowInsecureIssuer) {
    return { status: 'invalid', message: `Staff sign-in is not configured correctly. OIDC_ISSUER: must be an https URL (got "${env_.OIDC_ISSUER}").` };
  }
  let callback: URL;
  try {
    callback = callbackUrl(env_.SITE_URL, env_.PREVIEW_HOST);
  } catch {
    return { status: 'invalid', message: 'Staff sign-in is not configured correctly. SITE_URL / PREVIEW_HOST: do not make a URL.' };
  }
  return {
    status: 'ok',
    config: {
      issuer,
      clientId: env_.OIDC_CLIENT_ID,
      clientAuth: env_.OIDC_PRIVATE_KEY
        ? { method: 'private_key_jwt', privateKey: env_.OIDC_PRIVATE_KEY, ...(env_.OIDC_PRIVATE_KEY_ID ? { keyId: env_.OIDC_PRIVATE_KEY_ID } : {}) }
        : { method: 'client_secret_basic', secret: env_.OIDC_CLIENT_SECRET ?? '' },
      scopes: env_.OIDC_SCOPES,
      ...(env_.OIDC_ACR_VALUES ? { acrValues: env_.OIDC_ACR_VALUES } : {}),
      providerName: env_.OIDC_PROVIDER_NAME ?? 'your agency account',
      callbackUrl: callback,
      ...(env_.PREVIEW_HOST ? { previewHost: env_.PREVIEW_HOST } : {}),
      staffEmails: env_.STAFF_EMAILS,
      staffDomains: env_.STAFF_EMAIL_DOMAINS,
      sessionMs: env_.STAFF_SESSION_HOURS,
      revocationDir: env_.STAFF_REVOCATION_DIR ?? path.join(tmpdir, 'newsroom-revoked-staff-sessions'),
      allowInsecureIssuer,
    },
  };
}

export const NO_ALLOW_LIST_MESSAGE =
  'Staff sign-in has no allow-list: set STAFF_EMAILS and/or STAFF_EMAIL_DOMAINS. Until then nobody can sign in.';

export type AllowDecision = { ok: true } | { ok: false; reason: 'no-allow-list' | 'email-unverified' | 'not-staff' };

/**
 * Whether a signed-in person is staff. Login.gov lets anyone with an account sign in, so the
 * provider saying who someone is proves nothing about whether they work here: the email must be
 * verified and on the list (exact address, or exactly that domain; no subdomains).
 */
export function isAllowedStaff(
  claims: { email?: unknown; email_verified?: unknown },
  config: Pick<StaffAuthConfig, 'staffEmails' | 'staffDomains'>,
): AllowDecision {
  if (config.staffEmails.length === 0 && config.staffDomains.length === 0) return { ok: false, reason: 'no-allow-list' };
  if (typeof claims.email !== 'string' || claims.email_verified !== true) return { ok: false, reason: 'email-unverified' };
  const email = claims.email.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at <= 0) return { ok: false, reason: 'not-staff' };
  const domain = email.slice(at + 1);
  return config.staffEmails.includes(email) || config.staffDomains.includes(domain) ? { ok: true } : { ok: false, reason: 'not-staff' };
}
