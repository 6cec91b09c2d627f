import { asCents, asDateTime, asGlobalId, asLocalDate, type ExportDataset } from '../../common/export-dataset';
import { StaffGoalFilter } from './staff-goal.inputs';
import { StaffGoalService } from './staff-goal.service';
import { actualSql, GoalMetric } from './staff-goal.rules';

/** Each goal's actual, by its metric: the same subqueries the API's `progress` reads. */
function actualColumn(now: Date): { sql: string; params: Record<string, unknown> } {
  const metrics = Object.values(GoalMetric).map((metric) => ({ metric, actual: actualSql(metric, 'goal', now) }));
  return {
    sql: `CASE goal.metric ${metrics.map(({ metric, actual }) => `WHEN '${metric}' THEN ${actual.sql}`).join(' ')} END`,
    params: Object.assign({}, ...metrics.map(({ actual }) => actual.params)) as Record<string, unknown>,
  };
}

/** Staff goals as a flat table for BI tools (`GET /export/staff-goals.csv`), with what each has reached. */
export const staffGoalExports: readonly ExportDataset[] = [
  {
    name: 'staff-goals',
    description:
      'Every staff goal you may read, one row each (the `staffGoals` list, with its filter), with its actual so far: ' +
      'minor units of `currency` for a money metric, a count otherwise.',
    filterType: StaffGoalFilter,
    alias: 'goal',
    query: (ctx, filter) => StaffGoalService.query(ctx, filter).setParameters(actualColumn(new Date()).params),
    columns: [
      { name: 'id', sql: 'goal.id', format: asGlobalId('StaffGoal') },
      { name: 'userId', sql: 'goal.userId', format: asGlobalId('User') },
      { name: 'metric', sql: 'goal.metric' },
      { name: 'periodKind', sql: 'goal.periodKind' },
      { name: 'periodStart', sql: 'goal.periodStart', format: asLocalDate },
      { name: 'periodEnd', sql: 'goal.periodEnd', format: asLocalDate },
      { name: 'currency', sql: 'goal.currency' },
      { name: 'target', sql: 'goal.target', format: asCents },
      { name: 'actual', sql: actualColumn(new Date()).sql, format: asCents },
      { name: 'setById', sql: 'goal.setById', format: asGlobalId('User') },
      { name: 'updatedAt', sql: 'goal.updatedAt', format: asDateTime },
    ],
  },
];
