/**
 * What the database drivers' errors mean, in one place: mysql2 reports MySQL/MariaDB error numbers
 * (`errno`), better-sqlite3 reports SQLite result codes (`code`). TypeORM wraps a failed statement
 * in a QueryFailedError that keeps the driver's error as `driverError`; below TypeORM (a statement
 * interceptor) the driver's error arrives bare. Every test here accepts both.
 */

/** MySQL/MariaDB ER_DUP_ENTRY: a unique index refused the row. */
const ER_DUP_ENTRY = 1062;
/** MySQL/MariaDB ER_LOCK_WAIT_TIMEOUT: a lock was waited for longer than innodb_lock_wait_timeout. */
const ER_LOCK_WAIT_TIMEOUT = 1205;
/** MySQL/MariaDB ER_LOCK_DEADLOCK: InnoDB picked this transaction as a deadlock victim and rolled it back. */
const ER_LOCK_DEADLOCK = 1213;
/** MariaDB ER_STATEMENT_TIMEOUT: "Query execution was interrupted (max_statement_time exceeded)". */
const ER_STATEMENT_TIMEOUT = 1969;
/** SQLite's code for a UNIQUE constraint that refused the row (the equivalent of ER_DUP_ENTRY). */
const SQLITE_CONSTRAINT_UNIQUE = 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Codes for a database that failed or went away, rather than a statement that failed: mysql2's
 * network and server-state codes, and SQLite's SQLITE_BUSY (another process held the file's write
 * lock past the busy timeout). SQLite has no deadlock or lock-wait error of its own: this process
 * runs one writer at a time (Database.transaction), so only another process can keep it waiting.
 */
const UNREACHABLE_CODES = new Set([
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
  'SQLITE_BUSY',
]);

interface DriverError {
  code?: string;
  errno?: number;
  fatal?: boolean;
  message?: string;
}

/** The driver's own error, whether TypeORM wrapped it or not. */
function driverError(error: unknown): DriverError {
  const e = error as (DriverError & { driverError?: DriverError }) | null;
  return e?.driverError ?? e ?? {};
}

/** A unique index refused the row: MySQL/MariaDB ER_DUP_ENTRY, SQLite SQLITE_CONSTRAINT_UNIQUE. */
export function isUniqueViolation(error: unknown): boolean {
  const e = driverError(error);
  return e.errno === ER_DUP_ENTRY || e.code === SQLITE_CONSTRAINT_UNIQUE;
}

/** InnoDB rolled the transaction back as a deadlock victim; the whole transaction may be run again. */
export function isDeadlock(error: unknown): boolean {
  return driverError(error).errno === ER_LOCK_DEADLOCK;
}

/** A row lock was waited for longer than the database allows (the statement failed; the transaction did not). */
export function isLockWaitTimeout(error: unknown): boolean {
  return driverError(error).errno === ER_LOCK_WAIT_TIMEOUT;
}

/** MariaDB stopped a statement that ran past its max_statement_time. */
export function isStatementTimeout(error: unknown): boolean {
  return driverError(error).errno === ER_STATEMENT_TIMEOUT;
}

/** True when the database could not be reached at all: the statement may be retried later. */
export function isDatabaseUnreachable(error: unknown): boolean {
  const e = driverError(error);
  return (e.code !== undefined && UNREACHABLE_CODES.has(e.code)) || e.fatal === true || e.message === 'Pool is closed.';
}
