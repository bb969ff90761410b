import { ArticleView } from '@/components/article-view';
import { ContentProblems } from '@/components/content-problems';
import { JsonLd } from '@/components/json-ld';
import { PreviewAlert } from '@/components/preview-alert';
import { isArchived } from '@/lib/archive';
import { articleBreadcrumb } from '@/lib/breadcrumbs';
import { now } from '@/lib/clock';
import { getArticleForView, getRelatedForView, loadArticleForPreview, stateOf } from '@/lib/content';
import { articleMetadata } from '@/lib/metadata';
import { canPreviewArticle, type PreviewAccess } from '@/lib/preview/access';
import { notFound, page } from '@/lib/render/outcome';
import { siteConfig } from '@/lib/site-config';
import { breadcrumbList, newsArticle } from '@/lib/structured-data';

/**
 * /news/<slug>. A link's session previews its own article only; every other address is the public
 * one. In preview the file is parsed off the request thread (a bounded worker), and a file that
 * cannot be shown gets its problems on this page instead of an error for the whole site.
 */
export async function articlePage(slug: string, access: PreviewAccess) {
  const preview = canPreviewArticle(access, slug);
  const loaded = preview ? await loadArticleForPreview(slug) : undefined;
  if (loaded && !loaded.article) {
    const file = loaded.issues[0]?.file ?? '';
    return page({ title: 'This article cannot be shown' }, <ContentProblems file={file} issues={loaded.issues} />);
  }
  const article = preview ? loaded?.article : getArticleForView(slug, { preview });
  if (!article) return notFound;
  const years = siteConfig.archiveAfterYears;
  return page(
    articleMetadata(article),
    <>
      {preview && <PreviewAlert article={article} state={stateOf(article)} returnTo={article.path} />}
      <ArticleView
        article={article}
        related={getRelatedForView(article, { preview })}
        preview={preview}
        // Decided when the page renders; the page cache renders it again at most a minute after it goes stale, so no rebuild is needed.
        archivedAfterYears={isArchived(article, now(), years) ? years : undefined}
      />
      <JsonLd data={[newsArticle(article), breadcrumbList(articleBreadcrumb(article), article.path)]} />
    </>,
  );
}
