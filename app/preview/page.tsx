import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { PreviewAlert } from '@/components/preview-alert';
import { PreviewList } from '@/components/preview-list';
import { getArticlesForView, stateOf } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';

export const metadata: Metadata = pageMetadata({
  title: 'Drafts and scheduled articles',
  description: 'Staff preview: every draft and scheduled article, with its status, date, warnings and a preview link.',
  path: '/preview',
});

/** Staff page, only in preview: what is not public yet. */
export default async function PreviewIndexPage() {
  const { isEnabled: preview } = await draftMode();
  if (!preview) notFound();
  const pending = getArticlesForView({ preview }).filter((article) => stateOf(article) !== 'published');
  return (
    <div className="grid-container padding-bottom-4">
      <PreviewAlert returnTo="/" />
      <h1 className="margin-top-4">Drafts and scheduled articles</h1>
      <PreviewList articles={pending} />
    </div>
  );
}
