import { securityTxt, assertSecurityTxtSettings } from '@/lib/security/security-txt';
import { siteConfig } from '@/lib/site-config';

// Regenerated daily, so Expires stays the configured number of days ahead.
export const revalidate = 86400;

/** RFC 9116 security.txt from siteConfig.security; `next build` prerenders it, so a placeholder stops the build. */
export function GET() {
  if (process.env.NODE_ENV === 'production') assertSecurityTxtSettings(siteConfig.security, siteConfig.siteUrl);
  const body = securityTxt(siteConfig.security, { siteUrl: siteConfig.siteUrl, now: new Date() });
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
