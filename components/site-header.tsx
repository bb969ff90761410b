import type { ComponentPropsWithoutRef } from 'react';
import type { NavLink } from '@/lib/site-config';
import { SearchForm } from './search-form';

export interface SiteHeaderProps extends ComponentPropsWithoutRef<'header'> {
  siteName: string;
  nav: NavLink[];
}

/**
 * USWDS basic header with search (packages/usa-header/src/usa-header.twig): the primary
 * navigation, then the search form, upper right on desktop. On narrower screens USWDS puts both
 * behind the Menu button, which needs JavaScript, so a plain link to /search sits beside it there.
 */
export function SiteHeader({ siteName, nav, className, ...rest }: SiteHeaderProps) {
  return (
    <>
      <div className="usa-overlay" />
      <header className={['usa-header usa-header--basic', className].filter(Boolean).join(' ')} {...rest}>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo">
              <em className="usa-logo__text">
                <a href="/" title={`${siteName} home`}>
                  {siteName}
                </a>
              </em>
            </div>
            <a href="/search" className="site-search-link">
              {/* eslint-disable-next-line @next/next/no-img-element -- USWDS icon, served from public/uswds */}
              <img src="/uswds/img/usa-icons/search.svg" alt="" width={24} height={24} />
              Search
            </a>
            <button type="button" className="usa-menu-btn">
              Menu
            </button>
          </div>
          <nav aria-label="Primary navigation" className="usa-nav">
            <button type="button" className="usa-nav__close">
              {/* eslint-disable-next-line @next/next/no-img-element -- USWDS icon */}
              <img src="/uswds/img/usa-icons/close.svg" role="img" alt="Close" width={24} height={24} loading="lazy" />
            </button>
            <ul className="usa-nav__primary usa-accordion">
              {nav.map((item) => (
                <li className="usa-nav__primary-item" key={item.href}>
                  <a href={item.href} className="usa-nav-link">
                    <span>{item.label}</span>
                  </a>
                </li>
              ))}
            </ul>
            <section aria-label="Search component">
              <SearchForm inputId="search-field" size="small" aria-label="Site search" />
            </section>
          </nav>
        </div>
      </header>
    </>
  );
}
