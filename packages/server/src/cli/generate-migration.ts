/**
 * Writes a migration per dialect for the difference between the entities and the schema that the
 * committed migrations build. Usage: pnpm --filter @account-graph/server run db:generate-migration Name
 * Needs a MariaDB/MySQL server (MIGRATION_MYSQL_URL, default mysql://root@127.0.0.1:3306) for the
 * MySQL half; it uses a scratch database of its own and drops it. Read both files before committing.
 */
import 'reflect-metadata';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource, ensureMysqlDatabase } from '../db/data-source';
import type { DatabaseConfig } from '../config/config';
import { dataModel } from '../app/modules';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: generate-migration <PascalCaseName>');
  process.exit(2);
}

const migrationsDir = join(__dirname, '../db/migrations');

/** Tables a statement names (CREATE/ALTER/DROP TABLE t, INDEX ... ON t, INSERT INTO t). */
function tablesOf(query: string): string[] {
  return [...query.matchAll(/(?:TABLE|ON|INTO) [`"]([\w]+)[`"]/g)].map((m) => m[1].replace(/^temporary_/, ''));
}

/**
 * Writes the migration for one dialect; returns the tables it touches. On MySQL/MariaDB, TypeORM
 * also re-declares unchanged columns and keys of earlier tables (it misreads some of MariaDB's
 * metadata), so statements there are kept only for tables that SQLite's exact diff touches.
 */
async function generate(
  db: DatabaseConfig,
  folder: 'sqlite' | 'mysql',
  timestamp: number,
  onlyTables?: Set<string>,
): Promise<Set<string>> {
  await ensureMysqlDatabase(db);
  const ds = createDataSource(db, dataModel);
  await ds.initialize();
  try {
    if (folder === 'mysql') await ds.dropDatabase();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    if (onlyTables) {
      const keep = (q: { query: string }) => tablesOf(q.query).some((table) => onlyTables.has(table));
      sql.upQueries = sql.upQueries.filter(keep);
      sql.downQueries = sql.downQueries.filter(keep);
    }
    if (sql.upQueries.length === 0) {
      console.log(`${folder}: entities and migrations agree; nothing to write`);
      return new Set();
    }
    const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
    const up = sql.upQueries.map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`)
      .join('\n');
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    writeFileSync(
      join(migrationsDir, folder, `${file}.ts`),
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} ` +
        `implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: ` +
        `QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): ` +
        `Promise<void> {\n${down}\n  }\n}\n`,
    );
    const indexPath = join(migrationsDir, folder, 'index.ts');
    let index = readFileSync(indexPath, 'utf8');
    index = index.replace(
      /^(import type \{ MigrationInterface \} from 'typeorm';\n)/m,
      `$1import { ${className} } from './${file}';\n`,
    );
    index = index.replace(
      /= \[(.*)\];/s,
      (_m, list: string) =>
        `= [${[
          ...list
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          className,
        ].join(', ')}];`,
    );
    writeFileSync(indexPath, index);
    console.log(`${folder}: wrote ${file}.ts (${sql.upQueries.length} statements)`);
    return new Set(sql.upQueries.flatMap((q) => tablesOf(q.query)));
  } finally {
    if (folder === 'mysql') await ds.dropDatabase();
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const timestamp = Date.now();
  const tables = await generate({ dialect: 'sqlite', path: ':memory:' }, 'sqlite', timestamp);
  if (tables.size === 0) return;
  const server = process.env.MIGRATION_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const database = `account_graph_migration_gen_${process.pid}`;
  await generate(
    { dialect: 'mysql', url: `${server.replace(/\/$/, '')}/${database}`, database },
    'mysql',
    timestamp,
    tables,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
