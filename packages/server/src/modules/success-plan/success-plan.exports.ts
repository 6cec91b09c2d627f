import { asDateTime, asGlobalId, asLocalDate, type ExportDataset } from '../../common/export-dataset';
import { ClientGoalFilter } from './success-plan.inputs';
import { SuccessPlanService } from './success-plan.service';

/** Client goals as a flat table for BI tools (`GET /export/client-goals.csv`). */
export const successPlanExports: readonly ExportDataset[] = [
  {
    name: 'client-goals',
    description: 'Every client goal you may read, one row each (the `clientGoals` list, with its filter).',
    filterType: ClientGoalFilter,
    alias: 'goal',
    query: (ctx, filter) => SuccessPlanService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'goal.id', format: asGlobalId('ClientGoal') },
      { name: 'accountId', sql: 'goal.accountId', format: asGlobalId('Account') },
      { name: 'year', sql: 'goal.year' },
      { name: 'title', sql: 'goal.title' },
      { name: 'category', sql: 'goal.category' },
      { name: 'measure', sql: 'goal.measure' },
      { name: 'baseline', sql: 'goal.baseline' },
      { name: 'target', sql: 'goal.target' },
      { name: 'currentValue', sql: 'goal.currentValue' },
      { name: 'targetDate', sql: 'goal.targetDate', format: asLocalDate },
      { name: 'status', sql: 'goal.status' },
      { name: 'priority', sql: 'goal.priority' },
      { name: 'ownerId', sql: 'goal.ownerId', format: asGlobalId('User') },
      { name: 'clientOwnerId', sql: 'goal.clientOwnerId', format: asGlobalId('Contact') },
      { name: 'lastReviewedAt', sql: 'goal.lastReviewedAt', format: asDateTime },
      { name: 'updatedAt', sql: 'goal.updatedAt', format: asDateTime },
    ],
  },
];
