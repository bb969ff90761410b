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
    expect(conf).toMatch(/^ {8}listen 127\.0\.0\.1:3511;$/m);
    expect(conf).toMatch(/^ {8}server 127\.0\.0\.1:3510;$/m);
    expect(conf).toMatch(/^ {4}proxy_cache_path \/tmp\/ng\/cache levels=1:2 keys_zone=newsroom:10m /m);
    expect(conf).not.toContain('/var/cache/nginx');
    expect(conf).not.toMatch(/^\s*listen 80;$/m);
    expect(conf).not.toMatch(/^user /m);
  });

  it('changes nothing else in the documented configuration', () => {
    const conf = renderNginxConfig(options);
    const documented = readFileSync(NEWSROOM_CONF, 'utf8')
      .split('\n')
      .filter((line) => !/listen 80;|server 127\.0\.0\.1:3000;|^proxy_cache_path /.test(line));
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
  });

  it('fails when newsroom.conf no longer has a line it substitutes', () => {
    const source = readFileSync(NEWSROOM_CONF, 'utf8').replace('listen 80;', 'listen 8080;');
    expect(() => renderNginxConfig({ ...options, source })).toThrow('expected exactly one `listen 80;` line, found 0');
  });
});
