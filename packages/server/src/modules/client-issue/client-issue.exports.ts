import { asDateTime, asGlobalId, type ExportDataset } from '../../common/export-dataset';
import { ClientIssueFilter } from './client-issue.inputs';
import { ClientIssueService } from './client-issue.service';

/** Client issues as a flat table for BI tools (`GET /export/client-issues.csv`). */
export const clientIssueExports: readonly ExportDataset[] = [
  {
    name: 'client-issues',
    description: 'Every client issue you may read, one row each (the `clientIssues` list, with its filter).',
    filterType: ClientIssueFilter,
    alias: 'issue',
    query: (ctx, filter) => ClientIssueService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'issue.id', format: asGlobalId('ClientIssue') },
      { name: 'title', sql: 'issue.title' },
      { name: 'severity', sql: 'issue.severity' },
      { name: 'category', sql: 'issue.category' },
      { name: 'status', sql: 'issue.status' },
      { name: 'accountId', sql: 'issue.accountId', format: asGlobalId('Account') },
      { name: 'projectId', sql: 'issue.projectId', format: asGlobalId('Project') },
      { name: 'assigneeId', sql: 'issue.assigneeId', format: asGlobalId('User') },
      { name: 'reportedAt', sql: 'issue.reportedAt', format: asDateTime },
      { name: 'responseDueAt', sql: 'issue.responseDueAt', format: asDateTime },
      { name: 'resolutionDueAt', sql: 'issue.resolutionDueAt', format: asDateTime },
      { name: 'firstResponseAt', sql: 'issue.firstResponseAt', format: asDateTime },
      { name: 'resolvedAt', sql: 'issue.resolvedAt', format: asDateTime },
      { name: 'escalatedAt', sql: 'issue.escalatedAt', format: asDateTime },
      { name: 'updatedAt', sql: 'issue.updatedAt', format: asDateTime },
    ],
  },
];
