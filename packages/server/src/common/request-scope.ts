import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the code below the HTTP layer may need to know about the request it works for, without it
 * being passed down by hand: its id (for errors raised where no context exists, such as sign-in)
 * and its deadline (every SQL statement checks it).
 */
export interface RequestScope {
  readonly requestId: string;
  /** The client's address, which anonymous callers are rate-limited by. */
  readonly remoteAddress: string;
  /** Epoch milliseconds after which the request may start no more database work. */
  readonly deadline: number;
  /** The request's time limit, for the error message. */
  readonly timeLimitMs: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) inside the request's scope. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the request the current code works for; undefined outside one (start-up, seeding, migrations). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}
