// npm run share-image: draws public/share-image.png (the default link-preview picture) from
// lib/site-config.ts. Run it after changing the site name, agency name or domain, and commit the file.
import path from 'node:path';
import sharp from 'sharp';
import { shareImageDescription, shareImageSvg } from '../lib/share-image';
import { siteConfig } from '../lib/site-config';

const out = path.join(process.cwd(), 'public', siteConfig.shareImage.path);
sharp(Buffer.from(shareImageSvg(siteConfig)))
  .png({ compressionLevel: 9, palette: true })
  .withExif({ IFD0: { ImageDescription: shareImageDescription(siteConfig) } })
  .toFile(out)
  .then(() => console.log(`Wrote ${path.relative(process.cwd(), out)}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
