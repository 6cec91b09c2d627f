import { isDatabaseUnreachable, isStatementTimeout } from '../common/driver-errors';
import { RequestTimeoutError, ServiceUnavailableError } from '../common/errors';
import { currentRequest } from '../common/request-scope';
import type { Database } from './database';

/**
 * Statements that open, end or mark a transaction. They are never refused: a ROLLBACK refused after
 * the deadline would leave the connection inside the transaction it was meant to end.
 */
const TRANSACTION_CONTROL = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE\s+SAVEPOINT)\b/i;

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
      if (request && isStatementTimeout(error)) throw new RequestTimeoutError(request.timeLimitMs);
      if (isDatabaseUnreachable(error)) throw new ServiceUnavailableError();
      throw error;
    }
  });
}
