import type { EntityManager } from 'typeorm';
import { stampNew } from '../../common/base.entity';
import { todayUtc } from '../../common/dates';
import { DEFAULT_CURRENCY } from '../../common/money';
import { Role } from '../../common/roles';
import { GoalMetric, StaffGoal } from '../../modules/staff-goal/staff-goal.entity';
import { goalProgressLoader } from '../../modules/staff-goal/staff-goal.service';
import { periodsContaining } from '../../modules/staff-goal/staff-goal.rules';
import { User } from '../../modules/user/user.entity';

/** What every account manager and senior is held to: a money and a service goal, and the renewals they close. */
const SEEDED_METRICS = [
  GoalMetric.REVENUE_BOOKED,
  GoalMetric.INVOICES_COLLECTED,
  GoalMetric.RENEWALS_CLOSED,
  GoalMetric.ISSUES_RESOLVED_WITHIN_SLA,
  GoalMetric.OPPORTUNITIES_WON,
  GoalMetric.CLIENT_TOUCHES,
];

/**
 * Goals for every active account manager and senior for the current quarter and year, set by
 * their manager. Each target is drawn from what the records already show, so that progress lands
 * between 30% and 120% (a metric with nothing recorded yet gets no goal). Deterministic for a given
 * `random` and day. Returns the number of goals written.
 */
export async function seedStaffGoals(em: EntityManager, random: () => number, today = todayUtc()): Promise<number> {
  const staff = (await em.find(User, { order: { id: 'ASC' } })).filter(
    (user) =>
      user.active && user.managerId !== null && [Role.ACCOUNT_MANAGER, Role.SENIOR_ACCOUNT_MANAGER].includes(user.role),
  );
  const drafts: StaffGoal[] = [];
  const at = new Date(`${today}T08:00:00.000Z`);
  for (const user of staff)
    for (const period of periodsContaining(today))
      for (const metric of SEEDED_METRICS) {
        const money = metric === GoalMetric.REVENUE_BOOKED || metric === GoalMetric.INVOICES_COLLECTED;
        drafts.push(
          Object.assign(stampNew(new StaffGoal(), at), {
            userId: user.id,
            metric,
            periodKind: period.kind,
            periodStart: period.start,
            periodEnd: period.end,
            target: 1,
            currency: money ? DEFAULT_CURRENCY : '',
            setById: user.managerId,
          }),
        );
      }
  for (let i = 0; i < drafts.length; i += 200) await em.insert(StaffGoal, drafts.slice(i, i + 200));
  // The actuals as the API counts them, then a target that puts each between 30% and 120% of it.
  const progress = await goalProgressLoader(em).loadMany(drafts);
  const keep: StaffGoal[] = [];
  const drop: number[] = [];
  drafts.forEach((goal, index) => {
    const result = progress[index];
    const actual = result instanceof Error ? 0 : (result.actualAmount?.amountCents ?? result.actualCount ?? 0);
    const share = 0.3 + random() * 0.9;
    if (actual <= 0) drop.push(goal.id);
    else keep.push(Object.assign(goal, { target: roundTarget(Math.max(1, actual / share), goal.currency !== '') }));
  });
  if (drop.length) await em.delete(StaffGoal, drop);
  for (const goal of keep) await em.update(StaffGoal, { id: goal.id }, { target: goal.target });
  return keep.length;
}

/** Money targets in whole hundreds of dollars, counts in whole numbers (at least the actual's share allows). */
function roundTarget(value: number, money: boolean): number {
  return money ? Math.max(10_000, Math.round(value / 10_000) * 10_000) : Math.max(1, Math.round(value));
}
