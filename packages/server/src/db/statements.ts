import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Sees every SQL statement the server sends, on either dialect: it may refuse it, time it, trace it
 * or rewrite its text, and must call `execute` to run it. Interceptors compose; the first added is
 * the outermost.
 */
export type StatementInterceptor = (sql: string, execute: (sql: string) => Promise<unknown>) => Promise<unknown>;

type QueryFn = QueryRunner['query'];

/**
 * Routes every statement of `dataSource` through `interceptors` (read at call time, so ones added
 * later apply too). Every TypeORM read and write, migrations included, goes through a query
 * runner's `query`; the runners are wrapped as the driver hands them out (SQLite reuses one).
 */
export function interceptStatements(dataSource: DataSource, interceptors: readonly StatementInterceptor[]): void {
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  const wrapped = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    if (wrapped.has(runner)) return runner;
    wrapped.add(runner);
    const query: QueryFn = runner.query.bind(runner);
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
      const run = (index: number, text: string): Promise<unknown> =>
        index === interceptors.length
          ? query(text, parameters, structured as true)
          : interceptors[index](text, (next) => run(index + 1, next));
      return run(0, sql);
    }) as QueryFn;
    return runner;
  };
}
