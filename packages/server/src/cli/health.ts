/**
 * `snapshot` records today's account health snapshot for every account (an upsert per account and
 * day: running it again the same day replaces the day's rows). Reads DATABASE_URL.
 */
import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open';
import { dataModel } from '../app/modules';
import { writeHealthSnapshots } from '../modules/account-health/account-health.service';

async function main(argv: string[]): Promise<void> {
  if (argv.length !== 1 || argv[0] !== 'snapshot') {
    console.error('usage: health.ts snapshot');
    process.exit(2);
  }
  const config = loadConfig();
  const db = await openDatabase(config.database, dataModel);
  try {
    const now = new Date();
    const written = await db.transaction((em) => writeHealthSnapshots(em, db.dialect, now));
    console.log(`recorded the health of ${written} accounts for ${now.toISOString().slice(0, 10)}`);
  } finally {
    await db.dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
