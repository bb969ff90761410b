import { PageView } from '@/components/page-view';
import { getPage } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { notFound, page } from '@/lib/render/outcome';

/** /<slug>: a content page from content/pages (About, Accessibility statement, …). */
export function contentPage(slug: string) {
  const found = getPage(slug);
  if (!found) return notFound;
  return page(pageMetadata({ title: found.title, description: found.summary, path: found.path }), <PageView page={found} />);
}
