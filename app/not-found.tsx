import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Page not found',
  description: 'The page you asked for does not exist here. It may have moved, or the address may be mistyped.',
  robots: { index: false },
};

export default function NotFound() {
  return (
    <div className="grid-container padding-y-6">
      <div className="site-article usa-prose">
        <h1>Page not found</h1>
        <p className="usa-intro">We can’t find the page you’re looking for.</p>
        <p>It may have moved, or the web address may be mistyped. Try one of these instead:</p>
        <ul>
          <li>
            <Link href="/">Go to the home page</Link>
          </li>
          <li>
            <Link href="/news">Browse the latest news</Link>
          </li>
          <li>
            <Link href="/contact">Contact us</Link> if you think something is missing
          </li>
        </ul>
      </div>
    </div>
  );
}
