import { searchPage } from '@/components/pages/search';
import { getPreviewAccess } from '@/lib/preview/access';
import { servePage } from '@/lib/render/html-response';

/** Search reads its query, so it renders per request; the index lives in memory (lib/search). */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return servePage(() => searchPage(new URL(request.url).searchParams), await getPreviewAccess(), { dynamic: true });
}
