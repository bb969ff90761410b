// Keeps the development secret, and the idea of reading PREVIEW_SECRET, out of client bundles.
// The CLI runs under the react-server condition and vitest aliases it, so both can still load this.
import 'server-only';

/** HMAC-SHA-256 wants a key at least as long as its 32-byte output. */
export const MIN_SECRET_BYTES = 32;

/**
 * Signs and checks preview links when PREVIEW_SECRET is unset under `next dev` only. It is public
 * (it is in the repository), so it is refused everywhere else, even when set as PREVIEW_SECRET.
 */
export const DEVELOPMENT_PREVIEW_SECRET = 'development-only-preview-secret--never-valid-in-production';

const HOW_TO_MAKE_ONE =
  'Make one with `openssl rand -base64 32` or ' +
  '`node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"`.';

export const NOT_CONFIGURED_MESSAGE =
  'Preview is not configured: set PREVIEW_SECRET (at least 32 bytes) in the environment.';

export type PreviewSecretResult =
  | { ok: true; secret: string; source: 'env' | 'development' }
  | { ok: false; reason: string };

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The secret that signs preview links, from PREVIEW_SECRET. An empty PREVIEW_SECRET counts as
 * unset. The reason never contains the secret.
 */
export function getPreviewSecret(env: Environment = process.env): PreviewSecretResult {
  const secret = env.PREVIEW_SECRET;
  const development = env.NODE_ENV === 'development';

  if (secret === undefined || secret === '') {
    if (development) return { ok: true, secret: DEVELOPMENT_PREVIEW_SECRET, source: 'development' };
    return { ok: false, reason: NOT_CONFIGURED_MESSAGE };
  }
  if (secret === DEVELOPMENT_PREVIEW_SECRET && !development) {
    return {
      ok: false,
      reason: `PREVIEW_SECRET is the development secret, which is public and works only in \`next dev\`. ${HOW_TO_MAKE_ONE}`,
    };
  }
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < MIN_SECRET_BYTES) {
    return {
      ok: false,
      reason: `PREVIEW_SECRET is too short: it is ${bytes} bytes and must be at least ${MIN_SECRET_BYTES}. ${HOW_TO_MAKE_ONE}`,
    };
  }
  return { ok: true, secret, source: 'env' };
}
