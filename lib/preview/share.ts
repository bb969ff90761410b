import 'server-only';
import { buildPreviewUrl, previewBaseUrl } from './link';
import { getPreviewSecret } from './secret';
import { previewExpiresAt, signPreviewToken } from './token';

/**
 * A shareable preview link (default expiry) for the staff page, or undefined when preview is
 * not configured. Signed on the server: the secret never reaches the browser.
 */
export function createPreviewUrl(slug: string, baseUrl: string = previewBaseUrl()): string | undefined {
  const secret = getPreviewSecret();
  if (!secret.ok) return undefined;
  const token = signPreviewToken({ slug, expiresAt: previewExpiresAt(undefined, new Date()), secret: secret.secret });
  return buildPreviewUrl(baseUrl, token);
}
