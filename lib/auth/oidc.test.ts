/**
 * The relying party against a real provider: e2e/support/oidc-test-provider.mjs (oidc-provider 9)
 * in a child process, with both ways a client authenticates (private_key_jwt as at Login.gov, and a
 * client secret), and the checks openid-client makes on the way back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaffAuthConfig, type StaffAuthConfig } from './config';
import { beginSignIn, finishSignIn, type SignInTransaction } from './oidc';

const SITE_URL = 'http://127.0.0.1:9';
let provider: ChildProcess;
let issuer = '';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  provider = spawn(process.execPath, [path.join(__dirname, '..', '..', 'e2e', 'support', 'oidc-test-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_TEST_PORT: String(port),
      OIDC_TEST_REDIRECT_URI: `${SITE_URL}/api/auth/callback`,
      OIDC_TEST_CLIENT_ID: 'unit',
      OIDC_TEST_CLIENT_JWK: JSON.stringify({ ...publicKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }),
      OIDC_TEST_SECRET_CLIENT_SECRET: 'unit-test-client-secret',
    },
    stdio: 'ignore',
  });
  for (let tries = 0; tries < 100; tries++) {
    const up = await fetch(`${issuer}/.well-known/openid-configuration`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The test provider did not start.');
}, 20_000);

afterAll(() => {
  provider?.kill();
});

function configFor(auth: 'key' | 'secret'): StaffAuthConfig {
  const result = readStaffAuthConfig({
    OIDC_ISSUER: issuer,
    SITE_URL,
    OIDC_SCOPES: 'openid email profile',
    ...(auth === 'key'
      ? { OIDC_CLIENT_ID: 'unit', OIDC_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }
      : { OIDC_CLIENT_ID: 'unit-secret', OIDC_CLIENT_SECRET: 'unit-test-client-secret' }),
  });
  if (result.status !== 'ok') throw new Error(`bad test configuration: ${JSON.stringify(result)}`);
  return result.config;
}

/** Signs in at the provider as `account` and returns the callback's query and the transaction. */
async function answer(config: StaffAuthConfig, account: string): Promise<{ search: string; transaction: SignInTransaction }> {
  const { url, transaction } = await beginSignIn(config, '/preview');
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  let response = await fetch(url, { redirect: 'manual' });
  for (let hop = 0; hop < 6; hop++) {
    remember(response);
    const location = new URL(response.headers.get('location') ?? '', issuer);
    if (location.pathname === '/api/auth/callback') return { search: location.search, transaction };
    response = location.pathname.startsWith('/interaction/')
      ? await fetch(location, {
          method: 'POST',
          body: new URLSearchParams({ account }),
          headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
          redirect: 'manual',
        })
      : await fetch(location, { headers: { cookie: cookie() }, redirect: 'manual' });
  }
  throw new Error('The provider never answered.');
}

describe('the OpenID Connect relying party', () => {
  it.each(['key', 'secret'] as const)('signs in with a %s, and reads the verified email', async (auth) => {
    const config = configFor(auth);
    const { search, transaction } = await answer(config, 'staff');
    expect(await finishSignIn(config, search, transaction)).toEqual({
      ok: true,
      claims: { sub: 'staff', iss: issuer, email: 'staff@agency.example.gov', email_verified: true, name: 'Sam Staffer' },
    });
  });

  it('refuses an answer whose state, nonce or PKCE verifier is not the transaction’s', async () => {
    const config = configFor('key');
    const stateCase = await answer(config, 'staff');
    expect(await finishSignIn(config, stateCase.search, { ...stateCase.transaction, state: 'another' })).toMatchObject({
      ok: false,
      reason: 'state-mismatch',
    });
    const nonceCase = await answer(config, 'staff');
    expect(await finishSignIn(config, nonceCase.search, { ...nonceCase.transaction, nonce: 'another' })).toMatchObject({
      ok: false,
      reason: 'failed',
      detail: expect.stringContaining('nonce'),
    });
    const pkceCase = await answer(config, 'staff');
    expect(await finishSignIn(config, pkceCase.search, { ...pkceCase.transaction, verifier: 'a'.repeat(43) })).toMatchObject({
      ok: false,
      reason: 'failed',
    });
  });

  it('reports a refusal at the provider (access_denied)', async () => {
    const config = configFor('key');
    const { search, transaction } = await answer(config, 'cancel');
    expect(await finishSignIn(config, search, transaction)).toEqual({
      ok: false,
      reason: 'provider-refused',
      detail: 'access_denied: The person cancelled sign-in.',
    });
  });

  it('refuses a code used twice', async () => {
    const config = configFor('secret');
    const { search, transaction } = await answer(config, 'staff');
    expect((await finishSignIn(config, search, transaction)).ok).toBe(true);
    expect(await finishSignIn(config, search, transaction)).toMatchObject({ ok: false, reason: 'failed' });
  });
});
