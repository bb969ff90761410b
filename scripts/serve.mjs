#!/usr/bin/env node
// Serves the production build with the standalone server (.next/standalone/server.js) in this
// process, after adding public/, .next/static and a link to content/ (scripts/standalone.mjs).
// One process, so whoever starts it (npm start, Playwright's webServer, a test) can stop it.
//   PORT (default 3000), HOST (default 127.0.0.1); everything else in the environment (PREVIEW_SECRET,
//   SITE_URL, DAP_AGENCY, …) goes to the site as it is. It does not build: npm start does.
//   NEXT_DIST_DIR: serve the build made with it (the benchmark's .next-bench/<label>) instead of .next.
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { prepareStandalone } from './standalone.mjs';

// server.js makes its own folder the working directory: a relative CONTENT_DIR means the one it
// names from here.
if (process.env.CONTENT_DIR) process.env.CONTENT_DIR = path.resolve(process.env.CONTENT_DIR);
const dir = prepareStandalone(undefined, { linkContent: true, distDir: process.env.NEXT_DIST_DIR || '.next' });
process.env.PORT ??= '3000';
// server.js listens on HOSTNAME.
process.env.HOSTNAME = process.env.HOST ?? '127.0.0.1';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
// Longer than the keep-alive of any proxy in front (nginx's upstream keepalive_timeout is 60 s by
// default): otherwise Node may close a connection the proxy is about to reuse, which it sees as a 502.
process.env.KEEP_ALIVE_TIMEOUT ??= '65000';
// server.js creates its HTTP server with http.createServer(listener); the guard goes around that
// listener (lib/security/methods.js): refused methods never reach Next, and Next's own redirects
// before routing carry the security headers too. DAP as next.config.js decides it.
// Methods Node's parser does not know are answered the same way (clientErrorAnswer).
const { guardRequests, clientErrorAnswer } = createRequire(import.meta.url)('../lib/security/methods.js');
const headerOptions = { dap: !!process.env.DAP_AGENCY?.trim() };
const createServer = http.createServer;
http.createServer = (...args) => {
  const at = args.findIndex((arg) => typeof arg === 'function');
  if (at >= 0) args[at] = guardRequests(args[at], headerOptions);
  return createServer.apply(http, args).on('clientError', clientErrorAnswer(headerOptions));
};
await import(pathToFileURL(path.join(dir, 'server.js')).href);
