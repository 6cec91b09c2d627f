/**
 * The GraphQL side of `pnpm bench` (scripts/bench.mjs starts it as a child process, with IPC).
 *   bench.ts prepare  migrates and seeds DATABASE_URL, signs a token for the seeded executive, then
 *                     serves with every SQL statement logged so the parent can count them per request
 *   bench.ts serve    serves DATABASE_URL exactly as main.ts does (no query logging), for the load runs;
 *                     its ready message carries a token for the demo ADMIN (the BI section asks as them)
 * Both listen on 127.0.0.1 on a random port and send { type: 'ready', port, ... } to the parent; they
 * stop on { type: 'stop' }, on SIGTERM, or when the parent goes away.
 */
import 'reflect-metadata';
import { createLogger } from '../app/logger';
import { createServer, listen } from '../app/server';
import { signDevToken } from '../common/auth';
import { Role } from '../common/roles';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open';
import { DEMO_STAFF, seedDemo } from '../db/seed/demo-seed';
import { dataModel } from '../app/modules';

const EXECUTIVE_EMAIL = 'dana.whitfield@accountgraph.example';

type ParentMessage = { type: 'stop' } | { type: 'takeQueries' };

async function main(mode: string | undefined): Promise<void> {
  if (mode !== 'prepare' && mode !== 'serve') throw new Error('usage: bench.ts prepare|serve');
  if (!process.send) throw new Error('bench.ts runs as a child of scripts/bench.mjs (it needs an IPC channel)');
  const send = (message: object) => process.send!(message);

  const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
  const queries: string[] = [];
  const db = await openDatabase(
    config.database,
    mode === 'prepare' ? { ...dataModel, onQuery: (sql) => queries.push(sql) } : dataModel,
  );
  let extra: Record<string, unknown> = {
    adminToken: await signDevToken(
      config.auth.jwtSecret,
      DEMO_STAFF.find((staff) => staff.role === Role.ADMIN)!,
    ),
  };
  if (mode === 'prepare') {
    const seeded = await db.transaction((em) => seedDemo(em));
    const executive = DEMO_STAFF.find((staff) => staff.email === EXECUTIVE_EMAIL)!;
    extra = { ...extra, seeded, token: await signDevToken(config.auth.jwtSecret, executive) };
  }
  const { httpServer, apollo } = await createServer(config, db, createLogger('silent'));
  const server = await listen(httpServer, apollo, 0, '127.0.0.1');
  queries.length = 0;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await db.dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stop') void stop();
    if (message.type === 'takeQueries') send({ type: 'queries', queries: queries.splice(0) });
  });

  const address = httpServer.address();
  send({
    type: 'ready',
    port: typeof address === 'object' && address ? address.port : 0,
    dialect: config.database.dialect,
    ...extra,
  });
}

main(process.argv[2]).catch((error: unknown) => {
  console.error('bench server failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
