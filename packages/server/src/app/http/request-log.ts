import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** A request id a client or proxy sent is kept only when it is short and plain enough to log as is. */
const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Probes from load balancers and orchestrators: one line per probe would drown the log. */
const UNLOGGED_URLS = new Set(['/health', '/ready']);

/**
 * Names the request (the client's `x-request-id` when usable, else a new UUID), echoes the id on
 * the response, and logs one line when the response is done. Returns the id and the request's
 * logger, whose lines all carry the id.
 */
export function startRequestLog(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
): { requestId: string; log: Logger } {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  const log = logger.child({ reqId: requestId });
  if (!UNLOGGED_URLS.has(req.url ?? '')) {
    const started = Date.now();
    res.once('close', () => {
      const line = {
        req: { id: requestId, method: req.method, url: req.url },
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - started,
      };
      const outcome =
        res.statusCode >= 500
          ? 'request errored'
          : res.writableEnded && !req.readableAborted
            ? 'request completed'
            : 'request aborted';
      log.info(line, outcome);
    });
  }
  return { requestId, log };
}
