import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PreviewAlert } from '@/components/preview-alert';
import { PreviewList } from '@/components/preview-list';
import { getArticlesForView, stateOf } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { getPreviewAccess, seesAllDrafts } from '@/lib/preview/access';

export const metadata: Metadata = pageMetadata({
  title: 'Drafts and scheduled articles',
  description: 'Staff preview: every draft and scheduled article, with its status, date, warnings and a preview link.',
  path: '/preview',
});

/** Staff page, for signed-in staff only (a preview link's session sees a 404): what is not public yet. */
export default async function PreviewIndexPage() {
  if (!seesAllDrafts(await getPreviewAccess())) notFound();
  const pending = getArticlesForView({ preview: true }).filter((article) => stateOf(article) !== 'published');
  return (
    <div className="grid-container padding-bottom-4">
      <PreviewAlert returnTo="/" />
      <h1 className="margin-top-4">Drafts and scheduled articles</h1>
      <PreviewList articles={pending} />
    </div>
  );
}
