import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../src/config/config';

/** The MariaDB server tests use when TEST_DB=mariadb; each test file gets its own database on it. */
export const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';

export const testDialect: 'sqlite' | 'mysql' =
  process.env.TEST_DB === 'mariadb' || process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';

export interface TestDatabase {
  config: DatabaseConfig;
  /** Drops the database (MariaDB) or deletes the file (SQLite). */
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file: a temp SQLite file, or a new MariaDB database. */
export function createTestDatabase(): TestDatabase {
  if (testDialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'account-graph-test-'));
    return {
      config: { dialect: 'sqlite', path: join(dir, 'test.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = `ag_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = `${MARIADB_URL.replace(/\/$/, '')}/${database}`;
  return {
    config: { dialect: 'mysql', url, database },
    drop: async () => {
      const mysql = await import('mysql2/promise');
      const connection = await mysql.createConnection(MARIADB_URL);
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
