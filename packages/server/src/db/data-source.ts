import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import type { SqliteFunction } from '../common/feature-module';
import type { DatabaseConfig } from '../config/config';
import { mysqlMigrations } from './migrations/mysql';
import { sqliteMigrations } from './migrations/sqlite';

export interface DataSourceOverrides {
  /** Every entity of the app (composed from the feature modules in app/modules.ts). */
  entities: readonly (new () => object)[];
  /** Functions the features' SQL calls on SQLite (composed in app/modules.ts); unused on MySQL. */
  sqliteFunctions: readonly SqliteFunction[];
  /** Logs every SQL statement to this function (tests count statements with it). */
  onQuery?: (sql: string) => void;
  /** Connection pool size for MySQL. */
  poolSize?: number;
}

/** What prepareDatabase uses of a better-sqlite3 connection. */
interface SqliteConnection {
  pragma(sql: string): unknown;
  function(name: string, options: { deterministic: boolean }, fn: (...args: unknown[]) => unknown): unknown;
}

/** Builds (does not connect) the data source for SQLite or MySQL/MariaDB from one entity set. */
export function createDataSource(db: DatabaseConfig, overrides: DataSourceOverrides): DataSource {
  const logger = overrides.onQuery ? new QueryCounterLogger(overrides.onQuery) : undefined;
  const common = {
    entities: [...overrides.entities],
    migrationsRun: false,
    synchronize: false,
    logging: logger ? ['query' as const] : false,
    logger,
  };
  let options: DataSourceOptions;
  if (db.dialect === 'sqlite') {
    const path = db.path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    options = {
      ...common,
      type: 'better-sqlite3',
      database: path,
      migrations: sqliteMigrations,
      // WAL lets readers go on while a write commits; foreign keys are off by default in SQLite.
      prepareDatabase: (sqlite: SqliteConnection) => {
        sqlite.pragma('journal_mode = WAL');
        sqlite.pragma('foreign_keys = ON');
        sqlite.pragma('busy_timeout = 5000');
        for (const { name, fn } of overrides.sqliteFunctions) sqlite.function(name, { deterministic: true }, fn);
      },
    };
  } else {
    options = {
      ...common,
      type: 'mysql',
      url: db.url,
      migrations: mysqlMigrations,
      timezone: 'Z',
      // DATE columns stay 'YYYY-MM-DD' strings: a calendar date has no time zone to shift it.
      dateStrings: ['DATE'],
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      bigNumberStrings: true,
      poolSize: overrides.poolSize ?? 10,
      // trace: mysql2 captures a stack trace for every query by default, for its own error messages;
      // TypeORM's errors carry the statement already, and the capture costs ~3% of a simple read.
      // maxPreparedStatements: each connection preallocates a cache of that many prepared statements
      // (16,000 by default, ~0.5 MB per connection); TypeORM sends text queries and prepares none.
      extra: { connectTimeout: 5000, enableKeepAlive: true, trace: false, maxPreparedStatements: 64 },
    };
  }
  return new DataSource(options);
}

/** Creates the MySQL database named in the URL when it is missing (TypeORM does not). */
export async function ensureMysqlDatabase(db: DatabaseConfig): Promise<void> {
  if (db.dialect !== 'mysql') return;
  const mysql = await import('mysql2/promise');
  const url = new URL(db.url);
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    connectTimeout: 5000,
  });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${db.database.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/** Hands every statement to a callback; tests use it to prove reads do not go row by row. */
class QueryCounterLogger implements Logger {
  constructor(private readonly onQuery: (sql: string) => void) {}
  logQuery(query: string): void {
    this.onQuery(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
