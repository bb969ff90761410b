import type { ComponentPropsWithoutRef } from 'react';
import type { SiteConfig } from '@/lib/site-config';
import { Identifier } from './identifier';

export interface SiteFooterProps extends ComponentPropsWithoutRef<'footer'> {
  config: SiteConfig;
}

/** USWDS slim footer (packages/usa-footer/src/usa-footer--slim) followed by the identifier. */
export function SiteFooter({ config, className, ...rest }: SiteFooterProps) {
  return (
    <>
      <footer className={['usa-footer usa-footer--slim', className].filter(Boolean).join(' ')} {...rest}>
        <div className="grid-container usa-footer__return-to-top">
          <a href="#top">Return to top</a>
        </div>
        <div className="usa-footer__primary-section">
          <div className="usa-footer__primary-container grid-row">
            <div className="mobile-lg:grid-col-12">
              <nav className="usa-footer__nav" aria-label="Footer navigation">
                <ul className="grid-row grid-gap">
                  {config.footerNav.map((link) => (
                    <li
                      key={link.href}
                      className="mobile-lg:grid-col-6 desktop:grid-col-auto usa-footer__primary-content"
                    >
                      <a className="usa-footer__primary-link" href={link.href}>
                        {link.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </div>
        </div>
        <div className="usa-footer__secondary-section">
          <div className="grid-container">
            <p className="usa-footer__logo-heading">{config.siteName}</p>
            <p className="margin-top-1 margin-bottom-0">Produced by the {config.agencyName}.</p>
          </div>
        </div>
      </footer>
      <Identifier config={config} />
    </>
  );
}
