import { siteConfig } from '@/lib/site-config';

// Regenerated daily so Expires always lies about half a year ahead.
export const revalidate = 86400;

const EXPIRES_IN_DAYS = 180;

/** RFC 9116 security.txt, from the site configuration. */
export function GET() {
  const expires = new Date(Date.now() + EXPIRES_IN_DAYS * 24 * 60 * 60 * 1000);
  expires.setUTCHours(0, 0, 0, 0);
  const base = siteConfig.siteUrl;
  const body = [
    `Contact: ${siteConfig.security.contact}`,
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    `Policy: ${new URL(siteConfig.security.policyPath, base).href}`,
    `Canonical: ${new URL('/.well-known/security.txt', base).href}`,
    'Preferred-Languages: en',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
