// @ts-check
/**
 * The HTTP headers every response carries, for next.config.js `headers()`. CommonJS so that
 * next.config.js can require it; the unit test and the end-to-end specs import it too.
 * Why the policy is static and allows one inline script, by its hash:
 * docs/decisions/0019-strict-content-security-policy.md (the headers themselves: 0008).
 */

const { createHash } = require('node:crypto');

/** GSA's Digital Analytics Program (DAP) and the Google tag it loads. */
const DAP_ORIGINS = {
  script: ['https://dap.digitalgov.gov', 'https://www.googletagmanager.com'],
  data: ['https://*.google-analytics.com', 'https://*.analytics.google.com', 'https://*.googletagmanager.com'],
};

/**
 * Hosts that get no Strict-Transport-Security (and no upgrade-insecure-requests): a server on a
 * developer's machine or a test runner speaks plain HTTP. Next matches this against the Host header
 * without its port, so an IPv6 literal ("[::1]:3000") arrives as "[".
 */
const LOCAL_HOST = '(?:localhost|127\\.0\\.0\\.1|\\[.*)';

const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * USWDS's uswds-init.js, inline in every page's <head>: it hides the banner panel until the
 * behaviours have run, so it does not flash open; if scripts never arrive, the page reverts to its
 * no-JS form. The CSP allows exactly this text, by its hash.
 */
const USWDS_INIT_SCRIPT =
  "(function(){var c='usa-js-loading',d=document.documentElement;d.classList.add(c);" +
  'setTimeout(function(){d.classList.remove(c)},8000)})();';

/**
 * The CSP source that allows an inline script with exactly this text (CSP Level 3 hash-source:
 * base64 of the SHA-256 of the script's UTF-8 text, nothing trimmed). The document writes
 * USWDS_INIT_SCRIPT into <head> as it is, and the policy allows it by this hash: change the text,
 * and the policy follows (decision 0019).
 * @param {string} script
 */
function scriptHashSource(script) {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

const USWDS_INIT_SCRIPT_HASH = scriptHashSource(USWDS_INIT_SCRIPT);

/**
 * Browser features the site never uses, denied to it and to anything it could ever embed. Only names
 * Chromium knows: an unknown one is a console error on every page.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/**
 * The Content-Security-Policy, as a directive → sources map. One policy for every response, public
 * pages and previews alike (decision 0019):
 * - script-src: the site's own files and the USWDS init script by its hash. No 'unsafe-inline': a
 *   page has no other inline script (no framework runtime, no RSC payload), so an injected one is
 *   blocked. DAP's origins only when DAP is on; 'unsafe-eval' only under `next dev`.
 * - style-src 'self' with no style-src-attr: stylesheets from the site only, no inline styles and no
 *   style attributes (the pages write none).
 * - base-uri 'none': no page needs <base>, so none can be injected to move relative URLs.
 * @param {{ dap?: boolean, development?: boolean, https?: boolean }} options
 *   dap: DAP analytics is on (DAP_AGENCY set); development: `next dev` (eval and the HMR socket);
 *   https: the response goes to a real host, whose browsers should upgrade stray http:// requests.
 * @returns {Record<string, string[]>}
 */
function contentSecurityPolicy({ dap = false, development = false, https = false } = {}) {
  /** @type {Record<string, string[]>} */
  const policy = {
    'default-src': ["'self'"],
    'script-src': ["'self'", USWDS_INIT_SCRIPT_HASH, ...(development ? ["'unsafe-eval'"] : []), ...(dap ? DAP_ORIGINS.script : [])],
    'style-src': ["'self'"],
    'img-src': ["'self'", ...(dap ? DAP_ORIGINS.data : [])],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(development ? ['ws:'] : []), ...(dap ? DAP_ORIGINS.data : [])],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  if (https) policy['upgrade-insecure-requests'] = [];
  return policy;
}

/** @param {Record<string, string[]>} policy */
function serializePolicy(policy) {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

/**
 * The rules for next.config.js `headers()`.
 * @param {{ dap?: boolean, development?: boolean }} options
 * @returns {Array<{ source: string, headers: Array<{ key: string, value: string }>, has?: Array<{ type: 'host', value: string }>, missing?: Array<{ type: 'host', value: string }> }>}
 */
function securityHeaderRules({ dap = false, development = false } = {}) {
  const common = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ') },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
  const local = [{ type: /** @type {const} */ ('host'), value: LOCAL_HOST }];
  return [
    { source: '/:path*', headers: common },
    {
      source: '/:path*',
      missing: local,
      headers: [
        { key: 'Strict-Transport-Security', value: HSTS },
        { key: 'Content-Security-Policy', value: serializePolicy(contentSecurityPolicy({ dap, development, https: true })) },
      ],
    },
    {
      source: '/:path*',
      has: local,
      headers: [{ key: 'Content-Security-Policy', value: serializePolicy(contentSecurityPolicy({ dap, development })) }],
    },
  ];
}

/**
 * The headers the rules above give a response to a request for `host`, for responses written
 * outside Next's routing (scripts/serve.mjs answers refused methods itself). Next matches host
 * conditions against the Host header cut at its first colon; so does this.
 * @param {string | undefined} host
 * @param {{ dap?: boolean, development?: boolean }} [options]
 * @returns {Array<[string, string]>}
 */
function securityHeadersForHost(host, options) {
  const hostname = (host ?? '').split(':')[0] ?? '';
  const local = new RegExp(`^${LOCAL_HOST}$`).test(hostname);
  return securityHeaderRules(options)
    .filter((rule) => (rule.has ? local : rule.missing ? !local : true))
    .flatMap((rule) => rule.headers.map(({ key, value }) => /** @type {[string, string]} */ ([key, value])));
}

module.exports = {
  USWDS_INIT_SCRIPT,
  USWDS_INIT_SCRIPT_HASH,
  scriptHashSource,
  DAP_ORIGINS,
  HSTS,
  LOCAL_HOST,
  DENIED_FEATURES,
  contentSecurityPolicy,
  serializePolicy,
  securityHeaderRules,
  securityHeadersForHost,
};
