// Runs the documented nginx configuration (deploy/nginx/newsroom.conf) outside /etc/nginx: for
// e2e/nginx.spec.ts and the benchmark. Stable API, used by other scripts:
//
//   import { renderNginxConfig, NEWSROOM_CONF } from './scripts/nginx-config.mjs';
//   const conf = renderNginxConfig({ listenPort: 3511, upstreamPort: 3510, cacheDir, workDir });
//   writeFileSync(path.join(workDir, 'nginx.conf'), conf);
//   spawn('/usr/sbin/nginx', ['-c', path.join(workDir, 'nginx.conf')]);   // runs in the foreground
//
// or from the shell: node scripts/nginx-config.mjs '{"listenPort":3511,"upstreamPort":3510,…}' > nginx.conf
//
// renderNginxConfig(options) → string: a complete nginx.conf. Options:
//   listenPort    (required) port nginx listens on, on 127.0.0.1 unless listenHost says otherwise
//   upstreamPort  (required) port of the app (the standalone server) on 127.0.0.1
//   cacheDir      (required) absolute path of the proxy cache (replaces /var/cache/nginx/newsroom)
//   workDir       (required) absolute path for the pid file, error log and nginx's temp folders
//   listenHost    (default '127.0.0.1')
//   workerProcesses (default 'auto')
//   accessLog     (default false) true: workDir/access.log with $upstream_cache_status
//   daemon        (default false) false: nginx stays in the foreground, so the caller's child
//                 process is nginx itself and stopping it (SIGQUIT, or SIGTERM) stops nginx
//   user          (default: none) the `user` directive, needed when nginx starts as root: its
//                 workers must be able to write cacheDir and workDir
//   publicHost    (default '127.0.0.1:<listenPort>') host[:port] of the public site, as clients send
//                 it in Host: replaces news.example.gov (server_name gets the name without the port)
//   previewHost   (default 'preview.localhost:<listenPort>') host[:port] of the preview site, the
//                 app's PREVIEW_HOST: replaces preview.news.example.gov; the public site's redirects
//                 to it become http:// (no TLS here). Chromium resolves *.localhost to 127.0.0.1;
//                 other clients send the name in a Host header to 127.0.0.1.
//   appPreviewHost (default previewHost) the Host nginx sends the app from the preview site: the app's
//                 PREVIEW_HOST, when the app under test has one that names another port
// Everything else is newsroom.conf as written: only its `listen 80` lines, `server 127.0.0.1:3000`,
// `proxy_cache_path /var/cache/nginx/newsroom` and the two host names change, and each must be found.
// The caller creates cacheDir and workDir.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NEWSROOM_CONF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'deploy', 'nginx', 'newsroom.conf');

/** Replaces exactly one match of `pattern` in `text`, or throws naming what was looked for. */
function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) {
    throw new Error(`${path.relative(process.cwd(), NEWSROOM_CONF)}: expected exactly one ${what}, found ${matches.length}`);
  }
  return text.replace(pattern, replacement);
}

