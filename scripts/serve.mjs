#!/usr/bin/env node
// Serves the production build with the standalone server (.next/standalone/server.js) in this
// process, after adding public/, .next/static and a link to content/ (scripts/standalone.mjs).
// One process, so whoever starts it (npm start, Playwright's webServer, a test) can stop it.
//   PORT (default 3000), HOST (default 127.0.0.1); everything else in the environment (PREVIEW_SECRET,
//   SITE_URL, DAP_AGENCY, …) goes to the site as it is. It does not build: npm start does.
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { prepareStandalone } from './standalone.mjs';

const dir = prepareStandalone(undefined, { linkContent: true });
process.env.PORT ??= '3000';
// server.js listens on HOSTNAME.
process.env.HOSTNAME = process.env.HOST ?? '127.0.0.1';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
// Longer than the keep-alive of any proxy in front (nginx's upstream keepalive_timeout is 60 s by
// default): otherwise Node may close a connection the proxy is about to reuse, which it sees as a 502.
process.env.KEEP_ALIVE_TIMEOUT ??= '65000';
await import(pathToFileURL(path.join(dir, 'server.js')).href);
