/**
 * Prints a bearer token for a seeded member of staff, and nothing else:
 *   pnpm --silent run token --role ACCOUNT_MANAGER
 *   pnpm --silent run token --email jordan.kim@accountgraph.example
 * Reads the same DATABASE_URL and AUTH_JWT_SECRET as the server.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { signDevToken } from '../common/auth';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open';
import { seedDemoIfEmpty } from '../db/seed/demo-seed';
import { Role } from '../common/roles';
import { User } from '../modules/user/user.entity';
import { dataModel } from '../app/modules';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, email: { type: 'string' }, ttl: { type: 'string', default: '12h' } },
  });
  if (!values.role && !values.email)
    throw new Error(`usage: token --role ROLE | --email EMAIL  (roles: ${Object.values(Role).join(', ')})`);
  if (values.role && !Object.values(Role).includes(values.role as Role))
    throw new Error(`unknown role ${values.role}; one of ${Object.values(Role).join(', ')}`);
  const config = loadConfig();
  const db = await openDatabase(config.database, dataModel);
  try {
    if (config.seedDemo) await seedDemoIfEmpty(db);
    const user = await db.dataSource.manager.findOne(User, {
      where: values.email ? { email: values.email.toLowerCase() } : { role: values.role as Role, active: true },
      order: { id: 'ASC' },
    });
    if (!user)
      throw new Error(values.email ? `no user with email ${values.email}` : `no active user with role ${values.role}`);
    process.stdout.write(`${await signDevToken(config.auth.jwtSecret, user, values.ttl)}\n`);
  } finally {
    await db.dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
