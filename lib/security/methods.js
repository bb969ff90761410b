// @ts-check
/**
 * The HTTP methods the site answers, and a guard for the server's request listener that refuses
 * every other one before Next sees it. CommonJS so that scripts/serve.mjs and the proxy share it.
 *
 * Why a listener guard: Next's proxy builds a WHATWG Request from each request, and `TRACE`,
 * `TRACK` and `CONNECT` are forbidden methods there, so Next throws before any route or the proxy
 * runs (a 500 with a stack trace in the log and none of the security headers). No Next option
 * reaches that far forward.
 */
const { securityHeadersForHost } = require('./headers.js');
const { answerNotModified } = require('./not-modified.js');

/** GET and HEAD for pages, files and feeds; POST for the preview exit form. */
const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'];

/** @param {string | undefined} method */
function isAllowedMethod(method) {
  return method !== undefined && ALLOWED_METHODS.includes(method);
}

const REFUSAL = 'Method not allowed.\n';

/**
 * The 405 answer's status and headers: `Allow`, not stored by caches, plain text.
 * @returns {Record<string, string>}
 */
function methodRefusalHeaders() {
  return {
    Allow: ALLOWED_METHODS.join(', '),
    'Cache-Control': 'no-store',
    'Content-Type': 'text/plain; charset=utf-8',
  };
}

/**
 * Wraps the server's Node request listener. Every response starts with the security headers of
 * next.config.js for its Host: Next's own answers before routing (the 308 for a trailing slash or
 * `//`) skip `headers()`, and where `headers()` runs it sets the same values again. A request with
 * a method the site does not answer gets 405 with `Allow` and never reaches Next. A conditional GET
 * whose ETag still matches gets 304 (not-modified.js).
 * @template {import('node:http').IncomingMessage} Req
 * @template {import('node:http').ServerResponse} Res
 * @param {(req: Req, res: Res) => unknown} listener
 * @param {{ dap?: boolean }} [options] the same as next.config.js gives securityHeaderRules
 * @returns {(req: Req, res: Res) => unknown}
 */
function guardRequests(listener, options) {
  return (req, res) => {
    for (const [name, value] of securityHeadersForHost(req.headers.host, options)) res.setHeader(name, value);
    if (isAllowedMethod(req.method)) {
      answerNotModified(req, res);
      return listener(req, res);
    }
    res.statusCode = 405;
    for (const [name, value] of Object.entries(methodRefusalHeaders())) res.setHeader(name, value);
    // Read (and drop) any body, so the connection stays usable.
    req.resume();
    res.end(req.method === 'HEAD' ? undefined : REFUSAL);
    return undefined;
  };
}

/** Node's own answers to requests it cannot parse (lib/_http_server.js), kept for every other error. */
const NODE_ANSWERS = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

/**
 * A 'clientError' listener. Node's parser knows a fixed list of methods; another one (`TRACK`,
 * `FOO`) is a parse error that Node answers with a bare 400. This answers it 405 with `Allow` and the
 * security headers (the Host is unknown: the real-host set, HSTS included), and any other parse
 * error as Node would.
 * @param {{ dap?: boolean }} [options]
 * @returns {(error: Error & { code?: string }, socket: import('node:stream').Duplex) => void}
 */
function clientErrorAnswer(options) {
  return (error, socket) => {
    if (socket.writable && !(/** @type {{ bytesWritten?: number }} */ (socket).bytesWritten)) {
      if (error.code === 'HPE_INVALID_METHOD') {
        const headers = [...securityHeadersForHost('', options), ...Object.entries(methodRefusalHeaders())];
        const lines = headers.map(([name, value]) => `${name}: ${value}`).join('\r\n');
        socket.write(`HTTP/1.1 405 Method Not Allowed\r\n${lines}\r\nContent-Length: ${REFUSAL.length}\r\nConnection: close\r\n\r\n${REFUSAL}`);
      } else {
        const status = NODE_ANSWERS[/** @type {keyof typeof NODE_ANSWERS} */ (error.code)] ?? '400 Bad Request';
        socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      }
    }
    socket.destroy(error);
  };
}

module.exports = { ALLOWED_METHODS, isAllowedMethod, methodRefusalHeaders, guardRequests, clientErrorAnswer, REFUSAL };
