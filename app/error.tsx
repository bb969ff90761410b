'use client';

import Link from 'next/link';

// An error page must be a client component (Next.js error boundary).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="grid-container padding-y-6">
      <div className="site-article usa-prose">
        <h1>Something went wrong</h1>
        <p className="usa-intro">This page could not be shown because of an error on our side.</p>
        <p>Please try again in a moment. If the problem continues, <Link href="/contact">contact us</Link>.</p>
        <button type="button" className="usa-button" onClick={reset}>
          Try again
        </button>
      </div>
    </div>
  );
}
