import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Semaphore } from 'async-mutex';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { QueryTooComplexError, RateLimitedError } from '../common/errors';
import { QUERY_COST_BUDGET, QueryCosts } from '../common/query-cost';
import { currentRequest } from '../common/request-scope';
import type { Config } from '../config/config';
import type { Context } from '../common/context';

const WINDOW_SECONDS = 60;

/**
 * A query costing at least this much is expensive: such queries take turns (see `costLimits`).
 * A quarter of the budget: an SDK page of 20 with its default nested lists (about 1,700) stays
 * under it, a page of 100 with nested pages does not.
 */
export const EXPENSIVE_QUERY_COST = QUERY_COST_BUDGET / 4;

/** Cost points per caller per minute, shared by every server process when Redis is configured. */
export class RateLimiter {
  private constructor(
    readonly pointsPerMinute: number,
    private readonly limiter: RateLimiterAbstract,
    private readonly redis: Redis | null,
  ) {}

  /**
   * In Redis when `redisUrl` is set (several processes share one budget per caller), else in this
   * process's memory. While Redis is unreachable each process counts in memory instead, so an
   * outage of the limiter's store never refuses requests. The Redis client is loaded only then.
   */
  static async create(
    config: Pick<Config, 'rateLimitPointsPerMinute' | 'redisUrl' | 'redisKeyPrefix'>,
    logger: Logger,
  ): Promise<RateLimiter> {
    const { rateLimitPointsPerMinute: pointsPerMinute, redisUrl } = config;
    const keyPrefix = `${config.redisKeyPrefix}:cost`;
    const memory = () => new RateLimiterMemory({ points: pointsPerMinute, duration: WINDOW_SECONDS, keyPrefix });
    if (!redisUrl) return new RateLimiter(pointsPerMinute, memory(), null);
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    let reported = false;
    redis.on('error', (error: Error) => {
      if (!reported)
        logger.warn({ err: error }, 'Redis for rate limits is unreachable: counting in memory until it answers');
      reported = true;
    });
    redis.on('ready', () => (reported = false));
    const limiter = new RateLimiterRedis({
      storeClient: redis,
      points: pointsPerMinute,
      duration: WINDOW_SECONDS,
      keyPrefix,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory(),
    });
    return new RateLimiter(pointsPerMinute, limiter, redis);
  }

  /** Spends `points` of `caller`'s minute: the outcome says whether it was allowed and what is left. */
  async spend(caller: string, points: number): Promise<{ allowed: boolean; remaining: number; resetSeconds: number }> {
    try {
      const result = await this.limiter.consume(caller, points);
      return { allowed: true, remaining: result.remainingPoints, resetSeconds: Math.ceil(result.msBeforeNext / 1000) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }

  /** Waits (at most `ms`) for Redis to answer, so that the first requests are counted there too. */
  async connected(ms = 5000): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      // Resolved from the check phase: on a busy start the timer can fire while Redis's answer already
      // waits in the poll phase, and giving up then would count the first requests in memory.
      const timer = setTimeout(() => setImmediate(resolve), ms);
      redis.once('ready', () => (clearTimeout(timer), resolve()));
    });
  }

  async close(): Promise<void> {
    if (this.redis) this.redis.disconnect();
  }
}

/** The IETF RateLimit header fields (draft), so that clients can pace themselves before a 429. */
function rateLimitHeaders(
  limit: number,
  remaining: number,
  resetSeconds: number,
  headers = new HeaderMap(),
): HeaderMap {
  headers.set('ratelimit-limit', String(limit));
  headers.set('ratelimit-remaining', String(remaining));
  headers.set('ratelimit-reset', String(resetSeconds));
  headers.set('ratelimit-policy', `${limit};w=${WINDOW_SECONDS}`);
  return headers;
}

/** The query's cost; variables that do not fit the operation are the client's error, as execution would say. */
function costOf(costs: QueryCosts, ...args: Parameters<QueryCosts['cost']>): number {
  try {
    return costs.cost(...args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // HTTP 400, as GraphQL answers variables it cannot coerce (Apollo answers 500 for errors thrown by plugins).
    throw new GraphQLError(message, {
      extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, http: { status: 400 } },
    });
  }
}

/**
 * Bounds what one request may cost before anything runs: its cost against QUERY_COST_BUDGET, then
 * the caller's points for the minute (signed-in callers by user, anonymous ones by address).
 * Runs once per request, after the operation is known and its caller signed in.
 */
export function costLimits(limiter: RateLimiter | null, expensiveConcurrency: number): ApolloServerPlugin<Context> {
  // Expensive queries run a few at a time per process: their work comes in large synchronous
  // slices (hydrating and completing thousands of objects), and several side by side would keep
  // the event loop from everyone else's cheap reads. Waiting counts against the request's deadline.
  const expensiveTurns = new Semaphore(expensiveConcurrency);
  let costs: QueryCosts | undefined;
  return {
    async requestDidStart() {
      let expensive = false;
      let endTurn: (() => void) | undefined;
      return {
        async didResolveOperation({ schema, document, operation, operationName, request, contextValue, response }) {
          costs ??= new QueryCosts(schema);
          const cost = costOf(costs, document, request.variables, operationName ?? undefined);
          if (cost > QUERY_COST_BUDGET) throw new QueryTooComplexError(cost, QUERY_COST_BUDGET);
          // Reads only: a mutation may hold SQLite's write lock (a keyed one holds it throughout),
          // and waiting for a turn while holding it could wait on the very query it blocks.
          expensive = cost >= EXPENSIVE_QUERY_COST && operation?.operation === OperationTypeNode.QUERY;
          if (!limiter) return;
          const caller = contextValue.isAuthenticated
            ? `user:${contextValue.viewer.id}`
            : `address:${currentRequest()?.remoteAddress ?? 'unknown'}`;
          const spent = await limiter.spend(caller, Math.max(cost, 1));
          if (!spent.allowed)
            throw new RateLimitedError(
              spent.resetSeconds,
              rateLimitHeaders(limiter.pointsPerMinute, 0, spent.resetSeconds),
            );
          rateLimitHeaders(limiter.pointsPerMinute, spent.remaining, spent.resetSeconds, response.http.headers);
        },
        // Taken only once execution starts (every check passed), so that a request refused by
        // another plugin never holds or waits for a turn; given back when the response is ready.
        async executionDidStart() {
          if (!expensive) return;
          [, endTurn] = await expensiveTurns.acquire();
          // Let the event loop read what has arrived before this turn starts: the turn passes
          // from one expensive query to the next without I/O in between, and on SQLite (whose
          // statements run synchronously) a queue of them would otherwise run back to back.
          await new Promise((resolve) => setImmediate(resolve));
        },
        async willSendResponse() {
          endTurn?.();
          endTurn = undefined;
        },
      };
    },
  };
}
