// @ts-check
const path = require('node:path');
const { PHASE_DEVELOPMENT_SERVER } = require('next/constants');
const { securityHeaderRules } = require('./lib/security/headers.js');

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  poweredByHeader: false,
  reactStrictMode: true,
  sassOptions: {
    // The modern Sass API reads loadPaths only; includePaths is silently ignored.
    loadPaths: [path.join(__dirname, 'node_modules/@uswds/uswds/packages')],
  },
  turbopack: { root: __dirname },
  experimental: {
    // Pages regenerated at run time (scheduled articles going live) stay in memory: the build
    // output on disk is exactly what `next build` wrote, so it can be audited for drafts.
    isrFlushToDisk: false,
  },
  async headers() {
    return [
      // Security headers on every response (lib/security/headers.js). The Content-Security-Policy
      // allows DAP's origins only when DAP is on, which is decided when the site is built.
      ...securityHeaderRules({ dap: !!process.env.DAP_AGENCY?.trim(), development: phase === PHASE_DEVELOPMENT_SERVER }),
    ];
  },
});

module.exports = nextConfig;
