import { Mutex } from 'async-mutex';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { isDeadlock } from '../common/driver-errors';
import { interceptStatements, type StatementInterceptor } from './statements';

const DEADLOCK_RETRIES = 5;

/**
 * The data source plus what it takes to write safely on it. SQLite has one connection, so two
 * transactions at once would collide ("cannot start a transaction within a transaction"):
 * writes are serialised there. MySQL/MariaDB runs them side by side on its pool.
 */
export class Database {
  private readonly writeLock: Mutex | null;
  private readonly interceptors: StatementInterceptor[] = [];

  constructor(readonly dataSource: DataSource) {
    this.writeLock = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
    interceptStatements(dataSource, this.interceptors);
  }

  /** Sends every later SQL statement through `interceptor` (request deadlines, metrics, tracing). */
  intercept(interceptor: StatementInterceptor): void {
    this.interceptors.push(interceptor);
  }

  get dialect(): 'sqlite' | 'mysql' {
    return this.dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  }

  /**
   * Runs `work` in one transaction: all of it commits, or none of it does. On MySQL/MariaDB a
   * transaction that InnoDB picks as a deadlock victim is rolled back whole, so it is run again
   * (a few times, after a short random pause); `work` must touch nothing but the database.
   */
  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.writeLock) return this.writeLock.runExclusive(() => this.dataSource.transaction(work));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= DEADLOCK_RETRIES || !isDeadlock(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * Opens a transaction that stays open across several steps until `commit` or `rollback`: a
   * mutation with an Idempotency-Key runs whole inside one, so that its work and its recorded
   * outcome commit together. On SQLite it holds the write lock from here to the end. Work inside
   * it joins through `OpenTransaction.savepoint`, never `transaction` (on SQLite that would wait
   * for the lock this one holds). It is not retried on a deadlock: the caller started steps that
   * cannot be replayed, so a deadlock aborts it (see `OpenTransaction.aborted`).
   */
  async begin(): Promise<OpenTransaction> {
    const unlock = this.writeLock ? await this.writeLock.acquire() : () => undefined;
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
    } catch (error) {
      await runner.release();
      unlock();
      throw error;
    }
    return new OpenTransaction(runner, unlock, this.dialect === 'mysql');
  }

  /** True when the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * A transaction opened by `Database.begin`, on one connection, until `commit` or `rollback`.
 * Units of work join it as savepoints: one that fails is undone alone, the others stay.
 */
export class OpenTransaction {
  private savepoints = 0;
  private depth = 0;
  private keptUnits = 0;
  private abortError: unknown = null;
  private ended = false;

  constructor(
    private readonly runner: QueryRunner,
    private readonly unlock: () => void,
    /** MySQL/MariaDB: the connection is the pool's, and must go back to it outside any transaction. */
    private readonly pooled: boolean,
  ) {}

  /** The manager bound to this transaction's connection. */
  get em(): EntityManager {
    return this.runner.manager;
  }

  /** How many outermost units of work completed and are kept (they commit with the transaction). */
  get kept(): number {
    return this.keptUnits;
  }

  /**
   * The error that undid the whole transaction, if one did: a deadlock (InnoDB rolls back the
   * whole transaction, savepoints included), or a savepoint that could not be rolled back to.
   * Nothing of it can commit any more; the only way out is `rollback`.
   */
  get aborted(): unknown {
    return this.abortError;
  }

  /** Runs `work` as a savepoint: kept when it resolves, undone alone when it throws. */
  async savepoint<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    // After a deadlock the connection is outside any transaction: later statements would each
    // commit on their own, so no more work may run here.
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the driver's own error as it was caught
    if (this.abortError !== null) throw this.abortError;
    if (this.ended) throw new Error('The transaction has already ended.');
    const name = `unit_${++this.savepoints}`;
    try {
      await this.runner.query(`SAVEPOINT ${name}`);
    } catch (error) {
      this.abortError ??= error;
      throw error;
    }
    this.depth++;
    let result: T;
    try {
      result = await work(this.em);
    } catch (error) {
      await this.undo(name, error);
      throw error;
    } finally {
      this.depth--;
    }
    try {
      await this.runner.query(`RELEASE SAVEPOINT ${name}`);
    } catch (error) {
      this.abortError ??= error;
      throw error;
    }
    if (this.depth === 0) this.keptUnits++;
    return result;
  }

  private async undo(name: string, error: unknown): Promise<void> {
    if (isDeadlock(error)) {
      this.abortError ??= error;
      return;
    }
    try {
      await this.runner.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await this.runner.query(`RELEASE SAVEPOINT ${name}`);
    } catch (rollbackError) {
      this.abortError ??= rollbackError;
    }
  }

  /** Commits everything kept; refused once the transaction was aborted. */
  async commit(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the driver's own error as it was caught
    if (this.abortError !== null) throw this.abortError;
    if (this.ended) throw new Error('The transaction has already ended.');
    let ok = false;
    try {
      await this.runner.commitTransaction();
      ok = true;
    } finally {
      await this.end(ok);
    }
  }

  /** Undoes everything; does nothing once the transaction has ended. */
  async rollback(): Promise<void> {
    if (this.ended) return;
    let ok = false;
    try {
      await this.runner.rollbackTransaction();
      ok = true;
    } finally {
      await this.end(ok);
    }
  }

  private async end(cleanly: boolean): Promise<void> {
    this.ended = true;
    try {
      // A pooled connection whose COMMIT or ROLLBACK failed may still be inside the transaction:
      // the next request to borrow it would commit that work implicitly. Closing it instead makes
      // the server roll it back.
      if (!cleanly && this.pooled)
        (this.runner as { databaseConnection?: { destroy(): void } }).databaseConnection?.destroy();
      await this.runner.release();
    } finally {
      this.unlock();
    }
  }
}
