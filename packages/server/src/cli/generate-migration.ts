/**
 * Writes a migration per dialect for the difference between the entities and the schema that the
 * committed migrations build. Usage: pnpm --filter @account-graph/server run db:generate-migration Name
 * Needs a MariaDB/MySQL server (MIGRATION_MYSQL_URL, default root@127.0.0.1:3306) for the MySQL half.
 */
import 'reflect-metadata';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource, ensureMysqlDatabase } from '../db/data-source';
import type { DatabaseConfig } from '../config/config';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: generate-migration <PascalCaseName>');
  process.exit(2);
}

const migrationsDir = join(__dirname, '../db/migrations');

async function generate(db: DatabaseConfig, folder: 'sqlite' | 'mysql', timestamp: number): Promise<void> {
  await ensureMysqlDatabase(db);
  const ds = createDataSource(db);
  await ds.initialize();
  try {
    if (folder === 'mysql') await ds.dropDatabase();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log(`${folder}: entities and migrations agree; nothing to write`);
      return;
    }
    const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
    const up = sql.upQueries.map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`).join('\n');
    const down = sql.downQueries.reverse().map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`).join('\n');
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    writeFileSync(
      join(migrationsDir, folder, `${file}.ts`),
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    const indexPath = join(migrationsDir, folder, 'index.ts');
    let index = readFileSync(indexPath, 'utf8');
    index = index.replace(/^(import type \{ MigrationInterface \} from 'typeorm';\n)/m, `$1import { ${className} } from './${file}';\n`);
    index = index.replace(/= \[(.*)\];/s, (_m, list: string) => `= [${[...list.split(',').map((s) => s.trim()).filter(Boolean), className].join(', ')}];`);
    writeFileSync(indexPath, index);
    console.log(`${folder}: wrote ${file}.ts (${sql.upQueries.length} statements)`);
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const timestamp = Date.now();
  await generate({ dialect: 'sqlite', path: ':memory:' }, 'sqlite', timestamp);
  const url = process.env.MIGRATION_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/account_graph_migration_gen';
  await generate({ dialect: 'mysql', url, database: new URL(url).pathname.slice(1) }, 'mysql', timestamp);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
