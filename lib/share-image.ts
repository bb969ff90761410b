import type { SiteConfig } from './site-config';

/**
 * The site's default link-preview picture (public/share-image.png), drawn from the site
 * configuration by `npm run share-image`. Text is drawn with the machine's own sans-serif font
 * (no web fonts); the file is committed, so builds do not depend on fonts being installed.
 */

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Written into the PNG's EXIF ImageDescription, so a test can tell when the picture is out of date. */
export function shareImageDescription(config: SiteConfig): string {
  return `${config.siteName} | ${config.agencyName} | ${config.domain}`;
}

/** USWDS colors: primary-darker background, white and base-lightest text, a secondary (red) rule. */
export function shareImageSvg(config: SiteConfig): string {
  const { width, height } = config.shareImage;
  const font = "'Public Sans', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="#162e51"/>
  <rect x="0" y="${height - 24}" width="${width}" height="24" fill="#d83933"/>
  <rect x="96" y="150" width="12" height="250" fill="#ffbe2e"/>
  <text x="140" y="250" font-family="${font}" font-weight="700" font-size="112" fill="#ffffff">${escapeXml(config.siteName)}</text>
  <text x="140" y="330" font-family="${font}" font-size="46" fill="#dfe1e2">${escapeXml(config.agencyName)}</text>
  <text x="140" y="392" font-family="${font}" font-size="34" fill="#a9aeb1">${escapeXml(config.domain)}</text>
  <text x="96" y="${height - 72}" font-family="${font}" font-size="28" fill="#dfe1e2">An official website of the United States government</text>
</svg>`;
}
