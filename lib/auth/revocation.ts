/**
 * Signed-out staff sessions, kept until they would have expired anyway, so replaying a cookie
 * value copied before sign-out is refused. One file per session id in a directory: every server
 * process on the machine (the standalone server is often run as several) sees every sign-out
 * without a database. Several machines need the directory on a shared mount.
 *
 * Synchronous on purpose: `readStaffSession` asks `isRevoked(sid)` inline, and a stat of a small
 * file is cheaper than the request it guards.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Session ids are made by randomSessionId (lib/auth/session-cookies.ts): base64url, 22+ characters. */
const SID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export interface RevocationStore {
  revoke(sid: string, expiresAt: Date): void;
  isRevoked(sid: string, now?: Date): boolean;
}

export function fileRevocationStore(directory: string): RevocationStore {
  const fileFor = (sid: string) => {
    // The id comes from a cookie we signed, but a path is built from it: refuse anything that is
    // not a plain id rather than trust that.
    if (!SID_PATTERN.test(sid)) throw new Error(`Not a staff session id: "${sid.slice(0, 80)}".`);
    return path.join(directory, sid);
  };

  const expiryIn = (file: string): number | undefined => {
    try {
      const seconds = Number(readFileSync(file, 'utf8'));
      return Number.isSafeInteger(seconds) ? seconds * 1000 : undefined;
    } catch {
      return undefined;
    }
  };

  /** Drops records whose session has expired: the cookie itself is refused by then. */
  const prune = (now: Date) => {
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      return;
    }
    for (const name of names) {
      if (!SID_PATTERN.test(name)) continue;
      const expiry = expiryIn(path.join(directory, name));
      if (expiry !== undefined && expiry <= now.getTime()) rmSync(path.join(directory, name), { force: true });
    }
  };

  return {
    revoke(sid, expiresAt) {
      const file = fileFor(sid);
      mkdirSync(directory, { recursive: true, mode: 0o700 });
      prune(new Date());
      writeFileSync(file, String(Math.ceil(expiresAt.getTime() / 1000)), { mode: 0o600 });
    },
    isRevoked(sid, now = new Date()) {
      if (!SID_PATTERN.test(sid)) return true;
      const expiry = expiryIn(path.join(directory, sid));
      // A record that cannot be read as a time still means "signed out": fail closed.
      if (expiry === undefined) {
        try {
          readFileSync(path.join(directory, sid));
          return true;
        } catch {
          return false;
        }
      }
      return expiry > now.getTime();
    },
  };
}
