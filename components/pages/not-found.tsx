import type { PageMeta } from '@/lib/metadata';

export const notFoundMeta: PageMeta = {
  title: 'Page not found',
  description: 'The page you asked for does not exist here. It may have moved, or the address may be mistyped.',
  robots: { index: false, follow: true },
};

/** The site's 404 page: for any address that names nothing public (lib/render/site-pages.ts). */
export function NotFoundView() {
  return (
    <div className="grid-container padding-y-6">
      <div className="site-article usa-prose">
        <h1>Page not found</h1>
        <p className="usa-intro">We can’t find the page you’re looking for.</p>
        <p>It may have moved, or the web address may be mistyped. Try one of these instead:</p>
        <ul>
          <li>
            <a href="/">Go to the home page</a>
          </li>
          <li>
            <a href="/news">Browse the latest news</a>
          </li>
          <li>
            <a href="/contact">Contact us</a> if you think something is missing
          </li>
        </ul>
      </div>
    </div>
  );
}
