import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_PREVIEW_SECRET, getPreviewSecret, MIN_SECRET_BYTES } from './secret';

const goodSecret = 'k7Qx0m2vB9rT4wYz1aLp8sNc3eHf6gJd5uVi0oRt2yE=';
const howTo =
  'Make one with `openssl rand -base64 32` or `node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"`.';

describe('getPreviewSecret', () => {
  it('uses PREVIEW_SECRET when it is at least 32 bytes', () => {
    expect(getPreviewSecret({ PREVIEW_SECRET: goodSecret, NODE_ENV: 'production' })).toEqual({
      ok: true,
      secret: goodSecret,
      source: 'env',
    });
    expect(getPreviewSecret({ PREVIEW_SECRET: 'x'.repeat(32) })).toEqual({
      ok: true,
      secret: 'x'.repeat(32),
      source: 'env',
    });
  });

  it('refuses a secret shorter than 32 bytes, says how to make one and never repeats it', () => {
    const result = getPreviewSecret({ PREVIEW_SECRET: 'hunter2-hunter2', NODE_ENV: 'production' });
    expect(result).toEqual({
      ok: false,
      reason: `PREVIEW_SECRET is too short: it is 15 bytes and must be at least 32. ${howTo}`,
    });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(MIN_SECRET_BYTES).toBe(32);
    // 16 characters, 32 bytes.
    expect(getPreviewSecret({ PREVIEW_SECRET: 'é'.repeat(16) })).toMatchObject({ ok: true, source: 'env' });
    // 31 bytes.
    expect(getPreviewSecret({ PREVIEW_SECRET: `${'é'.repeat(15)}x` })).toEqual({
      ok: false,
      reason: `PREVIEW_SECRET is too short: it is 31 bytes and must be at least 32. ${howTo}`,
    });
  });

  it('refuses a short secret even in development', () => {
    expect(getPreviewSecret({ PREVIEW_SECRET: 'short', NODE_ENV: 'development' })).toMatchObject({ ok: false });
  });

  it.each([
    ['production', { NODE_ENV: 'production' }],
    ['test', { NODE_ENV: 'test' }],
    ['NODE_ENV unset', {}],
    ['an empty PREVIEW_SECRET', { PREVIEW_SECRET: '', NODE_ENV: 'production' }],
  ])('is not configured without PREVIEW_SECRET in %s', (_, env) => {
    expect(getPreviewSecret(env)).toEqual({
      ok: false,
      reason: 'Preview is not configured: set PREVIEW_SECRET (at least 32 bytes) in the environment.',
    });
  });

  it('falls back to the development secret without PREVIEW_SECRET only under next dev', () => {
    expect(getPreviewSecret({ NODE_ENV: 'development' })).toEqual({
      ok: true,
      secret: DEVELOPMENT_PREVIEW_SECRET,
      source: 'development',
    });
    expect(Buffer.byteLength(DEVELOPMENT_PREVIEW_SECRET)).toBeGreaterThanOrEqual(32);
  });

  it('refuses the public development secret outside development', () => {
    expect(getPreviewSecret({ PREVIEW_SECRET: DEVELOPMENT_PREVIEW_SECRET, NODE_ENV: 'production' })).toEqual({
      ok: false,
      reason: `PREVIEW_SECRET is the development secret, which is public and works only in \`next dev\`. ${howTo}`,
    });
  });

  it('reads process.env by default', () => {
    const saved = process.env.PREVIEW_SECRET;
    process.env.PREVIEW_SECRET = goodSecret;
    try {
      expect(getPreviewSecret()).toEqual({ ok: true, secret: goodSecret, source: 'env' });
    } finally {
      if (saved === undefined) delete process.env.PREVIEW_SECRET;
      else process.env.PREVIEW_SECRET = saved;
    }
  });
});
