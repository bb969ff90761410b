import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageView } from '@/components/page-view';
import { getPage, getPages } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;
// Without it Next tells shared caches to keep these pages a year; with it an hour, then a stale copy
// while they refetch (docs/deployment.md).
export const revalidate = 3600;

export function generateStaticParams() {
  return getPages().map((page) => ({ slug: page.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = getPage((await params).slug);
  if (!page) return {};
  return pageMetadata({ title: page.title, description: page.summary, path: page.path });
}

export default async function ContentPage({ params }: Props) {
  const page = getPage((await params).slug);
  if (!page) notFound();
  return <PageView page={page} />;
}
