import { staffDeskPage } from '@/components/pages/staff-desk';
import { getPreviewAccess } from '@/lib/preview/access';
import { servePage } from '@/lib/render/html-response';

/** The staff desk: per request, for the signed-in staff member only. */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const access = await getPreviewAccess();
  return servePage(() => staffDeskPage(new URL(request.url).searchParams), access, { dynamic: true });
}
