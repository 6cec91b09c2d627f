import type http from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long in-flight requests get to finish before their connections are cut. */
export const DRAIN_GRACE_MS = 8_000;

/**
 * Tracks the server's connections so that `drain` can answer every request it accepted. Node's
 * `server.close()` cuts every connection that is not in a request at that instant, and on SQLite
 * (whose statements block the event loop) that includes connections whose request has arrived
 * but not yet been read: those clients saw their connection reset.
 */
export function trackConnections(server: http.Server): { drain(graceMs?: number): Promise<void> } {
  const sockets = new Set<Socket>();
  let arrivals = 0;
  server.on('connection', (socket: Socket) => {
    arrivals++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', () => arrivals++);

  /** Turns of the event loop until one passes with no new connection or request, for at most `maxMs`. */
  async function untilQuiet(maxMs: number): Promise<void> {
    const until = Date.now() + maxMs;
    let seen = -1;
    while (seen !== arrivals && Date.now() < until) {
      seen = arrivals;
      await sleep(10);
    }
  }

  return {
    async drain(graceMs = DRAIN_GRACE_MS) {
      const until = Date.now() + graceMs;
      // Still listening until the accept queue is empty and every request already sent has been
      // read (a busy event loop leaves both waiting), so that they count as in flight.
      await untilQuiet(2_000);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await untilQuiet(500);
      // Idle keep-alive connections close now; busy ones as soon as their response is sent.
      while (sockets.size > 0 && Date.now() < until) {
        server.closeIdleConnections();
        await sleep(20);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
