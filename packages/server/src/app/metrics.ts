import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database';
import type { Context } from '../common/context';
import { isRead, pathOf, send, withoutTrailingSlash } from './http/request';

/** Request latencies from 5 ms to 10 s. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** SQL statements are mostly sub-millisecond on SQLite and a few ms on MariaDB. */
const SQL_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Operation names a client may give that become labels: GraphQL names of at most 64 characters. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Codes come from formatError, a closed set; this only keeps a mistake from minting labels. */
const OUTCOME_CODE = /^[A-Z][A-Z_]{0,39}$/;
/** Distinct operation names kept as labels; later ones count as `other`. */
export const OPERATION_LABEL_LIMIT = 200;

const HTTP_ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);

/**
 * Turns client-chosen operation names into a bounded label set: every label is a series in
 * every scrape, so a client inventing names must not grow them without end. The first names
 * seen keep their label for the life of the process.
 */
export class OperationLabels {
  private readonly known = new Set<string>();

  constructor(private readonly limit = OPERATION_LABEL_LIMIT) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.known.has(name)) return name;
    if (!OPERATION_NAME.test(name) || this.known.size >= this.limit) return 'other';
    this.known.add(name);
    return name;
  }
}

/** `OK`, or the first error's `extensions.code` as the client received it (after formatError). */
export function outcomeOf(response: GraphQLResponse): string {
  const body = response.body;
  const errors =
    body?.kind === 'single'
      ? body.singleResult.errors
      : body?.kind === 'incremental'
        ? body.initialResult.errors
        : undefined;
  if (!errors?.length) return 'OK';
  const code = errors[0].extensions?.code;
  return typeof code === 'string' && OUTCOME_CODE.test(code) ? code : 'OTHER';
}

