import { PassThrough } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HSTS, securityHeadersForHost } from './headers.js';
import { clientErrorAnswer, guardRequests } from './methods.js';

/** Just what the guard touches of a request and a response. */
function exchange(method: string, host = 'www.defense.gov') {
  const headers = new Map<string, string>();
  const response = {
    statusCode: 200,
    body: undefined as string | undefined,
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    end: (body?: string) => (response.body = body),
  };
  const request = { method, headers: { host }, resume: () => undefined };
  return { request: request as unknown as IncomingMessage, response, res: response as unknown as ServerResponse, headers };
}

describe('the request guard', () => {
  it('passes GET, HEAD and POST to Next, with the security headers already set', () => {
    for (const method of ['GET', 'HEAD', 'POST']) {
      const { request, res, headers } = exchange(method);
      const seen: string[] = [];
      guardRequests((req) => seen.push(req.method!))(request, res);
      expect(seen).toEqual([method]);
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('strict-transport-security')).toBe(HSTS);
    }
  });

  it('answers any other method 405 with Allow, never calling Next', () => {
    for (const method of ['TRACE', 'PUT', 'DELETE', 'OPTIONS', 'PROPFIND']) {
      const { request, res, response, headers } = exchange(method, '127.0.0.1:3000');
      guardRequests(() => {
        throw new Error('Next was called');
      })(request, res);
      expect(response.statusCode).toBe(405);
      expect(headers.get('allow')).toBe('GET, HEAD, POST');
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.has('strict-transport-security'), 'no HSTS for a local host').toBe(false);
      expect(response.body).toBe('Method not allowed.\n');
    }
  });
});

describe('security headers outside Next', () => {
  it('match the next.config.js rules for real and local hosts', () => {
    const real = new Map(securityHeadersForHost('news.example.gov:8443'));
    expect(real.get('Strict-Transport-Security')).toBe(HSTS);
    expect(real.get('Content-Security-Policy')).toContain('upgrade-insecure-requests');
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:3000']) {
      const local = new Map(securityHeadersForHost(host));
      expect(local.has('Strict-Transport-Security'), host).toBe(false);
      expect(local.get('Content-Security-Policy'), host).not.toContain('upgrade-insecure-requests');
      expect(local.get('X-Content-Type-Options'), host).toBe('nosniff');
    }
  });
});

describe("the answer to what Node's parser refuses", () => {
  function answer(code: string): string {
    const socket = new PassThrough();
    let written = '';
    socket.on('data', (chunk: Buffer) => (written += chunk.toString()));
    // The answer ends by destroying the socket with the parse error, as Node does.
    socket.on('error', () => undefined);
    clientErrorAnswer()(Object.assign(new Error(code), { code }), socket);
    return written;
  }

  it('a method Node does not know (TRACK) gets 405 with Allow and the security headers', () => {
    const text = answer('HPE_INVALID_METHOD');
    expect(text).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(text).toContain('\r\nAllow: GET, HEAD, POST\r\n');
    expect(text).toContain('\r\nX-Frame-Options: DENY\r\n');
    expect(text).toMatch(/\r\n\r\nMethod not allowed\.\n$/);
  });

  it("any other parse error gets Node's own answer", () => {
    expect(answer('HPE_INVALID_HEADER_TOKEN')).toBe('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    expect(answer('HPE_HEADER_OVERFLOW')).toBe('HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n');
  });
});
