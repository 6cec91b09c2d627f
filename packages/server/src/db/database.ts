import { Mutex } from 'async-mutex';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The data source plus what it takes to write safely on it. SQLite has one connection, so two
 * transactions at once would collide ("cannot start a transaction within a transaction"):
 * writes are serialised there. MySQL/MariaDB runs them side by side on its pool.
 */
export class Database {
  private readonly writeLock: Mutex | null;

  constructor(readonly dataSource: DataSource) {
    this.writeLock = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  get dialect(): 'sqlite' | 'mysql' {
    return this.dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  }

  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.writeLock) return this.dataSource.transaction(work);
    return this.writeLock.runExclusive(() => this.dataSource.transaction(work));
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
