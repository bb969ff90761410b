import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerNotModified, etagMatches } from './not-modified.js';

describe('etagMatches', () => {
  it('compares weakly, in lists and with *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abcd"', '"abc"')).toBe(false);
    expect(etagMatches('abc', '"abc"')).toBe(false);
  });
});

describe('answerNotModified, on a real server', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      answerNotModified(req, res);
      const status = req.url === '/missing' ? 404 : 200;
      res.statusCode = status;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (req.url !== '/no-etag') res.setHeader('ETag', '"v1"');
      // Written the way Next streams a body: chunks, then end().
      res.write('<!DOCTYPE html>');
      res.end('<p>page</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const response = await fetch(`${base}/page`, { headers: { 'If-None-Match': '"v1"' } });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe('"v1"');
    expect(await response.text()).toBe('');
  });

  it('sends the page when the ETag changed, there is none, or the status is not 200', async () => {
    for (const [path, condition] of [['/page', '"v0"'], ['/no-etag', '"v1"'], ['/missing', '"v1"']] as const) {
      const response = await fetch(`${base}${path}`, { headers: { 'If-None-Match': condition } });
      expect(response.status, path).not.toBe(304);
      expect(await response.text(), path).toBe('<!DOCTYPE html><p>page</p>');
    }
  });
});
