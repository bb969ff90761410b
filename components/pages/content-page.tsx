import { PageView } from '@/components/page-view';
import { getPageForView } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { notFound, page } from '@/lib/render/outcome';

/** /<slug>: a content page from content/pages (About, Accessibility statement, …). */
export function contentPage(slug: string) {
  // Pages have no drafts: the public version in preview too.
  const found = getPageForView(slug, { preview: false });
  if (!found) return notFound;
  return page(pageMetadata({ title: found.title, description: found.summary, path: found.path }), <PageView page={found} />);
}
