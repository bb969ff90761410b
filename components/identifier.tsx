import type { SiteConfig } from '@/lib/site-config';

export interface IdentifierProps {
  config: SiteConfig;
}

/** USWDS identifier (packages/usa-identifier/src/usa-identifier.twig) with the required links. */
export function Identifier({ config }: IdentifierProps) {
  return (
    <div className="usa-identifier">
      <section
        className="usa-identifier__section usa-identifier__section--masthead"
        aria-label="Agency identifier"
      >
        <div className="usa-identifier__container">
          <section className="usa-identifier__identity" aria-label="Agency description">
            <p className="usa-identifier__identity-domain">{config.domain}</p>
            <p className="usa-identifier__identity-disclaimer">
              <span aria-hidden="true">An </span>official website of the{' '}
              <a href={config.parentAgency.href}>{config.parentAgency.name}</a>
            </p>
          </section>
        </div>
      </section>
      <nav
        className="usa-identifier__section usa-identifier__section--required-links"
        aria-label="Important links"
      >
        <div className="usa-identifier__container">
          <ul className="usa-identifier__required-links-list">
            {config.requiredLinks.map((link) => (
              <li className="usa-identifier__required-links-item" key={link.href}>
                <a href={link.href} className="usa-identifier__required-link usa-link">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <section
        className="usa-identifier__section usa-identifier__section--usagov"
        aria-label="U.S. government information and services"
      >
        <div className="usa-identifier__container">
          <div className="usa-identifier__usagov-description">
            Looking for U.S. government information and services?
          </div>{' '}
          <a href="https://www.usa.gov/" className="usa-link">
            Visit USA.gov
          </a>
        </div>
      </section>
    </div>
  );
}
