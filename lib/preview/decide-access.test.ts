import { describe, expect, it } from 'vitest';
import { sealStaffSession } from '../auth/staff-session';
import { seal } from './seal';
import { canPreviewArticle, seesAllDrafts } from './access';
import { decidePreviewAccess, sameHost, type PreviewRequestFacts } from './decide-access';
import { sealPreviewSession } from './session';

const secret = 'test-secret-of-at-least-thirty-two-bytes-0123456789';
const oldSecret = 'the-secret-before-rotation-also-32-bytes-long-xyz';
const now = new Date('2026-11-30T12:00:00Z');
const later = new Date('2026-11-30T13:00:00Z');
const earlier = new Date('2026-11-30T11:59:59Z');
const slug = 'draft-article-example';
const staff = { sid: 's-1', sub: 'user-1', iss: 'https://idp.example.gov', email: 'a@example.gov' };

const link = (options: { secret?: string; expiresAt?: Date; slug?: string } = {}) =>
  sealPreviewSession(options.slug ?? slug, { secret: options.secret ?? secret, expiresAt: options.expiresAt ?? later });

function decide(facts: Partial<PreviewRequestFacts>) {
  return decidePreviewAccess({
    draftMode: true,
    host: 'preview.news.example.gov',
    previewHost: undefined,
    secret,
    now,
    previewCookie: undefined,
    staffCookie: undefined,
    ...facts,
  });
}

describe('decidePreviewAccess', () => {
  it('is public without a preview cookie, in Draft Mode or not', () => {
    expect(decide({})).toEqual({ kind: 'public' });
    expect(decide({ draftMode: false })).toEqual({ kind: 'public' });
    expect(decide({ previewCookie: '' })).toEqual({ kind: 'public' });
  });

  it('gives a valid link session its one article, until the link expires', () => {
    expect(decide({ previewCookie: link() })).toEqual({ kind: 'article', slug, expiresAt: later });
    expect(decide({ previewCookie: link({ expiresAt: now }) })).toEqual({ kind: 'expired', credential: 'link' });
    expect(decide({ previewCookie: link({ expiresAt: earlier }) })).toEqual({ kind: 'expired', credential: 'link' });
  });

  it('says expired for a cookie made with the secret before a rotation', () => {
    expect(decide({ previewCookie: link({ secret: oldSecret }) })).toEqual({ kind: 'expired', credential: 'link' });
    expect(decide({ staffCookie: sealStaffSession(staff, { secret: oldSecret, expiresAt: later }) })).toEqual({ kind: 'expired', credential: 'staff' });
  });

  it.each([
    ['garbage', 'not-a-cookie'],
    ['a tampered slug', link().replace(/^[^.]+/, Buffer.from(JSON.stringify({ slug: 'other', exp: 1900000000 })).toString('base64url'))],
    ['a staff session sealed as a link session', sealStaffSession(staff, { secret, expiresAt: later })],
    ['a link session with a bad slug', seal('preview-session', { slug: '../etc' }, { secret, expiresAt: later })],
    ['the Next.js previewModeId', '0a88edc4263794b572d777ad11e900a5'],
  ])('says expired for %s', (_, previewCookie) => {
    expect(decide({ previewCookie })).toEqual({ kind: 'expired', credential: 'link' });
  });

  it('gives a valid staff session staff access, and a revoked one nothing', () => {
    const staffCookie = sealStaffSession(staff, { secret, expiresAt: later });
    expect(decide({ staffCookie })).toEqual({ kind: 'staff', staff, expiresAt: later });
    expect(decide({ staffCookie, previewCookie: link() })).toMatchObject({ kind: 'staff' });
    expect(decide({ staffCookie, isRevoked: (sid) => sid === 's-1' })).toEqual({ kind: 'expired', credential: 'staff' });
    // A revoked staff session beside a valid link session: the link still counts.
    expect(decide({ staffCookie, previewCookie: link(), isRevoked: () => true })).toMatchObject({ kind: 'article', slug });
  });

  it('never grants more than expired without Draft Mode', () => {
    expect(decide({ draftMode: false, previewCookie: link() })).toEqual({ kind: 'expired', credential: 'link' });
    expect(decide({ draftMode: false, staffCookie: sealStaffSession(staff, { secret, expiresAt: later }) })).toEqual({ kind: 'expired', credential: 'staff' });
  });

  it('grants nothing when preview is not configured', () => {
    expect(decide({ secret: undefined, previewCookie: link() })).toEqual({ kind: 'expired', credential: 'link' });
  });

  it('ignores every cookie on a host other than PREVIEW_HOST', () => {
    const previewHost = 'preview.news.example.gov';
    expect(decide({ previewHost, host: 'www.news.example.gov', previewCookie: link() })).toEqual({ kind: 'public' });
    expect(decide({ previewHost, host: 'www.news.example.gov', previewCookie: 'garbage' })).toEqual({ kind: 'public' });
    expect(decide({ previewHost, host: null, previewCookie: link() })).toEqual({ kind: 'public' });
    expect(decide({ previewHost, host: 'PREVIEW.news.example.gov', previewCookie: link() })).toMatchObject({ kind: 'article' });
    expect(decide({ previewHost: 'preview.example.gov:8443', host: 'preview.example.gov', previewCookie: link() })).toEqual({ kind: 'public' });
  });
});

describe('sameHost', () => {
  it('compares without case or a trailing dot, with the port', () => {
    expect(sameHost('Example.gov', 'example.gov.')).toBe(true);
    expect(sameHost('example.gov:3000', 'example.gov.:3000')).toBe(true);
    expect(sameHost('example.gov:3000', 'example.gov')).toBe(false);
    expect(sameHost('example.gov.evil.example', 'example.gov')).toBe(false);
  });
});

describe('what each access may see', () => {
  const article = { kind: 'article', slug, expiresAt: later } as const;
  const staffAccess = { kind: 'staff', staff, expiresAt: later } as const;
  it('a link session previews its own article only, and no listing', () => {
    expect(canPreviewArticle(article, slug)).toBe(true);
    expect(canPreviewArticle(article, 'embargoed-readiness-report-example')).toBe(false);
    expect(seesAllDrafts(article)).toBe(false);
  });
  it('staff see everything; public and expired nothing', () => {
    expect(canPreviewArticle(staffAccess, 'anything')).toBe(true);
    expect(seesAllDrafts(staffAccess)).toBe(true);
    for (const access of [{ kind: 'public' }, { kind: 'expired', credential: 'link' }] as const) {
      expect(canPreviewArticle(access, slug)).toBe(false);
      expect(seesAllDrafts(access)).toBe(false);
    }
  });
});
