// A minimal stand-in for scripts/nginx-config.mjs (branch sec), with the same signature, used
// until that file is on this branch: run.mjs prefers the real one when it exists.
// A caching reverse proxy in front of the Next server, honouring the upstream's Cache-Control.

/** @param {{ listenPort: number, upstreamPort: number, cacheDir: string, workDir: string, user?: string }} options */
export function renderNginxConfig({ listenPort, upstreamPort, cacheDir, workDir, user }) {
  return `${user ? `user ${user};\n` : ''}worker_processes auto;
pid ${workDir}/nginx.pid;
error_log ${workDir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000;
  client_body_temp_path ${workDir}/client_body;
  proxy_temp_path ${workDir}/proxy_temp;
  fastcgi_temp_path ${workDir}/fastcgi_temp;
  uwsgi_temp_path ${workDir}/uwsgi_temp;
  scgi_temp_path ${workDir}/scgi_temp;
  gzip on;
  gzip_types text/css application/javascript application/json application/xml application/rss+xml application/atom+xml image/svg+xml;
  proxy_cache_path ${cacheDir} levels=1:2 keys_zone=newsroom:10m max_size=1g inactive=1h use_temp_path=off;
  upstream next_app { server 127.0.0.1:${upstreamPort}; keepalive 32; }
  server {
    listen 127.0.0.1:${listenPort};
    location / {
      proxy_pass http://next_app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_cache newsroom;
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;
      proxy_cache_background_update on;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;
}
