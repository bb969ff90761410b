import type { BreadcrumbTrail } from '@/lib/breadcrumbs';

/** USWDS breadcrumb; the last crumb is the current page and is not a link. */
export function Breadcrumb({ trail, current }: BreadcrumbTrail) {
  return (
    <nav className="usa-breadcrumb" aria-label="Breadcrumbs">
      <ol className="usa-breadcrumb__list">
        {trail.map((crumb) => (
          <li className="usa-breadcrumb__list-item" key={crumb.href}>
            <a href={crumb.href} className="usa-breadcrumb__link">
              <span>{crumb.label}</span>
            </a>
          </li>
        ))}
        <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
          <span>{current}</span>
        </li>
      </ol>
    </nav>
  );
}
