/**
 * The staff session: who signed in at the agency's OpenID Connect provider, as a sealed cookie
 * (lib/preview/seal.ts, purpose `staff-session`, signed with PREVIEW_SECRET). Rotating the secret
 * ends every session. Pure functions with the secret and clock passed in.
 *
 * Owned by the staff sign-in work (app/api/auth/*): sign-out revocation is checked here too.
 */
import { seal, unseal, type UnsealFailure } from '../preview/seal';

export const STAFF_COOKIE = 'newsroom_staff';

/** How long a staff session lasts after sign-in when STAFF_SESSION_HOURS is unset: 8 hours. */
export const DEFAULT_STAFF_SESSION_MS = 8 * 3_600_000;

export interface StaffIdentity {
  /** Session id: random, one per sign-in; what sign-out revokes. */
  sid: string;
  /** The provider's subject identifier. */
  sub: string;
  /** The provider's issuer, so two providers' subjects never collide. */
  iss: string;
  email?: string;
  name?: string;
}

export type StaffSessionResult = { ok: true; staff: StaffIdentity; expiresAt: Date } | { ok: false; reason: UnsealFailure | 'revoked' };

export function sealStaffSession(staff: StaffIdentity, options: { secret: string; expiresAt: Date }): string {
  return seal('staff-session', { ...staff }, options);
}

function isIdentity(payload: Record<string, unknown>): payload is Record<string, unknown> & StaffIdentity {
  const optional = (value: unknown) => value === undefined || typeof value === 'string';
  return (
    typeof payload.sid === 'string' &&
    payload.sid !== '' &&
    typeof payload.sub === 'string' &&
    payload.sub !== '' &&
    typeof payload.iss === 'string' &&
    optional(payload.email) &&
    optional(payload.name)
  );
}

export function readStaffSession(
  value: string | null | undefined,
  options: { secret: string; now?: Date; isRevoked?: (sid: string) => boolean },
): StaffSessionResult {
  const opened = unseal('staff-session', value, options);
  if (!opened.ok) return opened;
  if (!isIdentity(opened.payload)) return { ok: false, reason: 'malformed' };
  const { sid, sub, iss, email, name } = opened.payload;
  if (options.isRevoked?.(sid)) return { ok: false, reason: 'revoked' };
  const staff: StaffIdentity = { sid, sub, iss };
  if (email !== undefined) staff.email = email;
  if (name !== undefined) staff.name = name;
  return { ok: true, staff, expiresAt: opened.expiresAt };
}
