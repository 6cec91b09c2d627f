import DataLoader from 'dataloader';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { stampNew } from '../../common/base.entity';
import { inTransaction, type Context } from '../../common/context';
import { todayUtc } from '../../common/dates';
import { isUniqueViolation } from '../../common/driver-errors';
import { ConflictError, ErrorReason, NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { DEFAULT_CURRENCY, Money, type MoneyInput } from '../../common/money';
import { hasRole } from '../../common/policy';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import type { Viewer } from '../../common/viewer';
import { compareAndSwap } from '../../common/versioned';
import { diffFields, recordAudit, recordDeletion, snapshot } from '../audit/audit.service';
import { User } from '../user/user.entity';
import { StaffGoal } from './staff-goal.entity';
import { StaffGoalErrors } from './staff-goal.errors';
import {
  StaffGoalOrderField,
  type DeleteStaffGoalInput,
  type GoalPeriodInput,
  type SetStaffGoalInput,
  type StaffGoalFilter,
  type StaffGoalOrder,
  type UpdateStaffGoalInput,
} from './staff-goal.inputs';
import { StaffGoalPolicy } from './staff-goal.policy';
import {
  actualSql,
  expectedPercentByNow,
  GoalPeriodKind,
  isMoneyMetric,
  percentOfTarget,
  periodBounds,
  periodOf,
  type GoalMetric,
} from './staff-goal.rules';
import type { DeleteStaffGoalPayload, StaffGoalProgress } from './staff-goal.types';

const AUDITED_FIELDS = ['userId', 'metric', 'periodKind', 'periodStart', 'periodEnd', 'target', 'currency'] as const;

const SORTS: Record<StaffGoalOrderField, Omit<SortOrder, 'direction'>> = {
  [StaffGoalOrderField.PERIOD_START]: { key: 'periodStart', property: 'periodStart', kind: 'string' },
  [StaffGoalOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

/** True when the viewer reads and sets the goals of anyone (executives, admins). */
function setsAnyonesGoals(viewer: Viewer): boolean {
  return hasRole(StaffGoalPolicy.rules.setsAnyonesGoals, viewer.role);
}

/**
 * Narrows goals (alias `alias`) to those the viewer may read: their own and their direct reports'
 * (read through the user row as it is now, so a new manager sees at once); executives and admins all.
 */
export function restrictGoals<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  scope: AccessScope,
): void {
  if (setsAnyonesGoals(scope.viewer)) return;
  const user = qb.connection.driver.escape('user');
  qb.andWhere(
    `(${alias}.userId = :goalReader OR ${alias}.userId IN (SELECT goal_u.id FROM ${user} goal_u WHERE goal_u.managerId = :goalReader))`,
    { goalReader: scope.viewer.id },
  );
}

/** Goals whose period contains `day`. */
export function whereContaining<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, day: string): void {
  qb.andWhere(`${alias}.periodStart <= :containingDay AND ${alias}.periodEnd >= :containingDay`, {
    containingDay: day,
  });
}

/** Staff goals: set by the person's senior or an executive, progress counted from the records. */
export const StaffGoalService = {
  /** The goals the viewer may read that meet `filter`: the list's rows and its export's. */
  query(ctx: Context, filter: StaffGoalFilter | null | undefined): SelectQueryBuilder<StaffGoal> {
    const qb = ctx.em.createQueryBuilder(StaffGoal, 'goal');
    restrictGoals(qb, 'goal', ctx.scope);
    if (filter?.userId)
      qb.andWhere('goal.userId = :userId', { userId: decodeGlobalId(filter.userId, 'User', 'filter.userId') });
    if (filter?.periodContaining) whereContaining(qb, 'goal', filter.periodContaining);
    if (filter?.metric) qb.andWhere('goal.metric = :metric', { metric: filter.metric });
    if (filter?.periodKind) qb.andWhere('goal.periodKind = :periodKind', { periodKind: filter.periodKind });
    whereUpdatedSince(qb, 'goal', filter?.updatedSince);
    return qb;
  },

  async list(
    ctx: Context,
    args: PageArgs,
    filter: StaffGoalFilter | null | undefined,
    orderBy: StaffGoalOrder | null | undefined,
  ): Promise<Connection<StaffGoal>> {
    const order: SortOrder = {
      ...SORTS[orderBy?.field ?? StaffGoalOrderField.PERIOD_START],
      direction: orderBy?.direction ?? OrderDirection.DESC,
    };
    return paginate(this.query(ctx, filter), 'goal', order, args);
  },

  async set(ctx: Context, input: SetStaffGoalInput): Promise<StaffGoal> {
    const { start, end } = checkedPeriod(input.period);
    const target = checkedTarget(input.metric, input.targetAmount, input.targetCount);
    return inTransaction(ctx, async (tx) => {
      const user = await requireGoalHolder(tx, input.userId, 'input.userId');
      if (!user.active) throw StaffGoalErrors.inactiveUser(user.name);
      const goal = stampNew(new StaffGoal());
      Object.assign(goal, {
        userId: user.id,
        metric: input.metric,
        periodKind: input.period.kind,
        periodStart: start,
        periodEnd: end,
        target: target.target,
        currency: target.currency,
        setById: tx.viewer.id,
      });
      const label = periodOf(goal.periodKind, start, end).label;
      const existing = await tx.em.findOneBy(StaffGoal, {
        userId: user.id,
        metric: input.metric,
        periodStart: start,
        periodEnd: end,
        currency: target.currency,
      });
      if (existing) throw StaffGoalErrors.exists(user.name, input.metric, label);
      try {
        await tx.em.insert(StaffGoal, goal);
      } catch (error) {
        // Two seniors setting the same goal at once: the index keeps one, the other is told so.
        if (isUniqueViolation(error)) throw StaffGoalErrors.exists(user.name, input.metric, label);
        throw error;
      }
      await recordAudit(
        tx,
        'setStaffGoal',
        goal,
        diffFields(undefined, snapshot(goal, [...AUDITED_FIELDS]), AUDITED_FIELDS),
      );
      return goal;
    });
  },

  async update(ctx: Context, input: UpdateStaffGoalInput): Promise<StaffGoal> {
    if (input.targetAmount == null && input.targetCount == null) throw StaffGoalErrors.noChange();
    return inTransaction(ctx, async (tx) => {
      const goal = await requireReadableGoal(tx, input.id, 'input.id');
      await requireGoalHolder(tx, goal.userId, 'input.id');
      const target = checkedTarget(goal.metric, input.targetAmount, input.targetCount);
      const before = snapshot(goal, [...AUDITED_FIELDS]);
      goal.target = target.target;
      goal.currency = target.currency;
      const changes = diffFields(before, snapshot(goal, [...AUDITED_FIELDS]), AUDITED_FIELDS);
      try {
        await compareAndSwap(tx, goal, input.expectedVersion, Object.keys(changes));
      } catch (error) {
        if (isUniqueViolation(error)) {
          const user = (await tx.loaders.userById.load(goal.userId)) as User;
          throw StaffGoalErrors.exists(user.name, goal.metric, goal.period.label);
        }
        throw error;
      }
      await recordAudit(tx, 'updateStaffGoal', goal, changes);
      return goal;
    });
  },

  async delete(ctx: Context, input: DeleteStaffGoalInput): Promise<DeleteStaffGoalPayload> {
    return inTransaction(ctx, async (tx) => {
      const goal = await requireReadableGoal(tx, input.id, 'input.id');
      const user = await requireGoalHolder(tx, goal.userId, 'input.id');
      const globalId = goal.globalId;
      const result = await tx.em
        .createQueryBuilder()
        .delete()
        .from(StaffGoal)
        .where('id = :id AND version = :version', { id: goal.id, version: input.expectedVersion ?? goal.version })
        .execute();
      if (result.affected !== 1)
        throw new ConflictError(
          ErrorReason.STALE_VERSION,
          `Staff goal "${globalId}" was changed by someone else since you read it. Reload it and decide again.`,
        );
      await recordDeletion(
        tx,
        'deleteStaffGoal',
        goal,
        diffFields(snapshot(goal, [...AUDITED_FIELDS]), undefined, AUDITED_FIELDS),
      );
      return { deletedGoalId: globalId, user };
    });
  },
};

/** A goal the viewer may read, by global id, or NOT_FOUND. */
async function requireReadableGoal(ctx: Context, globalId: string, path: string): Promise<StaffGoal> {
  const goal = await ctx.loaders.staffGoalById.load(decodeGlobalId(globalId, 'StaffGoal', path));
  if (!goal) throw new NotFoundError('StaffGoal', globalId);
  return goal;
}

/**
 * The member of staff whose goals the viewer means to set: refused for oneself, and for anyone but
 * a direct report unless the viewer is an executive or admin. The manager is read as it is now.
 */
async function requireGoalHolder(ctx: Context, user: string | number, path: string): Promise<User> {
  const id = typeof user === 'number' ? user : decodeGlobalId(user, 'User', path);
  // Read as committed now, not from the request's cache: the manager decides who may.
  const holder = await ctx.em.findOneBy(User, { id });
  if (!holder) throw new NotFoundError('User', typeof user === 'string' ? user : String(user));
  if (holder.id === ctx.viewer.id) throw StaffGoalErrors.ownGoal();
  if (!setsAnyonesGoals(ctx.viewer) && holder.managerId !== ctx.viewer.id)
    throw StaffGoalErrors.notTheirManager(holder.name);
  return holder;
}

function checkedPeriod(period: GoalPeriodInput): { start: string; end: string } {
  if (period.kind === GoalPeriodKind.QUARTER && period.quarter == null) throw StaffGoalErrors.quarterRequired();
  if (period.kind === GoalPeriodKind.YEAR && period.quarter != null) throw StaffGoalErrors.quarterNotAllowed();
  return periodBounds(period.kind, period.year, period.quarter ?? null);
}

/** The stored target of a metric: money metrics take an amount (with its currency), count metrics a count. */
function checkedTarget(
  metric: GoalMetric,
  amount: MoneyInput | null | undefined,
  count: number | null | undefined,
): { target: number; currency: string } {
  if (isMoneyMetric(metric)) {
    if (amount == null || count != null) throw StaffGoalErrors.moneyTargetRequired(metric);
    return { target: amount.amountCents, currency: amount.currency ?? DEFAULT_CURRENCY };
  }
  if (count == null || amount != null) throw StaffGoalErrors.countTargetRequired(metric);
  return { target: count, currency: '' };
}

/**
 * The progress of goals, batched per request: one statement per metric on the page, whatever the
 * number of goals (each metric's actual is a subquery on the goal row).
 */
export function goalProgressLoader(em: EntityManager): DataLoader<StaffGoal, StaffGoalProgress, number> {
  return new DataLoader<StaffGoal, StaffGoalProgress, number>(
    async (goals) => {
      const now = new Date();
      const today = todayUtc(now);
      const byMetric = new Map<GoalMetric, number[]>();
      for (const goal of goals) byMetric.set(goal.metric, [...(byMetric.get(goal.metric) ?? []), goal.id]);
      const actuals = new Map<number, number>();
      await Promise.all(
        [...byMetric].map(async ([metric, ids]) => {
          const actual = actualSql(metric, 'g', now);
          const rows = await em
            .createQueryBuilder()
            .select('g.id', 'goalId')
            .addSelect(actual.sql, 'actual')
            .from(StaffGoal, 'g')
            .where('g.id IN (:...ids)', { ids })
            .setParameters(actual.params)
            .getRawMany<{ goalId: number | string; actual: number | string | null }>();
          for (const row of rows) actuals.set(Number(row.goalId), Number(row.actual ?? 0));
        }),
      );
      return goals.map((goal) => progressOf(goal, actuals.get(goal.id) ?? 0, today));
    },
    { cacheKeyFn: (goal) => goal.id },
  );
}

/** A goal's progress from its actual (minor units or a count) as of `today`. */
export function progressOf(goal: StaffGoal, actual: number, today: string): StaffGoalProgress {
  const percent = percentOfTarget(actual, goal.target);
  const expected = expectedPercentByNow(goal.periodStart, goal.periodEnd, today);
  const money = isMoneyMetric(goal.metric);
  return {
    actualAmount: money ? Money.of(actual, goal.currency) : null,
    actualCount: money ? null : actual,
    percentOfTarget: percent,
    expectedPercentByNow: expected,
    onTrack: percent >= expected,
    asOf: today,
  };
}
