import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { bannerCopy } from '@/lib/uswds-banner-copy';
import type { TopLevelDomain } from '@/lib/site-config';

export interface GovBannerProps extends ComponentPropsWithoutRef<'section'> {
  tld: TopLevelDomain;
}

/**
 * USWDS official-site banner, markup from packages/usa-banner/src/usa-banner.twig.
 *
 * Progressive enhancement: the server renders the panel open and the button says so
 * (aria-expanded="true"), which is the truth when no script runs. While scripts load,
 * `html.usa-js-loading` keeps the panel off-screen (USWDS CSS), and USWDS's banner
 * behaviour then collapses it (aria-expanded="false" + hidden), so there is no flash
 * and no layout shift. USWDS's own init reads a bogus attribute and always collapses,
 * so the server state never leaks into the scripted one.
 */
export function GovBanner({ tld, className, ...rest }: GovBannerProps) {
  const copy = bannerCopy[tld];
  return (
    <section
      className={['usa-banner', className].filter(Boolean).join(' ')}
      aria-label={copy.ariaLabel}
      {...rest}
    >
      <div className="usa-accordion">
        <header className="usa-banner__header">
          <div className="usa-banner__inner">
            <div className="grid-col-auto">
              {/* eslint-disable-next-line @next/next/no-img-element -- decorative 16px flag, not worth the image optimizer */}
              <img
                aria-hidden="true"
                className="usa-banner__header-flag"
                src="/uswds/img/us_flag_small.png"
                alt=""
                width={16}
                height={11}
              />
            </div>
            <div className="grid-col-fill tablet:grid-col-auto" aria-hidden="true">
              <p className="usa-banner__header-text">{copy.text}</p>
              <p className="usa-banner__header-action">{copy.action}</p>
            </div>
            <button
              type="button"
              className="usa-accordion__button usa-banner__button"
              aria-expanded="true"
              aria-controls={copy.id}
            >
              <span className="usa-banner__button-text">{copy.action}</span>
            </button>
          </div>
        </header>
        <div
          className="usa-banner__content usa-accordion__content"
          id={copy.id}
        >
          <div className="grid-row grid-gap-lg">
            <BannerGuidance icon="/uswds/img/icon-dot-gov.svg">
              <strong>{copy.domainHeading}</strong>
              <br />
              {copy.domainText[0]}
              <strong>{copy.domainText[1]}</strong>
              {copy.domainText[2]}
            </BannerGuidance>
            <BannerGuidance icon="/uswds/img/icon-https.svg">
              <strong>{copy.httpsHeading}</strong>
              <br />A <strong>lock</strong> (<LockIcon />) or <strong>https://</strong> {copy.httpsPostText}
            </BannerGuidance>
          </div>
        </div>
      </div>
    </section>
  );
}

function BannerGuidance({ icon, children }: { icon: string; children: ReactNode }) {
  return (
    <div className="usa-banner__guidance tablet:grid-col-6">
      {/* eslint-disable-next-line @next/next/no-img-element -- decorative icon */}
      <img
        className="usa-banner__icon usa-media-block__img"
        src={icon}
        role="img"
        alt=""
        aria-hidden="true"
        width={40}
        height={40}
        // Inside the collapsed panel: fetched when the reader opens it, not ahead of the page's own content.
        loading="lazy"
      />
      <div className="usa-media-block__body">
        <p>{children}</p>
      </div>
    </div>
  );
}

function LockIcon() {
  return (
    <span className="icon-lock">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width="52"
        height="64"
        viewBox="0 0 52 64"
        className="usa-banner__lock-image"
        role="img"
        aria-labelledby="banner-lock-description"
        focusable="false"
      >
        <title id="banner-lock-title">Lock</title>
        <desc id="banner-lock-description">Locked padlock icon</desc>
        <path
          fill="#000000"
          fillRule="evenodd"
          d="M26 0c10.493 0 19 8.507 19 19v9h3a4 4 0 0 1 4 4v28a4 4 0 0 1-4 4H4a4 4 0 0 1-4-4V32a4 4 0 0 1 4-4h3v-9C7 8.507 15.507 0 26 0zm0 8c-5.979 0-10.843 4.77-10.996 10.712L15 19v9h22v-9c0-6.075-4.925-11-11-11z"
        />
      </svg>
    </span>
  );
}
