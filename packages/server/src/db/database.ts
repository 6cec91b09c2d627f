import { Mutex } from 'async-mutex';
import type { DataSource, EntityManager } from 'typeorm';
import { interceptStatements, type StatementInterceptor } from './statements';

const DEADLOCK_RETRIES = 5;

/** InnoDB's "Deadlock found when trying to get lock" (1213). */
function isDeadlock(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number } } | null)?.driverError;
  return driverError?.errno === 1213;
}

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
