import { describe, expect, it } from 'vitest';
import { siteConfig } from '../site-config';
import { assertSecurityTxtSettings, securityTxt, securityTxtProblems, type SecurityTxtSettings } from './security-txt';

const SITE = 'https://www.defense.gov';
const good: SecurityTxtSettings = {
  contacts: ['mailto:vdp@agency.gov', 'https://hackerone.com/agency'],
  policy: 'https://www.agency.gov/vdp',
  expiresInDays: 180,
  preferredLanguages: ['en', 'es'],
};

describe('security.txt settings', () => {
  it('the sample site (DoD) is publishable', () => {
    expect(securityTxtProblems(siteConfig.security, SITE)).toEqual([]);
  });

  it('accepts real contacts and a policy', () => {
    expect(securityTxtProblems(good, SITE)).toEqual([]);
  });

  it('refuses placeholder addresses, naming the setting', () => {
    expect(securityTxtProblems({ ...good, contacts: ['mailto:security@example.gov'] }, SITE)).toEqual([
      `siteConfig.security.contacts[0] is a placeholder ("mailto:security@example.gov"): put your agency's own in lib/site-config.ts`,
    ]);
    expect(securityTxtProblems({ ...good, contacts: ['mailto:a@agency.gov', 'https://vdp.example.com/report'] }, SITE)).toEqual([
      `siteConfig.security.contacts[1] is a placeholder ("https://vdp.example.com/report"): put your agency's own in lib/site-config.ts`,
    ]);
    expect(securityTxtProblems({ ...good, policy: 'https://example.org/policy' }, SITE)).toEqual([
      `siteConfig.security.policy is a placeholder ("https://example.org/policy"): put your agency's own in lib/site-config.ts`,
    ]);
  });

  it('refuses a policy path on a site whose address is a placeholder', () => {
    expect(securityTxtProblems({ ...good, policy: '/vdp' }, 'https://news.example.gov')).toEqual([
      `siteConfig.security.policy (resolved against SITE_URL) is a placeholder ("https://news.example.gov/vdp"): put your agency's own in lib/site-config.ts`,
    ]);
    expect(securityTxtProblems({ ...good, policy: '/vdp' }, SITE)).toEqual([]);
  });

  it('refuses an empty contact list, an empty contact and a contact that is not a URI', () => {
    expect(securityTxtProblems({ ...good, contacts: [] }, SITE)).toEqual([
      'siteConfig.security.contacts is empty: list at least one mailto: or https:// address for vulnerability reports',
    ]);
    expect(securityTxtProblems({ ...good, contacts: [' '] }, SITE)).toEqual(['siteConfig.security.contacts[0] is empty: set it in lib/site-config.ts']);
    expect(securityTxtProblems({ ...good, contacts: ['security@agency.gov'] }, SITE)).toEqual([
      'siteConfig.security.contacts[0] must start with mailto:, https:, tel: (RFC 9116), got "security@agency.gov"',
    ]);
    expect(securityTxtProblems({ ...good, contacts: ['http://agency.gov/report'] }, SITE)).toEqual([
      'siteConfig.security.contacts[0] must start with mailto:, https:, tel: (RFC 9116), got "http://agency.gov/report"',
    ]);
  });

  it('refuses an Expires a year or more ahead, and bad language tags', () => {
    expect(securityTxtProblems({ ...good, expiresInDays: 400 }, SITE)).toEqual([
      'siteConfig.security.expiresInDays must be a whole number of days from 1 to 365 (RFC 9116: less than a year), got 400',
    ]);
    expect(securityTxtProblems({ ...good, preferredLanguages: ['English'] }, SITE)).toEqual([
      'siteConfig.security.preferredLanguages has "English", which is not a language tag such as "en" or "es"',
    ]);
  });

  it('the build error lists every problem', () => {
    expect(() => assertSecurityTxtSettings({ ...good, contacts: [], hiring: 'https://jobs.example.gov' }, SITE)).toThrow(
      '/.well-known/security.txt cannot be published:\n' +
        '  - siteConfig.security.contacts is empty: list at least one mailto: or https:// address for vulnerability reports\n' +
        `  - siteConfig.security.hiring is a placeholder ("https://jobs.example.gov"): put your agency's own in lib/site-config.ts`,
    );
  });
});

describe('security.txt text', () => {
  it('lists every contact, the optional fields, and an Expires at midnight UTC within a year', () => {
    const text = securityTxt(
      { ...good, encryption: 'https://www.agency.gov/pgp.txt', acknowledgments: 'https://www.agency.gov/thanks', hiring: 'https://www.usajobs.gov' },
      { siteUrl: SITE, now: new Date('2026-11-30T18:00:00Z') },
    );
    expect(text).toBe(
      [
        'Contact: mailto:vdp@agency.gov',
        'Contact: https://hackerone.com/agency',
        'Expires: 2027-05-29T00:00:00Z',
        'Encryption: https://www.agency.gov/pgp.txt',
        'Acknowledgments: https://www.agency.gov/thanks',
        'Policy: https://www.agency.gov/vdp',
        'Canonical: https://www.defense.gov/.well-known/security.txt',
        'Preferred-Languages: en, es',
        'Hiring: https://www.usajobs.gov',
        '',
      ].join('\n'),
    );
  });

  it('resolves a policy path against the site address', () => {
    const text = securityTxt({ ...good, policy: '/vulnerability-disclosure-policy' }, { siteUrl: SITE, now: new Date() });
    expect(text).toContain('Policy: https://www.defense.gov/vulnerability-disclosure-policy\n');
  });
});
