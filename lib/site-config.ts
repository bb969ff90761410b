/**
 * Site-wide facts, in one place. An agency adopting this site edits this file
 * (and the pages in content/pages/) rather than any component.
 */

import type { SecurityTxtSettings } from './security/security-txt';

export type TopLevelDomain = '.gov' | '.mil';

export interface NavLink {
  label: string;
  href: string;
}

export interface SiteConfig {
  /** Shown in the header and at the end of every <title>. */
  siteName: string;
  /** Full name of the agency that owns the site, as in "An official website of the …". */
  agencyName: string;
  /** Short name used in "About <agency>". */
  agencyShortName: string;
  /** Bare domain shown in the identifier (no scheme). */
  domain: string;
  /** Absolute origin used for canonical URLs and feeds. */
  siteUrl: string;
  /** Picks the USWDS banner copy: `.gov` or `.mil`. */
  tld: TopLevelDomain;
  /** IANA time zone in which date-only publication dates start and dates display. */
  timeZone: string;
  /** How times in that zone are labelled: "9:00 AM ET". */
  timeZoneLabel: string;
  /** Short description for the home page meta description (50 to 160 characters). */
  description: string;
  /** Open Graph locale of every page. */
  locale: string;
  /**
   * The picture link previews show for pages without one of their own, in public/.
   * `npm run share-image` draws it from siteName and agencyName; run it after changing them.
   */
  shareImage: { path: string; width: number; height: number; alt: string };
  /** Publisher logo for structured data (a file in public/), if the agency has one. */
  logo?: { path: string; width: number; height: number };
  /**
   * GSA's Digital Analytics Program: off unless an agency code is set (DAP_AGENCY, and
   * optionally DAP_SUBAGENCY, when building and running the site).
   */
  analytics: { dapAgency?: string; dapSubagency?: string };
  primaryNav: NavLink[];
  /** Footer navigation (USWDS footer primary links). */
  footerNav: NavLink[];
  /** The USWDS identifier's required links, in USWDS's order. */
  requiredLinks: NavLink[];
  /** Parent agency link shown in the identifier's masthead. */
  parentAgency: { name: string; href: string };
  /**
   * RFC 9116 security.txt (lib/security/security-txt.ts): where to report vulnerabilities and the
   * disclosure policy. A production build stops on an empty contact or an example.* address.
   */
  security: SecurityTxtSettings;
  /** Articles per page on /news and topic pages. */
  listPageSize: number;
  /** Articles older than this many years carry an archive notice. */
  archiveAfterYears: number;
}

const agencyShortName = 'DOD';

export const siteConfig: SiteConfig = {
  siteName: 'DOD News',
  agencyName: 'U.S. Department of Defense',
  agencyShortName,
  domain: 'defense.gov',
  siteUrl: process.env.SITE_URL ?? 'https://www.defense.gov',
  tld: '.gov',
  timeZone: 'America/New_York',
  timeZoneLabel: 'ET',
  description:
    'News from the U.S. Department of Defense: articles, photos and announcements about the department, its people and its missions.',
  locale: 'en_US',
  shareImage: {
    path: '/share-image.png',
    width: 1200,
    height: 630,
    alt: 'DOD News, from the U.S. Department of Defense',
  },
  analytics: {
    dapAgency: process.env.DAP_AGENCY?.trim() || undefined,
    dapSubagency: process.env.DAP_SUBAGENCY?.trim() || undefined,
  },
  primaryNav: [
    { label: 'Home', href: '/' },
    { label: 'News', href: '/news' },
    { label: 'About', href: '/about' },
    { label: 'Contact', href: '/contact' },
  ],
  // GSA Site Scanning looks for these words in link text; the identifier's USWDS labels lack
  // "about us", "budget and performance" and "vulnerability disclosure", and the feedback link
  // must read exactly "Contact" (docs/decisions/0007-metadata-and-required-links.md).
  footerNav: [
    { label: 'News', href: '/news' },
    { label: 'About us', href: '/about' },
    { label: 'Budget and performance', href: '/performance' },
    { label: 'RSS feeds', href: '/feeds' },
    { label: 'Vulnerability disclosure policy', href: '/vulnerability-disclosure-policy' },
    { label: 'Contact', href: '/contact' },
  ],
  requiredLinks: [
    { label: `About ${agencyShortName}`, href: '/about' },
    { label: 'Accessibility statement', href: '/accessibility' },
    { label: 'FOIA requests', href: '/foia' },
    { label: 'No FEAR Act data', href: '/no-fear-act' },
    { label: 'Office of the Inspector General', href: '/inspector-general' },
    { label: 'Performance reports', href: '/performance' },
    { label: 'Privacy policy', href: '/privacy' },
  ],
  parentAgency: { name: 'U.S. Department of Defense', href: '/' },
  // DoD's Vulnerability Disclosure Program, run by the DoD Cyber Crime Center (DC3) on HackerOne.
  security: {
    contacts: ['https://hackerone.com/deptofdefense'],
    policy: 'https://www.dc3.mil/Missions/Vulnerability-Disclosure/Vulnerability-Disclosure-Program-DoD-VDP/',
    expiresInDays: 180,
    preferredLanguages: ['en'],
  },
  listPageSize: 10,
  archiveAfterYears: 5,
};
