/**
 * A real OpenID Connect provider (oidc-provider 9) for the staff sign-in tests, on 127.0.0.1 only.
 * Started by Playwright as a webServer entry (e2e/support/playwright-base.ts) and stopped by it.
 *
 * One client, the site under test, authenticating with private_key_jwt as it would at Login.gov
 * (its public key comes in OIDC_TEST_CLIENT_JWK), and with OIDC_TEST_SECRET_CLIENT_SECRET a second,
 * `<id>-secret`, with client_secret_basic; PKCE required. Its sign-in page lists the test
 * people as buttons (there is nothing to type) plus "Cancel", which answers error=access_denied:
 *   staff       staff@agency.example.gov, verified: on the staff list
 *   outsider    someone@example.com, verified: not on it
 *   unverified  unverified@agency.example.gov, email_verified false
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_TEST_PORT);
const redirectUri = process.env.OIDC_TEST_REDIRECT_URI;
const clientId = process.env.OIDC_TEST_CLIENT_ID;
const clientJwk = JSON.parse(process.env.OIDC_TEST_CLIENT_JWK ?? 'null');
if (!port || !redirectUri || !clientId || !clientJwk) {
  throw new Error('oidc-test-provider needs OIDC_TEST_PORT, OIDC_TEST_REDIRECT_URI, OIDC_TEST_CLIENT_ID and OIDC_TEST_CLIENT_JWK.');
}

const PEOPLE = {
  staff: { email: 'staff@agency.example.gov', email_verified: true, name: 'Sam Staffer' },
  outsider: { email: 'someone@example.com', email_verified: true, name: 'Olly Outsider' },
  unverified: { email: 'unverified@agency.example.gov', email_verified: false, name: 'Una Verified' },
};

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'RS256',
      jwks: { keys: [clientJwk] },
    },
    // A second client with a secret (client_secret_basic, as agency IdPs issue), for lib/auth/oidc.test.ts.
    ...(process.env.OIDC_TEST_SECRET_CLIENT_SECRET
      ? [
          {
            client_id: `${clientId}-secret`,
            client_secret: process.env.OIDC_TEST_SECRET_CLIENT_SECRET,
            redirect_uris: [redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ]
      : []),
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  scopes: ['openid', 'email', 'profile'],
  findAccount: async (_ctx, id) =>
    Object.hasOwn(PEOPLE, id) ? { accountId: id, claims: async () => ({ sub: id, ...PEOPLE[id] }) } : undefined,
  // The site is the agency's own client: no consent screen.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  cookies: { keys: [randomBytes(32).toString('base64')] },
  ttl: { Session: 60, Interaction: 600, Grant: 600, AccessToken: 60, AuthorizationCode: 60, IdToken: 60 },
});

const page = (uid) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test sign-in provider</title><link rel="icon" href="data:,"></head>
<body><main><h1>Test sign-in provider</h1>
<form method="post" action="/interaction/${uid}">
${Object.entries(PEOPLE)
  .map(([id, person]) => `<p><button type="submit" name="account" value="${id}">Sign in as ${person.email}</button></p>`)
  .join('\n')}
<p><button type="submit" name="account" value="cancel">Cancel</button></p>
</form></main></body></html>`;

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const callback = provider.callback();
createServer(async (req, res) => {
  const match = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(req.url ?? '');
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(page(details.uid));
    }
    const account = (await readForm(req)).get('account') ?? '';
    const result = Object.hasOwn(PEOPLE, account)
      ? { login: { accountId: account } }
      : { error: 'access_denied', error_description: 'The person cancelled sign-in.' };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  } catch (error) {
    res.writeHead(400, { 'Content-Type': 'text/plain' });
    res.end(`Interaction failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}).listen(port, '127.0.0.1', () => console.log(`Test OpenID provider on ${issuer}`));
