/** `migrate` applies pending migrations; `seed` adds the demo portfolio to an empty database. Reads DATABASE_URL. */
import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open';
import { seedDemoIfEmpty } from '../db/seed/demo-seed';
import { entities, sqliteFunctions } from '../app/modules';

async function main(mode: string | undefined): Promise<void> {
  if (mode !== 'migrate' && mode !== 'seed') {
    console.error('usage: db.ts migrate|seed');
    process.exit(2);
  }
  const config = loadConfig();
  const db = await openDatabase(config.database, { entities, sqliteFunctions });
  try {
    console.log(`migrations applied (${config.database.dialect})`);
    if (mode === 'seed') {
      const summary = await seedDemoIfEmpty(db);
      console.log(summary ? `seeded: ${JSON.stringify(summary)}` : 'database already has data; nothing seeded');
    }
  } finally {
    await db.dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
