import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEWSROOM_CONF, renderNginxConfig } from './nginx-config.mjs';

const options = { listenPort: 3511, upstreamPort: 3510, cacheDir: '/tmp/ng/cache', workDir: '/tmp/ng' };

describe('renderNginxConfig', () => {
  it('wraps newsroom.conf into a complete nginx.conf with the ports, cache and work paths', () => {
    const conf = renderNginxConfig(options);
    expect(conf).toContain('daemon off;');
    expect(conf).toContain('pid /tmp/ng/nginx.pid;');
    expect(conf).toContain('error_log /tmp/ng/error.log warn;');
    expect(conf).toContain('proxy_temp_path /tmp/ng/proxy;');
    expect(conf.match(/^ {8}listen 127\.0\.0\.1:3511;$/gm), 'the public and the preview server').toHaveLength(2);
    expect(conf).toMatch(/^ {8}server 127\.0\.0\.1:3510;$/m);
    expect(conf).toMatch(/^ {4}proxy_cache_path \/tmp\/ng\/cache levels=1:2 keys_zone=newsroom:10m /m);
    expect(conf).not.toContain('/var/cache/nginx');
    expect(conf).not.toMatch(/^\s*listen 80;$/m);
    expect(conf).not.toMatch(/^user /m);
  });

  it('puts the two host names in, the preview one with http:// for the redirect to it', () => {
    const conf = renderNginxConfig({ ...options, publicHost: 'news.localhost:3511', previewHost: 'preview.localhost:3511' });
    expect(conf).toMatch(/^ {8}server_name news\.localhost;$/m);
    expect(conf).toMatch(/^ {8}server_name preview\.localhost;$/m);
    expect(conf).toMatch(/^ {8}proxy_set_header Host news\.localhost:3511;$/m);
    expect(conf).toMatch(/^ {8}proxy_set_header Host preview\.localhost:3511;$/m);
    expect(conf).toContain('return 307 http://preview.localhost:3511$request_uri;');
    expect(conf).not.toContain('example.gov');
    // Defaults: the public site answers to 127.0.0.1, the preview site to preview.localhost, on the listen port.
    // The app's PREVIEW_HOST may name another port than nginx's: that is the Host the app gets.
    const app = renderNginxConfig({ ...options, previewHost: 'preview.localhost:3511', appPreviewHost: 'preview.localhost:3500' });
    expect(app).toMatch(/^ {8}server_name preview\.localhost;$/m);
    expect(app).toMatch(/^ {8}proxy_set_header Host preview\.localhost:3500;$/m);
    expect(app).toMatch(/^ {8}proxy_set_header X-Forwarded-Host preview\.localhost:3500;$/m);
    expect(app).toContain('return 307 http://preview.localhost:3511$request_uri;');
    const defaults = renderNginxConfig(options);
    expect(defaults).toMatch(/^ {8}server_name 127\.0\.0\.1;$/m);
    expect(defaults).toMatch(/^ {8}proxy_set_header Host preview\.localhost:3511;$/m);
  });

  it('changes nothing else in the documented configuration', () => {
    const conf = renderNginxConfig(options);
    const documented = readFileSync(NEWSROOM_CONF, 'utf8')
      .split('\n')
      .filter((line) => !/listen 80;|server 127\.0\.0\.1:3000;|^proxy_cache_path |example\.gov/.test(line));
    for (const line of documented) expect(conf).toContain(line.length ? `    ${line}` : '');
  });

  it('sets the user, access log, worker count and daemon mode when asked', () => {
    const conf = renderNginxConfig({ ...options, user: 'root', accessLog: true, workerProcesses: 2, daemon: true });
    expect(conf).toMatch(/^user root;$/m);
    expect(conf).toContain('daemon on;');
    expect(conf).toContain('worker_processes 2;');
    expect(conf).toContain('access_log /tmp/ng/access.log newsroom;');
  });

  it('refuses bad ports, relative paths and paths nginx would misread', () => {
    expect(() => renderNginxConfig({ ...options, listenPort: 0 })).toThrow('renderNginxConfig: listenPort must be a port number, got 0');
    expect(() => renderNginxConfig({ ...options, cacheDir: 'cache' })).toThrow('renderNginxConfig: cacheDir must be an absolute path, got cache');
    expect(() => renderNginxConfig({ ...options, workDir: '/tmp/a b' })).toThrow(/workDir must not contain spaces/);
    expect(() => renderNginxConfig({ ...options, previewHost: 'preview.localhost; return 200' })).toThrow(
      'renderNginxConfig: previewHost must be a host name or IPv4 address with an optional :port, got preview.localhost; return 200',
    );
  });

  it('fails when newsroom.conf no longer has a line it substitutes', () => {
    const source = readFileSync(NEWSROOM_CONF, 'utf8');
    expect(() => renderNginxConfig({ ...options, source: source.replaceAll('listen 80;', 'listen 8080;') })).toThrow(
      'expected at least 1 `listen 80;` line, found 0',
    );
    const noPreview = readFileSync(NEWSROOM_CONF, 'utf8').replace('server_name preview.news.example.gov;', 'server_name preview.example.gov;');
    expect(() => renderNginxConfig({ ...options, source: noPreview })).toThrow('expected exactly one `server_name preview.news.example.gov;` line, found 0');
  });
});
