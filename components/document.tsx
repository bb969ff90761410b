import type { ReactNode } from 'react';
import { DapScript } from '@/components/dap-script';
import { GovBanner } from '@/components/gov-banner';
import { HeadTags } from '@/components/head-tags';
import { PreviewExpiredAlert } from '@/components/preview-expired-alert';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { SkipNav } from '@/components/skip-nav';
import { siteAssets } from '@/lib/assets';
import { documentMeta, type PageMeta } from '@/lib/metadata';
import type { PreviewAccess } from '@/lib/preview/access';
import { USWDS_INIT_SCRIPT } from '@/lib/security/headers.js';
import { siteConfig } from '@/lib/site-config';

export interface DocumentProps {
  meta: PageMeta;
  /** The request's preview access: preview pages are never measured or indexed; an ended link session is said so. */
  access: PreviewAccess;
  children: ReactNode;
}

/**
 * The one layout of every HTML page, public and preview (docs/decisions/0017): <head>, the
 * official-site banner, header, main and footer. It is rendered to static HTML with no framework
 * runtime; the only scripts are the USWDS `usa-js-loading` init (inline, allowed by its hash in
 * the CSP) and the site's behaviour file (banner toggle, mobile menu), deferred. Without them the
 * page works as it is: the banner shows its content and the navigation is a list of links.
 */
export function Document({ meta, access, children }: DocumentProps) {
  const assets = siteAssets();
  const preview = access.kind !== 'public';
  const { dapAgency, dapSubagency } = siteConfig.analytics;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* USWDS's uswds-init.js: hide the banner panel until the behaviours have run, so it does not flash open. */}
        <script dangerouslySetInnerHTML={{ __html: USWDS_INIT_SCRIPT }} />
        {assets.preloads.map((font) => (
          <link key={font.href} rel="preload" href={font.href} as={font.as} type={font.type} crossOrigin="anonymous" />
        ))}
        <link rel="stylesheet" href={assets.stylesheet} />
        <script src={assets.script} defer />
        <HeadTags meta={documentMeta(meta, { preview })} />
        <DapScript agency={dapAgency} subagency={dapSubagency} preview={preview} />
      </head>
      <body>
        <SkipNav />
        <GovBanner tld={siteConfig.tld} />
        <SiteHeader siteName={siteConfig.siteName} nav={siteConfig.primaryNav} />
        <main id="main-content" tabIndex={-1} className="site-main">
          {/* An ended staff session is explained on the staff desk (/preview), which asks for a new sign-in. */}
          {access.kind === 'expired' && access.credential === 'link' && <PreviewExpiredAlert />}
          {children}
        </main>
        <SiteFooter config={siteConfig} />
      </body>
    </html>
  );
}
