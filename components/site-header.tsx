import Link from 'next/link';
import type { ComponentPropsWithoutRef } from 'react';
import type { NavLink } from '@/lib/site-config';

export interface SiteHeaderProps extends ComponentPropsWithoutRef<'header'> {
  siteName: string;
  nav: NavLink[];
}

/** USWDS basic header (packages/usa-header/src/usa-header.twig) with the primary navigation. */
export function SiteHeader({ siteName, nav, className, ...rest }: SiteHeaderProps) {
  return (
    <>
      <div className="usa-overlay" />
      <header className={['usa-header usa-header--basic', className].filter(Boolean).join(' ')} {...rest}>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo">
              <em className="usa-logo__text">
                <Link href="/" title={`${siteName} home`}>
                  {siteName}
                </Link>
              </em>
            </div>
            <button type="button" className="usa-menu-btn">
              Menu
            </button>
          </div>
          <nav aria-label="Primary navigation" className="usa-nav">
            <button type="button" className="usa-nav__close">
              {/* eslint-disable-next-line @next/next/no-img-element -- USWDS icon */}
              <img src="/uswds/img/usa-icons/close.svg" role="img" alt="Close" width={24} height={24} />
            </button>
            <ul className="usa-nav__primary usa-accordion">
              {nav.map((item) => (
                <li className="usa-nav__primary-item" key={item.href}>
                  <Link href={item.href} className="usa-nav-link">
                    <span>{item.label}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
}
