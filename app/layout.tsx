import type { Metadata, Viewport } from 'next';
import { draftMode } from 'next/headers';
import type { ReactNode } from 'react';
import { GovBanner } from '@/components/gov-banner';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { SkipNav } from '@/components/skip-nav';
import { UswdsBehaviors } from '@/components/uswds-behaviors';
import { feedAlternates } from '@/lib/feeds/catalog';
import { siteConfig } from '@/lib/site-config';
import '@/styles/uswds.scss';

export async function generateMetadata(): Promise<Metadata> {
  const { isEnabled: preview } = await draftMode();
  return {
    metadataBase: new URL(siteConfig.siteUrl),
    title: { default: siteConfig.siteName, template: `%s | ${siteConfig.siteName}` },
    description: siteConfig.description,
    icons: { icon: '/favicon.ico' },
    alternates: { types: feedAlternates() },
    // Staff preview is never for search engines (proxy.ts also sends X-Robots-Tag).
    ...(preview ? { robots: { index: false, follow: false } } : {}),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// USWDS's uswds-init.js: hide the banner panel until the behaviours have run, so it
// does not flash open; if scripts never arrive, the page reverts to its no-JS form.
const uswdsInit =
  "(function(){var c='usa-js-loading',d=document.documentElement;d.classList.add(c);" +
  'setTimeout(function(){d.classList.remove(c)},8000)})();';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The init script changes <html>'s class before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: uswdsInit }} />
      </head>
      <body>
        <SkipNav />
        <GovBanner tld={siteConfig.tld} />
        <SiteHeader siteName={siteConfig.siteName} nav={siteConfig.primaryNav} />
        <main id="main-content" tabIndex={-1} className="site-main">
          {children}
        </main>
        <SiteFooter config={siteConfig} />
        <UswdsBehaviors />
      </body>
    </html>
  );
}
