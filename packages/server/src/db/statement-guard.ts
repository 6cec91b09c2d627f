import { RequestTimeoutError, ServiceUnavailableError } from '../common/errors';
import { currentRequest } from '../common/request-scope';
import type { Database } from './database';

/** mysql2 codes for a connection that failed or went away, rather than a statement that failed. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  // SQLite: another process holds the file's write lock past the busy timeout.
  'SQLITE_BUSY',
]);

/**
 * Statements that open, end or mark a transaction. They are never refused: a ROLLBACK refused after
 * the deadline would leave the connection inside the transaction it was meant to end.
 */
const TRANSACTION_CONTROL = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE\s+SAVEPOINT)\b/i;

/** MariaDB's "Query execution was interrupted (max_statement_time exceeded)". */
const ER_STATEMENT_TIMEOUT = 1969;

interface DriverError {
  code?: string;
  errno?: number;
  fatal?: boolean;
  message?: string;
}

function driverError(error: unknown): DriverError {
  const e = error as (DriverError & { driverError?: DriverError }) | null;
  return e?.driverError ?? e ?? {};
}

/** True when the database could not be reached at all: the statement may be retried later. */
function isDatabaseUnreachable(error: unknown): boolean {
  const e = driverError(error);
  return (e.code !== undefined && CONNECTION_CODES.has(e.code)) || e.fatal === true || e.message === 'Pool is closed.';
}

/**
 * Guards every statement a request sends:
 * - past the request's deadline no statement starts (but transactions still end), and on MariaDB
 *   each read carries the time the request has left as `max_statement_time`, so the server itself
 *   stops a read that outlives it;
 * - a database that cannot be reached becomes SERVICE_UNAVAILABLE (503, Retry-After) wherever the
 *   statement was sent from (sign-in, a loader, a plugin), and never driver text.
 * Statements outside a request (start-up, seeding, migrations) have no deadline.
 */
export function guardStatements(db: Database): void {
  const mysql = db.dialect === 'mysql';
  db.intercept(async (sql, execute) => {
    const request = currentRequest();
    let text = sql;
    if (request && !TRANSACTION_CONTROL.test(sql)) {
      const remainingMs = request.deadline - Date.now();
      if (remainingMs <= 0) throw new RequestTimeoutError(request.timeLimitMs);
      if (mysql && /^\s*SELECT\b/i.test(sql))
        text = `SET STATEMENT max_statement_time=${(remainingMs / 1000).toFixed(3)} FOR ${sql}`;
    }
    try {
      return await execute(text);
    } catch (error) {
      if (request && driverError(error).errno === ER_STATEMENT_TIMEOUT)
        throw new RequestTimeoutError(request.timeLimitMs);
      if (isDatabaseUnreachable(error)) throw new ServiceUnavailableError();
      throw error;
    }
  });
}
