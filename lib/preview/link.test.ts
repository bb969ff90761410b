import { describe, expect, it } from 'vitest';
import { buildPreviewUrl, closeMatches, describeStatus, previewBaseUrl, unknownSlugMessage } from './link';

const token = 'biden-stoltenberg-confer-before-nato-summit.1764504000.abc';
const slugs = [
  'allied-logistics-conference-2027-preview',
  'installation-energy-resilience-challenge-winners',
  'prime-power-soldiers-train-for-hurricane-season',
  'military-families-prepare-for-2025-moving-season',
  'allies-practice-cold-weather-logistics-in-norway',
  'allied-logistics-officers-meet-on-readiness',
  'biden-stoltenberg-confer-before-nato-summit',
  'ukrainian-maintenance-crews-train-in-germany',
];

describe('previewBaseUrl', () => {
  it('is SITE_URL, or the local server without one', () => {
    expect(previewBaseUrl({ SITE_URL: 'https://www.example.gov' })).toBe('https://www.example.gov');
    expect(previewBaseUrl({})).toBe('http://localhost:3000');
  });

  it('is the preview host, with the site scheme, when there is one', () => {
    expect(previewBaseUrl({ SITE_URL: 'https://www.example.gov', PREVIEW_HOST: 'preview.example.gov' })).toBe('https://preview.example.gov');
    expect(previewBaseUrl({ SITE_URL: 'http://127.0.0.1:3100', PREVIEW_HOST: 'preview.localhost:3107' })).toBe('http://preview.localhost:3107');
    expect(previewBaseUrl({ PREVIEW_HOST: ' preview.example.gov ' })).toBe('http://preview.example.gov');
  });
});

describe('buildPreviewUrl', () => {
  it('puts the token on /api/preview of the base URL', () => {
    expect(buildPreviewUrl('http://localhost:3000', token)).toBe(`http://localhost:3000/api/preview?token=${token}`);
    expect(buildPreviewUrl('https://www.example.gov/', token)).toBe(
      `https://www.example.gov/api/preview?token=${token}`,
    );
  });

  it('keeps a path on the base URL', () => {
    expect(buildPreviewUrl('https://www.example.gov/newsroom/', token)).toBe(
      `https://www.example.gov/newsroom/api/preview?token=${token}`,
    );
  });

  it('refuses a base that is not an http(s) URL', () => {
    expect(() => buildPreviewUrl('www.example.gov', token)).toThrow(
      'SITE_URL "www.example.gov" is not a URL: use an origin like https://www.example.gov.',
    );
    expect(() => buildPreviewUrl('ftp://example.gov', token)).toThrow(
      'SITE_URL "ftp://example.gov" is not an http or https URL.',
    );
  });
});

describe('describeStatus', () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it('says draft for a draft, whatever its date', () => {
    expect(describeStatus({ status: 'draft', publishedAt: new Date('2020-01-01T00:00:00Z') }, now)).toBe('draft');
    expect(describeStatus({ status: 'draft', publishedAt: new Date('2027-01-15T05:00:00Z') }, now)).toBe('draft');
  });

  it('says scheduled for <date> for a published article dated after now', () => {
    expect(describeStatus({ status: 'published', publishedAt: new Date('2026-12-01T15:30:00Z') }, now)).toBe(
      'scheduled for Dec. 1, 2026 10:30 AM ET',
    );
  });

  it('says published once the date has come', () => {
    expect(describeStatus({ status: 'published', publishedAt: now }, now)).toBe('published');
    expect(describeStatus({ status: 'published', publishedAt: new Date('2023-06-13T04:00:00Z') }, now)).toBe(
      'published',
    );
  });
});

describe('closeMatches', () => {
  it('finds a slug with a typo', () => {
    expect(closeMatches('biden-stoltenburg-confer-before-nato-summit', slugs)).toEqual([
      'biden-stoltenberg-confer-before-nato-summit',
    ]);
  });

  it('finds slugs that start with what was typed, closest first', () => {
    expect(closeMatches('allied-logistics-conference', slugs)).toEqual([
      'allied-logistics-conference-2027-preview',
      'allied-logistics-officers-meet-on-readiness',
    ]);
  });

  it('finds slugs sharing most of the words, in any case', () => {
    expect(closeMatches('Stoltenberg-NATO', slugs)).toEqual(['biden-stoltenberg-confer-before-nato-summit']);
  });

  it('finds nothing for something unrelated', () => {
    expect(closeMatches('budget-hearing', slugs)).toEqual([]);
    expect(closeMatches('', slugs)).toEqual([]);
  });
});

describe('unknownSlugMessage', () => {
  it('lists the close matches', () => {
    expect(unknownSlugMessage('prime-power-soldier', slugs)).toBe(
      'No article has the slug "prime-power-soldier". Close matches:\n  prime-power-soldiers-train-for-hurricane-season',
    );
  });

  it('says where slugs come from when nothing is close', () => {
    expect(unknownSlugMessage('budget-hearing', slugs)).toBe(
      'No article has the slug "budget-hearing". The slug is the article\'s file name without .md, in content/news/.',
    );
  });
});
