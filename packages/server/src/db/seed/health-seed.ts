import type { EntityManager } from 'typeorm';
import { addDays, todayUtc } from '../../common/dates';
import { AccountHealthSnapshot } from '../../modules/account-health/account-health.entity';
import { readHealthFacts } from '../../modules/account-health/account-health.service';
import { DEFAULT_HEALTH_WEIGHTS, HEALTH_COMPONENTS, overallScore } from '../../modules/account-health/health.rules';
import type { HealthComponent } from '../../modules/account-health/health.rules';
import { BulkInserter } from './bulk-insert';

/** A year of daily health snapshots. */
const HISTORY_DAYS = 365;

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/**
 * A year of daily health history for every demo account, ending today with the score its records
 * give now. Walking back a day at a time, each component drifts from the day after towards the
 * account's usual level, with now and then a bad week (a RED project, a breached issue), so a
 * dashboard shows accounts that recovered, slid or held steady. Returns the rows written.
 */
export async function seedHealthHistory(em: EntityManager, random: () => number, now = new Date()): Promise<number> {
  const dialect = em.connection.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  const ids = (
    await em
      .createQueryBuilder()
      .select('a.id', 'id')
      .from('account', 'a')
      .orderBy('a.id')
      .getRawMany<{ id: number | string }>()
  ).map((row) => Number(row.id));
  const facts = await readHealthFacts(em, dialect, ids, now, false);
  const today = todayUtc(now);
  const out = new BulkInserter(em).register(AccountHealthSnapshot);
  let id = 0;
  for (const accountId of ids) {
    const current = facts.get(accountId)?.scores;
    if (!current) continue;
    const usual = Object.fromEntries(HEALTH_COMPONENTS.map((c) => [c, 55 + random() * 45])) as Record<
      HealthComponent,
      number
    >;
    const level = { ...current } as Record<HealthComponent, number>;
    let trouble: { component: HealthComponent; days: number } | null = null;
    for (let back = 0; back < HISTORY_DAYS; back++) {
      if (back > 0) {
        for (const c of HEALTH_COMPONENTS)
          level[c] = clamp(level[c] + (usual[c] - level[c]) * 0.05 + (random() - 0.5) * 6);
        if (!trouble && random() < 0.01)
          trouble = {
            component: HEALTH_COMPONENTS[Math.floor(random() * HEALTH_COMPONENTS.length)],
            days: 5 + Math.floor(random() * 25),
          };
        if (trouble) {
          level[trouble.component] = clamp(level[trouble.component] - 8 - random() * 10);
          if (--trouble.days === 0) trouble = null;
        }
      }
      const scores = Object.fromEntries(HEALTH_COMPONENTS.map((c) => [c, clamp(level[c])])) as Record<
        HealthComponent,
        number
      >;
      await out.add(AccountHealthSnapshot, {
        id: ++id,
        accountId,
        day: addDays(today, -back),
        score: overallScore(scores, DEFAULT_HEALTH_WEIGHTS),
        delivery: scores.DELIVERY,
        issues: scores.ISSUES,
        finance: scores.FINANCE,
        renewal: scores.RENEWAL,
        engagement: scores.ENGAGEMENT,
        recordedAt: new Date(Date.parse(`${addDays(today, -back)}T02:00:00.000Z`)),
      });
    }
  }
  await out.flush();
  return id;
}
