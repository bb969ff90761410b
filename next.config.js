// @ts-check
const path = require('node:path');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  sassOptions: {
    // The modern Sass API reads loadPaths only; includePaths is silently ignored.
    loadPaths: [path.join(__dirname, 'node_modules/@uswds/uswds/packages')],
  },
  turbopack: { root: __dirname },
};

module.exports = nextConfig;
