import 'reflect-metadata';
import { createLogger } from './app/logger';
import { createServer, listen } from './app/server';
import { ConfigError, loadConfig } from './config/config';
import { openDatabase } from './db/open';
import { seedDemoIfEmpty } from './db/seed/demo-seed';
import { dataModel } from './app/modules';
import { startHealthSnapshots } from './modules/account-health/health-snapshots';

/** Starts the server: config, database (migrated, seeded when empty), HTTP, signals. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.auth.usingDevSecret) {
    logger.warn(
      'AUTH_JWT_SECRET is not set: using the built-in development secret. Anyone can mint tokens; never run like this in production.',
    );
  }

  const db = await openDatabase(config.database, dataModel);
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(db);
    if (seeded) logger.info(seeded, 'database was empty: seeded the demo portfolio');
  }

  const { httpServer, apollo } = await createServer(config, db, logger);
  const server = await listen(httpServer, apollo, config.port, config.host);
  const healthSnapshots = startHealthSnapshots(db, logger);
  logger.info({ url: server.url, database: config.database.dialect }, 'Account Graph is listening');
  const tokenHint = 'pnpm --silent run token --role ACCOUNT_MANAGER';
  process.stdout.write(
    [
      '',
      `  Account Graph is running on ${config.database.dialect === 'sqlite' ? `SQLite (${config.database.path})` : 'MySQL/MariaDB'}.`,
      `  Playground:  ${server.url}${config.playground ? '' : '  (off: set PLAYGROUND=true)'}`,
      `  Get a token: ${tokenHint}   (roles: ADMIN, EXECUTIVE, SENIOR_ACCOUNT_MANAGER, ACCOUNT_MANAGER, IT_DIRECTOR, PROJECT_MEMBER, FINANCE, BI_READER)`,
      '  Then set the header  Authorization: Bearer <token>  in the playground.',
      '',
    ].join('\n') + '\n',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    // Draining cuts what is still running after its grace period; this is the last resort.
    const timer = setTimeout(() => {
      logger.error('shutdown did not finish within 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await server.stop();
    await healthSnapshots.stop();
    await db.dataSource.destroy();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Account Graph failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
