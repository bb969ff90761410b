import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import Link from 'next/link';
import { PreviewAlert } from '@/components/preview-alert';
import { getTopicsForView } from '@/lib/content';
import { feedAlternates } from '@/lib/feeds/catalog';
import { siteConfig } from '@/lib/site-config';

export const revalidate = 60;

export const metadata: Metadata = {
  title: 'Topics',
  description: `Every topic ${siteConfig.siteName} covers, with the number of articles on each.`,
  alternates: { canonical: '/topics', types: feedAlternates() },
};

export default async function TopicsPage() {
  const { isEnabled: preview } = await draftMode();
  return (
    <div className="grid-container padding-bottom-4">
      {preview && <PreviewAlert returnTo="/topics" />}
      <h1 className="margin-top-4">Topics</h1>
      <ul className="usa-list">
        {getTopicsForView({ preview }).map(({ topic, count }) => (
          <li key={topic.slug}>
            <Link href={`/topics/${topic.slug}`} className="usa-link">
              {topic.name}
            </Link>{' '}
            ({count} {count === 1 ? 'article' : 'articles'})
          </li>
        ))}
      </ul>
    </div>
  );
}
