import { asCents, asDateTime, asGlobalId, asLocalDate, type ExportDataset } from '../../common/export-dataset';
import { ProjectFilter } from './project.inputs';
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
];
