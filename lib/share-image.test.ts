import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { shareImageDescription, shareImageSvg } from './share-image';
import { siteConfig } from './site-config';

describe('the default share image', () => {
  it('is the committed PNG of the size the metadata declares, drawn for the current site configuration', async () => {
    const file = path.join(process.cwd(), 'public', siteConfig.shareImage.path);
    const metadata = await sharp(file).metadata();
    expect(metadata.format).toBe('png');
    expect([metadata.width, metadata.height]).toEqual([siteConfig.shareImage.width, siteConfig.shareImage.height]);
    // The EXIF description records what the picture says: a mismatch means `npm run share-image` was not run.
    expect(metadata.exif?.toString('latin1'), 'public/share-image.png is out of date: run npm run share-image').toContain(
      shareImageDescription(siteConfig),
    );
  });

  it('has alt text naming the site and the agency, as the picture does', () => {
    expect(siteConfig.shareImage.alt).toContain(siteConfig.siteName);
    expect(siteConfig.shareImage.alt).toContain(siteConfig.agencyName);
  });

  it('escapes the configured names in the SVG it draws from', () => {
    const svg = shareImageSvg({ ...siteConfig, siteName: 'R&D <News>', agencyName: `Agency "A"` });
    expect(svg).toContain('R&amp;D &lt;News&gt;');
    expect(svg).toContain('Agency &quot;A&quot;');
  });
});
