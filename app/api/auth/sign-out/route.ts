import { signOut } from '@/lib/auth/sign-out';

/** Ends the staff session. POST only, from this site only (Origin checked in signOut). */
export async function POST(request: Request) {
  return signOut(request);
}