/** Same-length digests, so comparing them takes the same time whatever the token's length or content. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Prometheus metrics for one server, in a registry of its own (several servers in one process,
 * as in tests, do not collide): GraphQL requests by operation and outcome, request latencies,
 * SQL statements, the connection pool, and Node's process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new OperationLabels();
  private readonly graphqlRequests: Counter<'operation' | 'outcome'>;
  private readonly graphqlDuration: Histogram<'operation'>;
  private readonly httpDuration: Histogram<'route' | 'status_class'>;

  constructor(db: Database) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.graphqlRequests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome: OK or the first error code the client received.',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL processing time (parse, validate, execute) by operation name; sign-in and body parsing count only in the HTTP histogram.',
      labelNames: ['operation'],
      buckets: REQUEST_BUCKETS,
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status class (aborted: the client left before the response ended).',
      labelNames: ['route', 'status_class'],
      buckets: REQUEST_BUCKETS,
      registers,
    });
    this.instrumentStatements(db);
    this.instrumentPool(db);
  }

  private instrumentStatements(db: Database): void {
    const dialect = db.dialect;
    const statements = new Counter({
      name: 'sql_statements_total',
      help: 'SQL statements sent to the database, by dialect.',
      labelNames: ['dialect'],
      registers: [this.registry],
    }).labels(dialect);
    const duration = new Histogram({
      name: 'sql_statement_duration_seconds',
      help: 'SQL statement duration, by dialect.',
      labelNames: ['dialect'],
      buckets: SQL_BUCKETS,
      registers: [this.registry],
    }).labels(dialect);
    db.intercept(async (sql, execute) => {
      const end = duration.startTimer();
      try {
        return await execute(sql);
      } finally {
        end();
        statements.inc();
      }
    });
  }

  /**
   * Pool gauges read on each scrape. MySQL/MariaDB: mysql2's pool behind TypeORM. SQLite has one
   * connection, busy while a transaction holds it (writes wait for it behind a lock in Database).
   */
  private instrumentPool(db: Database): void {
    const dialect = db.dialect;
    let sqliteInTransaction = false;
    if (dialect === 'sqlite') {
      // TypeORM opens and ends SQLite transactions with these statements (nested ones use savepoints).
      db.intercept(async (sql, execute) => {
        const ends = /^(COMMIT|ROLLBACK)\s*$/i.test(sql);
        try {
          const result = await execute(sql);
          if (/^BEGIN\b/i.test(sql)) sqliteInTransaction = true;
          return result;
        } finally {
          if (ends) sqliteInTransaction = false;
        }
      });
    }
    const mysqlPool = (): MysqlPoolInternals | undefined =>
      dialect === 'mysql' ? ((db.dataSource.driver as MysqlDriver).pool as MysqlPoolInternals | undefined) : undefined;

    new Gauge({
      name: 'db_pool_connections',
      help: 'Database connections by state: in_use (lent to a query or transaction) or idle.',
      labelNames: ['dialect', 'state'],
      registers: [this.registry],
      collect() {
        if (dialect === 'sqlite') {
          this.set({ dialect, state: 'in_use' }, sqliteInTransaction ? 1 : 0);
          this.set({ dialect, state: 'idle' }, sqliteInTransaction ? 0 : 1);
          return;
        }
        const pool = mysqlPool();
        if (!pool) return;
        const all = pool._allConnections.length;
        const idle = pool._freeConnections.length;
        this.set({ dialect, state: 'in_use' }, all - idle);
        this.set({ dialect, state: 'idle' }, idle);
      },
    });
    new Gauge({
      name: 'db_pool_max_connections',
      help: 'The most connections the pool opens (1 on SQLite).',
      labelNames: ['dialect'],
      registers: [this.registry],
      collect() {
        const limit = dialect === 'sqlite' ? 1 : mysqlPool()?.config.connectionLimit;
        if (limit !== undefined) this.set({ dialect }, limit);
      },
    });
    if (dialect === 'mysql') {
      new Gauge({
        name: 'db_pool_waiting_requests',
        help: 'Requests waiting for a free pool connection (MySQL/MariaDB).',
        labelNames: ['dialect'],
        registers: [this.registry],
        collect() {
          const pool = mysqlPool();
          if (pool) this.set({ dialect }, pool._connectionQueue.length);
        },
      });
    }
  }

  /** Counts and times every GraphQL request that reaches Apollo's request pipeline. */
  readonly plugin: ApolloServerPlugin<Context> = {
    requestDidStart: async () => {
      const end = this.graphqlDuration.startTimer();
      return {
        willSendResponse: async ({ operation: resolved, operationName, request, response }) => {
          // The resolved operation's name (null when anonymous); when none resolved, the name the client sent.
          const operation = this.operations.label(resolved ? operationName : request.operationName);
          end({ operation });
          this.graphqlRequests.inc({ operation, outcome: outcomeOf(response) });
        },
      };
    },
  };

  /**
   * Times every HTTP request by route and status class, and answers `GET /metrics` (with
   * `Authorization: Bearer <token>` when a token is configured). Call it first for every request:
   * it returns true when it answered.
   */
  httpHandler(token: string | undefined): (req: IncomingMessage, res: ServerResponse) => boolean {
    return (req, res) => {
      const end = this.httpDuration.startTimer();
      const path = pathOf(req.url);
      const page = withoutTrailingSlash(path);
      const route = HTTP_ROUTES.has(page) ? page : 'other';
      res.once('close', () => {
        end({ route, status_class: res.writableFinished ? `${Math.floor(res.statusCode / 100)}xx` : 'aborted' });
      });
      if (path !== '/metrics' || !isRead(req)) return false;
      if (token !== undefined) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
        if (!match || !sameSecret(match[1], token)) {
          res.setHeader('www-authenticate', 'Bearer realm="metrics"');
          send(res, 401, 'text/plain; charset=utf-8', 'Send Authorization: Bearer <METRICS_TOKEN>.\n');
          return true;
        }
      }
      this.registry.metrics().then(
        (text) => send(res, 200, this.registry.contentType, text),
        // Answered here: scrapes are neither logged nor run in a request scope.
        () => send(res, 500, 'text/plain; charset=utf-8', 'Collecting metrics failed.\n'),
      );
      return true;
    };
  }
}

/** The parts of mysql2's pool the gauges read (not in its public types). */
interface MysqlPoolInternals {
  _allConnections: { length: number };
  _freeConnections: { length: number };
  _connectionQueue: { length: number };
  config: { connectionLimit: number };
}
