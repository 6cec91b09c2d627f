import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import { todayUtc } from '../../common/dates';
import { hasSnapshotsFor, writeHealthSnapshots } from './account-health.service';

const DAY_MS = 86_400_000;
/** Past midnight UTC by this much, so the day has turned on every server's clock. */
const AFTER_MIDNIGHT_MS = 5 * 60_000;

/**
 * Records today's health snapshot for every account if it is missing, in one transaction; returns
 * the rows written (0 when today's were already there). Safe to run from several servers at once:
 * the snapshot's unique (accountId, day) key turns a second write into an update of the same day.
 */
export async function recordDailyHealth(db: Database, now = new Date()): Promise<number> {
  return db.transaction(async (em) =>
    (await hasSnapshotsFor(em, todayUtc(now))) ? 0 : writeHealthSnapshots(em, db.dialect, now),
  );
}

/**
 * Starts the daily snapshots: once now if today's are missing, then a few minutes after each
 * midnight UTC. The timer does not keep the process alive; `stop` ends it and waits for a run in
 * progress, so that the database is closed after it, not under it.
 */
export function startHealthSnapshots(db: Database, logger: Logger): { stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      const written = await recordDailyHealth(db);
      if (written) logger.info({ accounts: written }, 'recorded the daily account health snapshot');
    } catch (error) {
      logger.error({ err: error }, 'could not record the daily account health snapshot; trying again at the next run');
    }
  };
  const schedule = () => {
    if (stopped) return;
    const now = Date.now();
    const next = (Math.floor(now / DAY_MS) + 1) * DAY_MS + AFTER_MIDNIGHT_MS;
    timer = setTimeout(() => {
      running = run().then(schedule);
    }, next - now);
    timer.unref();
  };
  running = run().then(schedule);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
