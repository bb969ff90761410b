import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { DapScript } from '@/components/dap-script';
import { GovBanner } from '@/components/gov-banner';
import { PreviewExpiredAlert } from '@/components/preview-expired-alert';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { SkipNav } from '@/components/skip-nav';
import { UswdsBehaviors } from '@/components/uswds-behaviors';
import { rootMetadata } from '@/lib/metadata';
import { getPreviewAccess } from '@/lib/preview/access';
import { siteConfig } from '@/lib/site-config';
import '@/styles/uswds.scss';

export async function generateMetadata(): Promise<Metadata> {
  return rootMetadata({ preview: (await getPreviewAccess()).kind !== 'public' });
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// USWDS's uswds-init.js: hide the banner panel until the behaviours have run, so it
// does not flash open; if scripts never arrive, the page reverts to its no-JS form.
const uswdsInit =
  "(function(){var c='usa-js-loading',d=document.documentElement;d.classList.add(c);" +
  'setTimeout(function(){d.classList.remove(c)},8000)})();';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const access = await getPreviewAccess();
  const { dapAgency, dapSubagency } = siteConfig.analytics;
  return (
    // The init script changes <html>'s class before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: uswdsInit }} />
        <DapScript agency={dapAgency} subagency={dapSubagency} preview={access.kind !== 'public'} />
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
        <UswdsBehaviors />
      </body>
    </html>
  );
}
