import type { ComponentPropsWithoutRef } from 'react';
import { MAX_QUERY_LENGTH } from '@/lib/search/query';

export interface SearchFormProps extends Omit<ComponentPropsWithoutRef<'form'>, 'action' | 'method' | 'role'> {
  /** The input's id (the label points at it); unique on the page. */
  inputId: string;
  /** `small`: the icon-only button of the header; `medium`: "Search" written on the button. */
  size: 'small' | 'medium';
  /** The words to show in the field (the search page's own form). */
  defaultValue?: string;
}

/**
 * The USWDS search component (packages/usa-search/src/usa-search.twig): a GET form to /search,
 * so it works without JavaScript. The visually hidden label and the icon's alt both say "Search".
 */
export function SearchForm({ inputId, size, defaultValue, className, ...rest }: SearchFormProps) {
  const classes = ['usa-search', size === 'small' && 'usa-search--small', className];
  return (
    <form className={classes.filter(Boolean).join(' ')} role="search" action="/search" method="get" {...rest}>
      <label className="usa-sr-only" htmlFor={inputId}>
        Search
      </label>
      <input
        className="usa-input"
        id={inputId}
        type="search"
        name="q"
        maxLength={MAX_QUERY_LENGTH}
        defaultValue={defaultValue}
        autoComplete="off"
      />
      <button className="usa-button" type="submit">
        {size === 'medium' && <span className="usa-search__submit-text">Search</span>}
        {/* eslint-disable-next-line @next/next/no-img-element -- USWDS icon, served from public/uswds */}
        <img src="/uswds/img/usa-icons-bg/search--white.svg" className="usa-search__submit-icon" alt="Search" width={24} height={24} />
      </button>
    </form>
  );
}
