/**
 * RFC 9116 security.txt, built from `siteConfig.security` (lib/site-config.ts). A production build
 * refuses a configuration that would publish a placeholder: a researcher who follows it reaches
 * nobody, or another site's policy.
 */

export interface SecurityTxtSettings {
  /** Where to report a vulnerability, most preferred first: `mailto:`, `https://` or `tel:` URIs. At least one. */
  contacts: string[];
  /** The vulnerability disclosure policy: an `https://` URL, or a path on this site (`/vulnerability-disclosure-policy`). */
  policy: string;
  /** Days from the day it is served to its Expires date (1–365; RFC 9116 recommends less than a year). */
  expiresInDays: number;
  /** Languages reports may be written in (RFC 5646 tags), e.g. `['en']`. */
  preferredLanguages: string[];
  /** A key for encrypted reports (`https://` URL, `openpgp4fpr:` or `dns:` URI). */
  encryption?: string;
  /** A page thanking researchers. */
  acknowledgments?: string;
  /** Security jobs. */
  hiring?: string;
}

/** Hosts reserved for documentation (RFC 2606) and the examples this project ships with. */
const PLACEHOLDER_HOST = /(^|\.)example\.(gov|com|org|net|mil)$/i;

const SETTING = 'siteConfig.security';

function hostOf(uri: string): string | undefined {
  if (uri.startsWith('mailto:')) return uri.slice('mailto:'.length).split('?')[0]?.split('@')[1];
  try {
    return new URL(uri).hostname;
  } catch {
    return undefined;
  }
}

/** Problems with one URI setting, each naming the setting. */
function uriProblems(name: string, value: string, schemes: string[]): string[] {
  const shown = `${SETTING}.${name}`;
  if (!value.trim()) return [`${shown} is empty: set it in lib/site-config.ts`];
  const scheme = value.match(/^[a-z][a-z0-9+.-]*:/i)?.[0].toLowerCase();
  if (!scheme || !schemes.includes(scheme)) {
    return [`${shown} must start with ${schemes.join(', ')} (RFC 9116), got "${value}"`];
  }
  if (scheme === 'mailto:' && !/^mailto:[^@\s]+@[^@\s]+$/.test(value)) {
    return [`${shown} is not an email address, got "${value}"`];
  }
  if (scheme === 'https:' && hostOf(value) === undefined) return [`${shown} is not a URL, got "${value}"`];
  const host = hostOf(value);
  if (host && PLACEHOLDER_HOST.test(host)) {
    return [`${shown} is a placeholder ("${value}"): put your agency's own in lib/site-config.ts`];
  }
  return [];
}

/**
 * Everything wrong with the settings, as messages naming the setting; empty when they may be
 * published. `siteUrl` resolves a policy given as a path, which then must not be a placeholder site.
 */
export function securityTxtProblems(settings: SecurityTxtSettings, siteUrl: string): string[] {
  const problems: string[] = [];
  if (settings.contacts.length === 0) problems.push(`${SETTING}.contacts is empty: list at least one mailto: or https:// address for vulnerability reports`);
  settings.contacts.forEach((contact, i) => problems.push(...uriProblems(`contacts[${i}]`, contact, ['mailto:', 'https:', 'tel:'])));
  if (settings.policy.startsWith('/')) {
    problems.push(...uriProblems('policy (resolved against SITE_URL)', new URL(settings.policy, siteUrl).href, ['https:', 'http:']));
  } else {
    problems.push(...uriProblems('policy', settings.policy, ['https:']));
  }
  if (!Number.isInteger(settings.expiresInDays) || settings.expiresInDays < 1 || settings.expiresInDays > 365) {
    problems.push(`${SETTING}.expiresInDays must be a whole number of days from 1 to 365 (RFC 9116: less than a year), got ${settings.expiresInDays}`);
  }
  if (settings.preferredLanguages.length === 0) problems.push(`${SETTING}.preferredLanguages is empty: list at least one language tag, e.g. "en"`);
  for (const tag of settings.preferredLanguages) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) problems.push(`${SETTING}.preferredLanguages has "${tag}", which is not a language tag such as "en" or "es"`);
  }
  if (settings.encryption) problems.push(...uriProblems('encryption', settings.encryption, ['https:', 'openpgp4fpr:', 'dns:']));
  if (settings.acknowledgments) problems.push(...uriProblems('acknowledgments', settings.acknowledgments, ['https:']));
  if (settings.hiring) problems.push(...uriProblems('hiring', settings.hiring, ['https:']));
  return problems;
}

/** Throws one Error listing every problem, for the build to stop on. */
export function assertSecurityTxtSettings(settings: SecurityTxtSettings, siteUrl: string): void {
  const problems = securityTxtProblems(settings, siteUrl);
  if (problems.length > 0) {
    throw new Error(`/.well-known/security.txt cannot be published:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** The file's text. Expires is midnight UTC `expiresInDays` after `now`'s day. */
export function securityTxt(settings: SecurityTxtSettings, { siteUrl, now }: { siteUrl: string; now: Date }): string {
  const expires = new Date(now.getTime() + settings.expiresInDays * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  const optional = (field: string, value: string | undefined) => (value ? [`${field}: ${value}`] : []);
  return [
    ...settings.contacts.map((contact) => `Contact: ${contact}`),
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    ...optional('Encryption', settings.encryption),
    ...optional('Acknowledgments', settings.acknowledgments),
    `Policy: ${new URL(settings.policy, siteUrl).href}`,
    `Canonical: ${new URL('/.well-known/security.txt', siteUrl).href}`,
    `Preferred-Languages: ${settings.preferredLanguages.join(', ')}`,
    ...optional('Hiring', settings.hiring),
    '',
  ].join('\n');
}
