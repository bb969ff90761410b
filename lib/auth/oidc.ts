/**
 * The OpenID Connect relying party, through openid-client 6: authorization code flow with PKCE
 * (S256), state and nonce, and the ID token checked by the library (issuer, audience, signature
 * against the provider's published keys, expiry, nonce). Nothing here decides who is staff: that
 * is isAllowedStaff (lib/auth/config.ts), on the claims this returns.
 */
import { createPrivateKey, webcrypto } from 'node:crypto';
import * as client from 'openid-client';
import type { StaffAuthConfig } from './config';

/** What the sign-in start seals into the transaction cookie, and the callback checks against. */
export interface SignInTransaction {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export interface SignedInClaims {
  sub: string;
  iss: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

async function importPrivateKey(pem: string, kid: string | undefined): Promise<client.PrivateKey> {
  let keyObject;
  try {
    keyObject = createPrivateKey(pem);
  } catch {
    throw new Error('OIDC_PRIVATE_KEY: not a readable PEM private key.');
  }
  const der = keyObject.export({ type: 'pkcs8', format: 'der' });
  const algorithm =
    keyObject.asymmetricKeyType === 'rsa'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : keyObject.asymmetricKeyType === 'ec' && keyObject.asymmetricKeyDetails?.namedCurve === 'prime256v1'
        ? { name: 'ECDSA', namedCurve: 'P-256' }
        : undefined;
  if (!algorithm) throw new Error('OIDC_PRIVATE_KEY: must be an RSA or EC P-256 key (private_key_jwt signs with RS256 or ES256).');
  const key = await webcrypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
  return kid ? { key, kid } : { key };
}

const configurations = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's metadata and keys (discovery), once per process. A failed discovery is not kept,
 * so the next sign-in tries again once the provider is back.
 */
function clientConfiguration(config: StaffAuthConfig): Promise<client.Configuration> {
  const cacheKey = `${config.issuer.href} ${config.clientId}`;
  let pending = configurations.get(cacheKey);
  if (!pending) {
    pending = (async () => {
      const auth =
        config.clientAuth.method === 'private_key_jwt'
          ? client.PrivateKeyJwt(await importPrivateKey(config.clientAuth.privateKey, config.clientAuth.keyId))
          : client.ClientSecretBasic(config.clientAuth.secret);
      return client.discovery(config.issuer, config.clientId, undefined, auth, {
        ...(config.allowInsecureIssuer ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 10,
      });
    })();
    configurations.set(cacheKey, pending);
    pending.catch(() => configurations.delete(cacheKey));
  }
  return pending;
}

/** A new transaction and the provider's authorization URL for it. */
export async function beginSignIn(config: StaffAuthConfig, returnTo: string): Promise<{ url: URL; transaction: SignInTransaction }> {
  const configuration = await clientConfiguration(config);
  const transaction: SignInTransaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    returnTo,
  };
  const parameters: Record<string, string> = {
    redirect_uri: config.callbackUrl.href,
    scope: config.scopes,
    response_type: 'code',
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
    code_challenge_method: 'S256',
  };
  if (config.acrValues) parameters.acr_values = config.acrValues;
  return { url: client.buildAuthorizationUrl(configuration, parameters), transaction };
}

export type FinishResult = { ok: true; claims: SignedInClaims } | { ok: false; reason: 'provider-refused' | 'state-mismatch' | 'failed'; detail: string };

/**
 * Checks the provider's answer at the callback and exchanges the code. `search` is the callback
 * request's query; the URL is rebuilt on the configured callback address, so the redirect_uri
 * sent with the code is the registered one even behind a proxy that rewrites the Host header.
 */
export async function finishSignIn(config: StaffAuthConfig, search: string, transaction: SignInTransaction): Promise<FinishResult> {
  const currentUrl = new URL(config.callbackUrl);
  currentUrl.search = search;
  try {
    const configuration = await clientConfiguration(config);
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: transaction.verifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) return { ok: false, reason: 'failed', detail: 'the provider sent no ID token' };
    // Login.gov puts the email address in the userinfo response, not the ID token.
    let { email, email_verified, name } = idClaims as Record<string, unknown>;
    if (email === undefined) {
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      ({ email, email_verified, name } = userInfo as Record<string, unknown>);
    }
    return { ok: true, claims: { sub: idClaims.sub, iss: idClaims.iss, email, email_verified, name } };
  } catch (error) {
    if (error instanceof client.AuthorizationResponseError) {
      return { ok: false, reason: 'provider-refused', detail: `${error.error}${error.error_description ? `: ${error.error_description}` : ''}` };
    }
    // openid-client wraps what failed ("invalid response encountered") around the reason (`cause`).
    const messages: string[] = [];
    for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) messages.push(e.message);
    const detail = messages.join(': ') || String(error);
    if (messages.some((message) => /"state" response parameter/.test(message))) return { ok: false, reason: 'state-mismatch', detail };
    return { ok: false, reason: 'failed', detail };
  }
}