const port = (value, name) => {
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`renderNginxConfig: ${name} must be a port number, got ${value}`);
  return value;
};
const host = (value, name) => {
  if (typeof value !== 'string' || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i.test(value)) {
    throw new Error(`renderNginxConfig: ${name} must be a host name or IPv4 address with an optional :port, got ${value}`);
  }
  return value;
};
const absolute = (value, name) => {
  if (typeof value !== 'string' || !path.isAbsolute(value)) throw new Error(`renderNginxConfig: ${name} must be an absolute path, got ${value}`);
  if (/[\s;{}"'$]/.test(value)) throw new Error(`renderNginxConfig: ${name} must not contain spaces, quotes, ';', '{', '}' or '$': ${value}`);
  return value;
};

/** Replaces every match of `pattern` (at least `min`), or throws naming what was looked for. */
function replaceAll(text, pattern, replacement, what, min = 1) {
  const count = (text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? []).length;
  if (count < min) throw new Error(`${path.relative(process.cwd(), NEWSROOM_CONF)}: expected at least ${min} ${what}, found ${count}`);
  return text.replace(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`), replacement);
}

const PUBLIC_NAME = 'news.example.gov';
const PREVIEW_NAME = 'preview.news.example.gov';

/**
 * @param {{ listenPort: number, upstreamPort: number, cacheDir: string, workDir: string, listenHost?: string,
 *   workerProcesses?: number | 'auto', accessLog?: boolean, daemon?: boolean, user?: string,
 *   publicHost?: string, previewHost?: string, appPreviewHost?: string, source?: string }} options
 *   source: the newsroom.conf text (default: the file), for tests of this function
 * @returns {string}
 */
export function renderNginxConfig(options) {
  const listenPort = port(options.listenPort, 'listenPort');
  const upstreamPort = port(options.upstreamPort, 'upstreamPort');
  const cacheDir = absolute(options.cacheDir, 'cacheDir');
  const workDir = absolute(options.workDir, 'workDir');
  const listenHost = options.listenHost ?? '127.0.0.1';
  const { workerProcesses = 'auto', accessLog = false, daemon = false, user } = options;
  const publicHost = host(options.publicHost ?? `127.0.0.1:${listenPort}`, 'publicHost');
  const previewHost = host(options.previewHost ?? `preview.localhost:${listenPort}`, 'previewHost');
  const appPreviewHost = host(options.appPreviewHost ?? previewHost, 'appPreviewHost');
  const nameOf = (hostAndPort) => hostAndPort.replace(/:\d+$/, '');

  let site = options.source ?? readFileSync(NEWSROOM_CONF, 'utf8');
  site = replaceAll(site, /^(\s*)listen 80;$/m, `$1listen ${listenHost}:${listenPort};`, '`listen 80;` line');
  // The preview name first: the public one is its suffix.
  const name = (text) => `(?<![\\w.-])${text.replace(/\./g, '\\.')}(?![\\w.-])`;
  site = replaceOnce(site, new RegExp(`https://${name(PREVIEW_NAME)}`), `http://${previewHost}`, `\`https://${PREVIEW_NAME}\` redirect`);
  site = replaceOnce(site, new RegExp(`server_name ${name(PREVIEW_NAME)};`), `server_name ${nameOf(previewHost)};`, `\`server_name ${PREVIEW_NAME};\` line`);
  site = replaceAll(site, new RegExp(`(Host|X-Forwarded-Host) ${name(PREVIEW_NAME)};`), `$1 ${appPreviewHost};`, `\`Host ${PREVIEW_NAME};\` header`, 2);
  site = replaceAll(site, new RegExp(name(PREVIEW_NAME)), previewHost, `\`${PREVIEW_NAME}\``);
  site = replaceOnce(site, new RegExp(`server_name ${name(PUBLIC_NAME)};`), `server_name ${nameOf(publicHost)};`, `\`server_name ${PUBLIC_NAME};\` line`);
  site = replaceAll(site, new RegExp(name(PUBLIC_NAME)), publicHost, `\`${PUBLIC_NAME}\``);
  site = replaceOnce(site, /^(\s*)server 127\.0\.0\.1:3000;$/m, `$1server 127.0.0.1:${upstreamPort};`, '`server 127.0.0.1:3000;` upstream line');
  site = replaceOnce(site, /^proxy_cache_path \/var\/cache\/nginx\/newsroom /m, `proxy_cache_path ${cacheDir} `, '`proxy_cache_path /var/cache/nginx/newsroom` line');

  const at = (name) => path.join(workDir, name);
  return `# Generated by scripts/nginx-config.mjs from deploy/nginx/newsroom.conf: do not edit.
${user ? `user ${user};\n` : ''}daemon ${daemon ? 'on' : 'off'};
worker_processes ${workerProcesses};
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;

events {
    worker_connections 1024;
}

http {
    types {
        text/html html;
        text/plain txt;
        application/octet-stream bin;
    }
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65s;
    ${accessLog ? `log_format newsroom '$remote_addr $host "$request" $status $body_bytes_sent cache=$upstream_cache_status $request_time';\n    access_log ${at('access.log')} newsroom;` : 'access_log off;'}

    client_body_temp_path ${at('client_body')};
    proxy_temp_path ${at('proxy')};
    fastcgi_temp_path ${at('fastcgi')};
    uwsgi_temp_path ${at('uwsgi')};
    scgi_temp_path ${at('scgi')};

${site.replace(/^(?=.)/gm, '    ')}}
`;
}

// From the shell, or from a Playwright spec (Playwright compiles what specs import to CommonJS,
// which an .mjs module cannot be): `node scripts/nginx-config.mjs '{"listenPort":3511,…}'` prints it.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) {
    console.error(`usage: node scripts/nginx-config.mjs '{"listenPort":8080,"upstreamPort":3000,"cacheDir":"/abs/cache","workDir":"/abs/work"}'`);
    process.exit(2);
  }
  process.stdout.write(renderNginxConfig(JSON.parse(process.argv[2])));
}
