// @ts-check
/**
 * Conditional GETs for the site's HTML pages. The page route sends each page with an ETag of its
 * bytes (lib/render/html-response.tsx), which Next keeps with the page in its cache, but Next
 * answers If-None-Match only for App Router pages, not for route handlers. This does it for every
 * response of the server (scripts/serve.mjs): a 200 whose ETag matches the request's If-None-Match
 * goes out as 304 with no body, as RFC 9110 §13.1.2 says (weak comparison).
 * CommonJS, like methods.js, for scripts/serve.mjs.
 */

/**
 * @param {string} header If-None-Match
 * @param {string} etag the response's ETag
 */
function etagMatches(header, etag) {
  const opaque = (tag) => tag.trim().replace(/^W\//, '');
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'transfer-encoding'];

/**
 * Makes `res` a 304 without body if, when its head goes out, it is a 200 whose ETag the request's
 * If-None-Match names.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function answerNotModified(req, res) {
  const condition = req.headers['if-none-match'];
  if (!condition || (req.method !== 'GET' && req.method !== 'HEAD')) return;
  /** @type {boolean | undefined} */
  let notModified;
  const decide = () => {
    if (notModified === undefined) {
      const etag = res.getHeader('etag');
      notModified = res.statusCode === 200 && typeof etag === 'string' && etagMatches(condition, etag);
      if (notModified) {
        res.statusCode = 304;
        for (const name of BODY_HEADERS) res.removeHeader(name);
      }
    }
    return notModified;
  };
  const { write, end, writeHead } = res;
  res.writeHead = /** @type {typeof res.writeHead} */ (
    (/** @type {number} */ status, /** @type {any[]} */ ...rest) => {
      res.statusCode = status;
      return decide() ? writeHead.call(res, 304) : writeHead.call(res, status, ...rest);
    }
  );
  res.write = /** @type {typeof res.write} */ ((/** @type {any[]} */ ...args) => (decide() ? true : write.apply(res, /** @type {any} */ (args))));
  res.end = /** @type {typeof res.end} */ (
    (/** @type {any[]} */ ...args) => {
      if (!decide()) return end.apply(res, /** @type {any} */ (args));
      const callback = args.find((arg) => typeof arg === 'function');
      return end.call(res, callback);
    }
  );
}

module.exports = { answerNotModified, etagMatches };
