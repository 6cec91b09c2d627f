/** `emit` writes packages/schema/schema.graphql from the resolvers; `check` fails when it is stale or undescribed. */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSchema } from '../app/schema';
import { printContract, undescribed } from '../app/sdl';

// SCHEMA_FILE lets the tests check a copy; everyone else uses the committed contract.
const SCHEMA_FILE = process.env.SCHEMA_FILE ?? join(__dirname, '../../../schema/schema.graphql');

async function main(mode: string | undefined): Promise<void> {
  const schema = await createSchema();
  const sdl = printContract(schema);
  const missing = undescribed(schema);
  if (missing.length > 0) {
    console.error(
      `These have no description (every type, field, argument and enum value needs one):\n  ${missing.join('\n  ')}`,
    );
    process.exit(1);
  }
  if (mode === 'emit') {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${SCHEMA_FILE.replace(process.cwd() + '/', '')}`);
  } else if (mode === 'check') {
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== sdl) {
      console.error(
        'packages/schema/schema.graphql is stale: run `pnpm schema:emit` (then `pnpm sdk:generate`) and commit the result.',
      );
      process.exit(1);
    }
    console.log('schema is up to date and fully described');
  } else {
    console.error('usage: schema.ts emit|check');
    process.exit(2);
  }
}

void main(process.argv[2]);
