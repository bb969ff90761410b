import type { TopLevelDomain } from './site-config';

/**
 * The official-site banner's wording, as USWDS ships it in
 * packages/usa-banner/src/content/usa-banner{,~mil}.json. Kept as data so the
 * .gov and .mil variants cannot drift apart in markup.
 */
export interface BannerCopy {
  id: string;
  ariaLabel: string;
  text: string;
  action: string;
  domainHeading: string;
  /** The domain notice, split around the bold top-level domain. */
  domainText: [before: string, strong: string, after: string];
  httpsHeading: string;
  httpsPostText: string;
}

const https = (tld: string) =>
  `means you’ve safely connected to the ${tld} website. Share sensitive information only on official, secure websites.`;

export const bannerCopy: Record<TopLevelDomain, BannerCopy> = {
  '.gov': {
    id: 'gov-banner-default',
    ariaLabel: 'Official website of the United States government',
    text: 'An official website of the United States government',
    action: 'Here’s how you know',
    domainHeading: 'Official websites use .gov',
    domainText: ['A ', '.gov', ' website belongs to an official government organization in the United States.'],
    httpsHeading: 'Secure .gov websites use HTTPS',
    httpsPostText: https('.gov'),
  },
  '.mil': {
    id: 'gov-banner-dot-mil',
    ariaLabel: 'Official website of the United States government',
    text: 'An official website of the United States government',
    action: 'Here’s how you know',
    domainHeading: 'Official websites use .mil',
    domainText: ['A ', '.mil', ' website belongs to an official U.S. Department of Defense organization.'],
    httpsHeading: 'Secure .mil websites use HTTPS',
    httpsPostText: https('.mil'),
  },
};
