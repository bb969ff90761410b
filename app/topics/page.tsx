import type { Metadata } from 'next';
import Link from 'next/link';
import { PreviewAlert } from '@/components/preview-alert';
import { getTopicsForView } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { getPreviewAccess, seesAllDrafts } from '@/lib/preview/access';
import { siteConfig } from '@/lib/site-config';

export const revalidate = 60;

export const metadata: Metadata = pageMetadata({
  title: 'News topics',
  description: `Every topic ${siteConfig.siteName} covers, with the number of articles on each.`,
  path: '/topics',
});

export default async function TopicsPage() {
  const preview = seesAllDrafts(await getPreviewAccess());
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
