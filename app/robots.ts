import type { MetadataRoute } from 'next';
import { siteConfig } from '@/lib/site-config';

/** Bots are welcome everywhere public (M-23-22); staff preview routes are not for them. The sitemap is the index of sitemap files. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/preview'] },
    sitemap: new URL('/sitemap.xml', siteConfig.siteUrl).href,
  };
}
