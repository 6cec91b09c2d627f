import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import type { Config } from '../config/config';
import { createDataSource, ensureMysqlDatabase, type DataSourceOverrides } from './data-source';
import { Database } from './database';

/** Connects (creating the MySQL database if missing) and applies pending migrations. */
export async function openDatabase(db: Config['database'], overrides: DataSourceOverrides): Promise<Database> {
  await ensureMysqlDatabase(db);
  const dataSource = createDataSource(db, overrides);
  await dataSource.initialize();
  if (db.dialect === 'mysql') await keepPromiseWrapper(dataSource.driver as MysqlDriver);
  await dataSource.runMigrations({ transaction: 'each' });
  return new Database(dataSource);
}

/** What `keepPromiseWrapper` touches of a mysql2 pool connection. */
interface PoolConnection {
  promise(promiseImpl?: PromiseConstructor): object;
  release(): void;
}

/**
 * mysql2's pool connections require() their promise wrapper every time `promise()` is called, and
 * TypeORM calls it for every statement: the module lookup alone took ~3% of a write's CPU. The
 * wrapper's class is looked up once and `promise()` builds it directly; it behaves the same.
 */
async function keepPromiseWrapper(driver: MysqlDriver): Promise<void> {
  const connection = (await driver.obtainMasterConnection()) as PoolConnection;
  try {
    const prototype = Object.getPrototypeOf(connection) as PoolConnection;
    const Wrapper = connection.promise().constructor as new (
      connection: PoolConnection,
      promiseImpl?: PromiseConstructor,
    ) => object;
    prototype.promise = function promise(this: PoolConnection, promiseImpl?: PromiseConstructor) {
      return new Wrapper(this, promiseImpl);
    };
  } finally {
    connection.release();
  }
}
