import type { PageMeta } from '@/lib/metadata';

export const errorMeta: PageMeta = {
  title: 'Something went wrong',
  description: 'This page could not be shown because of an error on our side. Please try again in a moment.',
  robots: { index: false, follow: true },
};

/** The site's 500 page: a page that failed to render (lib/render/html-response.tsx). Reloading is the way to try again. */
export function ErrorView() {
  return (
    <div className="grid-container padding-y-6">
      <div className="site-article usa-prose">
        <h1>Something went wrong</h1>
        <p className="usa-intro">This page could not be shown because of an error on our side.</p>
        <p>
          Please reload the page in a moment. If the problem continues, <a href="/contact">contact us</a>.
        </p>
      </div>
    </div>
  );
}
