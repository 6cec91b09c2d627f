import type http from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long in-flight requests get to finish before their connections are cut. */
const DRAIN_GRACE_MS = 8_000;

/** How long a connection the server accepted gets to send its first request once draining starts. */
const FIRST_REQUEST_GRACE_MS = 1_000;

/** One turn of the event loop, up to and through its poll phase, where connections and data are read. */
const afterPoll = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Tracks the server's connections so that `drain` can answer every request it accepted. Node's
 * `server.close()` cuts every connection that is not in a request at that instant, and on SQLite
 * (whose statements block the event loop) that includes connections whose request has arrived
 * but not yet been read: those clients saw their connection reset.
 */
export function trackConnections(server: http.Server): { drain(graceMs?: number): Promise<void> } {
  const sockets = new Set<Socket>();
  /** Connections that have not sent a request yet: "idle" to Node, but a client is about to use them. */
  const fresh = new Set<Socket>();
  let arrivals = 0;
  server.on('connection', (socket: Socket) => {
    arrivals++;
    sockets.add(socket);
    fresh.add(socket);
    socket.once('close', () => (sockets.delete(socket), fresh.delete(socket)));
  });
  server.on('request', (req: http.IncomingMessage) => {
    arrivals++;
    fresh.delete(req.socket);
  });

  /**
   * Turns of the event loop until two pass with no new connection or request, for at most `maxMs`.
   * Each check comes after a poll phase: a timer alone fires before the connections that queued
   * up during a busy stretch are accepted, and the data of a new connection is read a turn later.
   */
  async function untilQuiet(maxMs: number): Promise<void> {
    const until = Date.now() + maxMs;
    for (let quietTurns = 0; quietTurns < 2 && Date.now() < until;) {
      const seen = arrivals;
      await sleep(5);
      await afterPoll();
      quietTurns = arrivals === seen ? quietTurns + 1 : 0;
    }
  }

  return {
    async drain(graceMs = DRAIN_GRACE_MS) {
      const until = Date.now() + graceMs;
      // Still listening until the accept queue is empty and every request already sent has been
      // read, so that they count as in flight.
      await untilQuiet(2_000);
      // net.Server's close stops listening and nothing else; http.Server's also cuts every connection
      // that is not in a request this instant, including accepted ones whose request is on its way.
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      const closedAt = Date.now();
      await untilQuiet(500);
      // Idle keep-alive connections close now, busy ones as soon as their response is sent, and
      // ones still waiting for their first request once it has had time to arrive.
      while (sockets.size > 0 && Date.now() < until) {
        if (fresh.size === 0 || Date.now() - closedAt > FIRST_REQUEST_GRACE_MS) server.closeIdleConnections();
        await sleep(20);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
