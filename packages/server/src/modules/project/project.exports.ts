import { asCents, asDateTime, asGlobalId, asLocalDate, type ExportDataset } from '../../common/export-dataset';
import { ProjectCostFilter, ProjectFilter, StatusUpdateFilter } from './project.inputs';
import { ProjectFeedService } from './project-feeds.service';
import { ProjectService } from './project.service';

/** Projects as a flat table for BI tools (`GET /export/projects.csv`). */
export const projectExports: readonly ExportDataset[] = [
  {
    name: 'projects',
    description:
      'Every project you may read, one row each (the `projects` list, with its filter); revenue and margin are in project-margins.',
    filterType: ProjectFilter,
    alias: 'project',
    query: (ctx, filter) => ProjectService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'project.id', format: asGlobalId('Project') },
      { name: 'name', sql: 'project.name' },
      { name: 'status', sql: 'project.status' },
      { name: 'health', sql: 'project.health' },
      { name: 'accountId', sql: 'project.accountId', format: asGlobalId('Account') },
      { name: 'contractId', sql: 'project.contractId', format: asGlobalId('Contract') },
      { name: 'startDate', sql: 'project.startDate', format: asLocalDate },
      { name: 'targetEndDate', sql: 'project.targetEndDate', format: asLocalDate },
      { name: 'currency', sql: 'project.currency' },
      { name: 'budgetCents', sql: 'project.budgetCents', format: asCents },
      { name: 'actualCostCents', sql: 'project.actualCostCents', format: asCents },
      { name: 'updatedAt', sql: 'project.updatedAt', format: asDateTime },
    ],
  },
  {
    name: 'cost-entries',
    description: 'Every cost entry of a project you may read, one row each (the `costEntries` list, with its filter).',
    filterType: ProjectCostFilter,
    alias: 'cost',
    query: (ctx, filter) => ProjectFeedService.costsQuery(ctx, filter),
    columns: [
      { name: 'id', sql: 'cost.id', format: asGlobalId('ProjectCost') },
      { name: 'projectId', sql: 'cost.projectId', format: asGlobalId('Project') },
      { name: 'date', sql: 'cost.date', format: asLocalDate },
      { name: 'category', sql: 'cost.category' },
      { name: 'currency', sql: 'cost.currency' },
      { name: 'amountCents', sql: 'cost.amountCents', format: asCents },
      { name: 'note', sql: 'cost.note' },
      { name: 'recordedById', sql: 'cost.recordedById', format: asGlobalId('User') },
      { name: 'updatedAt', sql: 'cost.updatedAt', format: asDateTime },
    ],
  },
  {
    name: 'status-updates',
    description:
      'Every status update of a project you may read, one row each (the `statusUpdates` list, with its filter).',
    filterType: StatusUpdateFilter,
    alias: 'status_update',
    query: (ctx, filter) => ProjectFeedService.statusUpdatesQuery(ctx, filter),
    columns: [
      { name: 'id', sql: 'status_update.id', format: asGlobalId('StatusUpdate') },
      { name: 'projectId', sql: 'status_update.projectId', format: asGlobalId('Project') },
      { name: 'postedAt', sql: 'status_update.postedAt', format: asDateTime },
      { name: 'overall', sql: 'status_update.overall' },
      { name: 'schedule', sql: 'status_update.schedule' },
      { name: 'budget', sql: 'status_update.budget' },
      { name: 'scope', sql: 'status_update.scope' },
      { name: 'quality', sql: 'status_update.quality' },
      { name: 'summary', sql: 'status_update.summary' },
      { name: 'authorId', sql: 'status_update.authorId', format: asGlobalId('User') },
      { name: 'correctsId', sql: 'status_update.correctsId', format: asGlobalId('StatusUpdate') },
    ],
  },
];
