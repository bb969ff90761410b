/** USWDS skip link: the first focusable element of every page. */
export function SkipNav({ target = 'main-content' }: { target?: string }) {
  return (
    <a className="usa-skipnav" href={`#${target}`}>
      Skip to main content
    </a>
  );
}
