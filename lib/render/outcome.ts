import type { ReactNode } from 'react';
import type { PageMeta } from '@/lib/metadata';

/**
 * What a page's loader decides for a request (components/pages): a page to render in the site's
 * document, the site's 404 page, or a permanent redirect (`/news/page/1` is `/news`).
 */
export type PageOutcome =
  | { kind: 'page'; meta: PageMeta; body: ReactNode; status?: number }
  | { kind: 'not-found' }
  /** 308 when the address has moved for good (`/news/page/1`), 307 when only this request goes elsewhere (sign in first). */
  | { kind: 'redirect'; location: string; permanent: boolean }
  /** Something failed: the site's error page. */
  | { kind: 'error' };

export const notFound: PageOutcome = { kind: 'not-found' };

export function redirectTo(location: string, { permanent }: { permanent: boolean }): PageOutcome {
  return { kind: 'redirect', location, permanent };
}

export function page(meta: PageMeta, body: ReactNode, status?: number): PageOutcome {
  return { kind: 'page', meta, body, ...(status ? { status } : {}) };
}
