// @ts-check
const path = require('node:path');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The benchmark builds each synthetic corpus into its own folder (scripts/bench).
  distDir: process.env.NEXT_DIST_DIR || '.next',
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
};

module.exports = nextConfig;
