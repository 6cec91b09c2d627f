/**
 * `migrate` applies pending migrations; `seed` adds the demo portfolio to an empty database;
 * `seed --scale large` (or a fraction, `--scale 0.1`) loads the scale portfolio for measuring
 * instead, dated around `--as-of YYYY-MM-DD` (a fixed day by default). Reads DATABASE_URL.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open';
import { seedDemoIfEmpty } from '../db/seed/demo-seed';
import { LARGE_SEED_AS_OF, seedLargeIfEmpty } from '../db/seed/large-seed';
import { dataModel } from '../app/modules';

const USAGE = 'usage: db.ts migrate | db.ts seed [--scale large|<fraction of large>] [--as-of YYYY-MM-DD]';

/** `large` is 1; a fraction scales every count of the large portfolio down. */
function parseScale(text: string | undefined): number | null {
  if (text === undefined) return null;
  const scale = text === 'large' ? 1 : Number(text);
  if (!(scale > 0 && scale <= 1))
    throw new Error(`--scale must be "large" or a fraction from 0 to 1, not "${text}". ${USAGE}`);
  return scale;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { scale: { type: 'string' }, 'as-of': { type: 'string' } },
  });
  const mode = positionals[0];
  if ((mode !== 'migrate' && mode !== 'seed') || positionals.length > 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const scale = parseScale(values.scale);
  const asOf = values['as-of'] ?? LARGE_SEED_AS_OF;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))
    throw new Error(`--as-of must be a date, YYYY-MM-DD, not "${asOf}".`);
  if ((scale === null && values['as-of']) || (mode === 'migrate' && scale !== null))
    throw new Error(`--scale and --as-of go with seed (the large portfolio). ${USAGE}`);

  const config = loadConfig();
  const db = await openDatabase(config.database, dataModel);
  try {
    console.log(`migrations applied (${config.database.dialect})`);
    if (mode === 'seed' && scale === null) {
      const summary = await seedDemoIfEmpty(db);
      console.log(summary ? `seeded: ${JSON.stringify(summary)}` : 'database already has data; nothing seeded');
    } else if (mode === 'seed') {
      const started = Date.now();
      const summary = await seedLargeIfEmpty(db, { scale: scale!, asOf });
      const seconds = (Date.now() - started) / 1000;
      const total = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
      console.log(`seeded the large portfolio at scale ${summary.scale}, dated around ${summary.asOf}:`);
      for (const [table, rows] of Object.entries(summary.rows))
        console.log(`  ${table.padEnd(22)} ${rows.toLocaleString('en-US').padStart(10)}`);
      console.log(
        `${total.toLocaleString('en-US')} rows in ${summary.statements.toLocaleString('en-US')} INSERT statements, one transaction, in ${seconds.toFixed(1)} s (${config.database.dialect})`,
      );
    }
  } finally {
    await db.dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
