// @ts-check
const { PHASE_DEVELOPMENT_SERVER } = require('next/constants');
const { securityHeaderRules } = require('./lib/security/headers.js');

// The benchmark builds each synthetic corpus into its own folder (scripts/bench).
const distDir = process.env.NEXT_DIST_DIR || '.next';

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  distDir,
  poweredByHeader: false,
  // The proxy sees the URL the router resolved (its own host and port), not one rebuilt with
  // "localhost": otherwise its rewrite to the 404 page (lib/edge/edge-answer.ts) names another
  // origin, and Next fetches it over HTTP from itself instead of rendering it in place.
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
  // A self-contained server in .next/standalone; scripts/standalone.mjs adds public/, .next/static and
  // content/ to it (docs/deployment.md), scripts/serve.mjs runs it.
  output: 'standalone',
  // The preview worker (see webpack() below) is a chunk no import reaches, so the standalone
  // trace leaves it out; the article page, which starts it, takes the server chunks along.
  outputFileTracingIncludes: { '/news/**': [`./${distDir}/server/chunks/*.js`] },
  // Pages say how long a shared cache may serve them (`revalidate`); this caps how long it may keep
  // serving a stale copy while it fetches a fresh one (`stale-while-revalidate`): one day, not a year.
  expireTime: 86400,
  turbopack: { root: __dirname },
  images: {
    // WebP only, not AVIF: AVIF took 4x the CPU per image on first request here, and every request
    // is a first request while the optimizer's disk cache is off. Browsers without WebP get the
    // original JPEG/PNG. See docs/decisions/0011-image-formats-and-sizes.md.
    formats: ['image/webp'],
    // The article column is at most 640 CSS px; phones show it at 320–430 CSS px with DPR 2–3.
    // One list is the srcset of every figure: 320…1920 covers 1x phones to a 3x desktop column.
    deviceSizes: [640, 750, 828, 1080, 1280, 1920],
    imageSizes: [320, 384, 480],
    // Only the content image route goes through the optimizer.
    localPatterns: [{ pathname: '/images/**', search: '' }],
    minimumCacheTTL: 14400,
  },
  experimental: {
    // Pages regenerated at run time (scheduled articles going live) stay in memory: the build
    // output on disk is exactly what `next build` wrote, so it can be audited for drafts.
    isrFlushToDisk: false,
  },
  webpack(config, { isServer }) {
    // Preview parses Markdown in a worker thread (lib/content/preview-parser.ts, decision 0016), which
    // webpack bundles as a chunk of its own and finds through the public path. On the server that
    // is '/_next/', a URL, so the worker would be looked for at file:///_next/…; './' is the folder
    // of the server's chunks, where webpack writes it.
    if (isServer) config.output.workerPublicPath = './';
    return config;
  },
  async headers() {
    return [
      // Security headers on every response (lib/security/headers.js). The Content-Security-Policy
      // allows DAP's origins only when DAP is on, which is decided when the site is built.
      ...securityHeaderRules({ dap: !!process.env.DAP_AGENCY?.trim(), development: phase === PHASE_DEVELOPMENT_SERVER }),
      // The site's CSS and JS (scripts/build-assets.mjs) are named after a hash of their content:
      // a new build writes new names, so a browser may keep a file for good.
      { source: '/assets/:path*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] },
      // USWDS fonts and images are not content-hashed: a day fresh, then revalidated in the background.
      { source: '/uswds/:path*', headers: [{ key: 'Cache-Control', value: 'public, max-age=86400, stale-while-revalidate=604800' }] },
    ];
  },
});

module.exports = nextConfig;
