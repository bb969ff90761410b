import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import { ContentProblems } from '@/components/content-problems';
import { JsonLd } from '@/components/json-ld';
import { PreviewAlert } from '@/components/preview-alert';
import { articleBreadcrumb } from '@/lib/breadcrumbs';
import { getArticleForView, getRelatedForView, loadArticleForPreview, stateOf } from '@/lib/content';
import { getPrerenderPlan } from '@/lib/listings';
import { isArchived } from '@/lib/archive';
import { now } from '@/lib/clock';
import { articleMetadata } from '@/lib/metadata';
import { canPreviewArticle, getPreviewAccess } from '@/lib/preview/access';
import { siteConfig } from '@/lib/site-config';
import { breadcrumbList, newsArticle } from '@/lib/structured-data';

type Props = { params: Promise<{ slug: string }> };

// The newest public articles are built ahead (lib/prerender, decision 0010). Any other slug
// renders on its first request and is then cached: an older article, or a scheduled one, a 404
// until its time; that answer is regenerated at most every 60 seconds, so the article goes live
// within a minute of its time, without a rebuild.
export const revalidate = 60;

export function generateStaticParams() {
  return getPrerenderPlan().articles.map((slug) => ({ slug }));
}

// In preview the file is parsed off the request thread (a bounded worker), and a file that cannot
// be shown gets its problems on this page instead of an error for the whole site.
async function load(params: Props['params']) {
  const { slug } = await params;
  // A link's session previews its own article only; every other address is the public one.
  const preview = canPreviewArticle(await getPreviewAccess(), slug);
  if (!preview) return { preview, article: getArticleForView(slug, { preview }), problems: undefined };
  const loaded = await loadArticleForPreview(slug);
  return { preview, article: loaded?.article, problems: loaded && !loaded.article ? loaded.issues : undefined };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article, problems } = await load(params);
  if (problems) return { title: 'This article cannot be shown' };
  // The 404 page's own title and robots rules, not the layout's defaults.
  if (!article) notFound();
  return articleMetadata(article);
}

const years = siteConfig.archiveAfterYears;

export default async function ArticlePage({ params }: Props) {
  const { preview, article, problems } = await load(params);
  if (problems) return <ContentProblems file={problems[0]?.file ?? ''} issues={problems} />;
  if (!article) notFound();
  return (
    <>
      {preview && <PreviewAlert article={article} state={stateOf(article)} returnTo={article.path} />}
      <ArticleView
        article={article}
        related={getRelatedForView(article, { preview })}
        preview={preview}
        // Decided when the page renders; ISR re-renders it at most a minute after it goes stale, so no rebuild is needed.
        archivedAfterYears={isArchived(article, now(), years) ? years : undefined}
      />
      <JsonLd data={[newsArticle(article), breadcrumbList(articleBreadcrumb(article), article.path)]} />
    </>
  );
}
