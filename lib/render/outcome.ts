import type { ReactNode } from 'react';
import type { PageMeta } from '@/lib/metadata';

/**
 * What a page's loader decides for a request (components/pages): a page to render in the site's
 * document, the site's 404 page, or a permanent redirect (`/news/page/1` is `/news`).
 */
export type PageOutcome =
  | { kind: 'page'; meta: PageMeta; body: ReactNode; status?: number }
  | { kind: 'not-found' }
  | { kind: 'redirect'; location: string }
  /** Something failed: the site's error page. */
  | { kind: 'error' };

export const notFound: PageOutcome = { kind: 'not-found' };

export function redirectTo(location: string): PageOutcome {
  return { kind: 'redirect', location };
}

export function page(meta: PageMeta, body: ReactNode, status?: number): PageOutcome {
  return { kind: 'page', meta, body, ...(status ? { status } : {}) };
}
