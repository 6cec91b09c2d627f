import type { Config } from '../config/config';
import { createDataSource, ensureMysqlDatabase, type DataSourceOverrides } from './data-source';
import { Database } from './database';

/** Connects (creating the MySQL database if missing) and applies pending migrations. */
export async function openDatabase(db: Config['database'], overrides: DataSourceOverrides = {}): Promise<Database> {
  await ensureMysqlDatabase(db);
  const dataSource = createDataSource(db, overrides);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return new Database(dataSource);
}
