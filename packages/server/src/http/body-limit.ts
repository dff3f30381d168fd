/**
 * The request body limit, without building a WHATWG Request per call. Hono's bodyLimit reads
 * `c.req.raw.body`, which makes @hono/node-server turn its lightweight request into a full
 * undici Request (a ReadableStream, an AbortController, header copies) on every call — about a
 * tenth of the server's CPU on message ingest. When the request declares its size (Content-Length,
 * no Transfer-Encoding), the header alone decides, as it does in Hono's own middleware: Node's
 * parser never reads past Content-Length. Bodies of unknown size (chunked) still go through Hono's
 * counting reader. GET and HEAD carry no body a route reads.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as countingBodyLimit } from 'hono/body-limit';

export function bodyLimit(opts: { maxSize: number; onError: () => never }): MiddlewareHandler {
  const counting = countingBodyLimit(opts);
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(declared, 10) > opts.maxSize) opts.onError();
      return next();
    }
    return counting(c, next);
  };
}
