import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageView } from '@/components/page-view';
import { getPage, getPages } from '@/lib/content';
import { feedAlternates } from '@/lib/feeds/catalog';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getPages().map((page) => ({ slug: page.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = getPage((await params).slug);
  if (!page) return {};
  return { title: page.title, description: page.summary, alternates: { canonical: page.path, types: feedAlternates() } };
}

export default async function ContentPage({ params }: Props) {
  const page = getPage((await params).slug);
  if (!page) notFound();
  return <PageView page={page} />;
}
