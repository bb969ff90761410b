/**
 * Runs once when a server starts (Next.js instrumentation). In production it opens the content
 * index and compares the content folder with it (decision 0024), then opens the search index
 * (decision 0023), so the first request, whatever it asks for, finds both ready instead of doing
 * that work itself.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  const { preparePublicContent } = await import('./lib/content');
  preparePublicContent();
  const { prepareSearch } = await import('./lib/search');
  prepareSearch();
}
