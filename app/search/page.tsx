import type { Metadata } from 'next';
import { SearchView } from '@/components/search-view';
import { parsePage, parseQuery, searchPublicArticles, searchMetadata } from '@/lib/search';

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

// Dynamic: it reads the query. The index lives in memory (lib/search), never in the build output.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata(parseQuery((await searchParams).q));
}

export default async function SearchPage({ searchParams }: Props) {
  const { q, page } = await searchParams;
  return <SearchView outcome={searchPublicArticles(q, parsePage(page))} />;
}
