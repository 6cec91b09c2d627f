import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './request';

/** Request headers a browser app may send: sign-in, idempotency, tracing and Apollo's preflight marker. */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'idempotency-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'traceparent',
  'tracestate',
];

/** Response headers a browser app may read: the request id, replays, and the rate-limit fields. */
const EXPOSED_HEADERS = [
  'x-request-id',
  'idempotent-replayed',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
].join(', ');

/** How long a browser may reuse a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * Cross-origin access for browser apps on the allowed origins (a dashboard on another host).
 * Tokens travel in the Authorization header, never in cookies, so no credentials mode is needed.
 * Returns a handler that answers preflights itself (true) and stamps other requests (false).
 */
export function corsFor(origins: readonly string[]): ((req: IncomingMessage, res: ServerResponse) => boolean) | null {
  if (origins.length === 0) return null;
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);
  return (req, res) => {
    const origin = req.headers.origin;
    if (!origin) return false;
    res.setHeader('vary', 'Origin');
    const permitted = anyOrigin || allowed.has(origin);
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!preflight) {
      if (permitted) {
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
      }
      return false;
    }
    if (!permitted) {
      sendJson(res, 403, {
        errors: [
          {
            message: `Origin ${origin} may not call this API: add it to CORS_ORIGINS.`,
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
      return true;
    }
    res.writeHead(204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': ALLOWED_HEADERS.join(', '),
      'access-control-max-age': String(PREFLIGHT_MAX_AGE),
      'content-length': '0',
    });
    res.end();
    return true;
  };
}
