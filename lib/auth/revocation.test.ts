import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileRevocationStore } from './revocation';
import { readStaffSession, sealStaffSession } from './staff-session';

const SID = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER = 'BBBBBBBBBBBBBBBBBBBBBB';
const NOW = new Date('2026-11-30T12:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const fresh = () => mkdtempSync(path.join(os.tmpdir(), 'revocation-test-'));

describe('fileRevocationStore', () => {
  it('remembers a sign-out until the session would have expired', () => {
    const store = fileRevocationStore(path.join(fresh(), 'nested'));
    expect(store.isRevoked(SID, NOW)).toBe(false);
    store.revoke(SID, later(3_600_000));
    expect(store.isRevoked(SID, NOW)).toBe(true);
    expect(store.isRevoked(OTHER, NOW)).toBe(false);
    expect(store.isRevoked(SID, later(3_600_000))).toBe(false);
  });

  it('is shared by every process that uses the directory', () => {
    const directory = fresh();
    fileRevocationStore(directory).revoke(SID, later(60_000));
    expect(fileRevocationStore(directory).isRevoked(SID, NOW)).toBe(true);
  });

  it('drops records of sessions that have expired when it records a new one', () => {
    const directory = fresh();
    const store = fileRevocationStore(directory);
    store.revoke(OTHER, new Date(Date.now() - 1000));
    store.revoke(SID, new Date(Date.now() + 60_000));
    expect(readdirSync(directory)).toEqual([SID]);
  });

  it('refuses ids that could name another file, and treats them as revoked', () => {
    const store = fileRevocationStore(fresh());
    expect(() => store.revoke('../../etc/passwd-aaaaaaaaaaaa', later(1000))).toThrow('Not a staff session id');
    expect(store.isRevoked('../x', NOW)).toBe(true);
  });

  it('fails closed on a record it cannot read as a time', () => {
    const directory = fresh();
    writeFileSync(path.join(directory, SID), 'garbage');
    expect(fileRevocationStore(directory).isRevoked(SID, NOW)).toBe(true);
  });

  it('makes readStaffSession refuse a signed-out session', () => {
    const store = fileRevocationStore(fresh());
    const secret = 'a-test-secret-that-is-at-least-32-bytes-long';
    const value = sealStaffSession({ sid: SID, sub: 'u1', iss: 'https://idp.example.gov' }, { secret, expiresAt: later(3_600_000) });
    const read = () => readStaffSession(value, { secret, now: NOW, isRevoked: (sid) => store.isRevoked(sid, NOW) });
    expect(read().ok).toBe(true);
    store.revoke(SID, later(3_600_000));
    expect(read()).toEqual({ ok: false, reason: 'revoked' });
  });
});
