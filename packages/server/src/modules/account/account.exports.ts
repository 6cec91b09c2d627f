import { asDateTime, asGlobalId, type ExportDataset } from '../../common/export-dataset';
import { AccountFilter } from './account.inputs';
import { AccountService } from './account.service';

/** Accounts as a flat table for BI tools (`GET /export/accounts.csv`). */
export const accountExports: readonly ExportDataset[] = [
  {
    name: 'accounts',
    description: 'Every account you may read, one row each (the `accounts` list, with its filter).',
    filterType: AccountFilter,
    alias: 'account',
    query: (ctx, filter) => AccountService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'account.id', format: asGlobalId('Account') },
      { name: 'name', sql: 'account.name' },
      { name: 'kind', sql: 'account.kind' },
      { name: 'tier', sql: 'account.tier' },
      { name: 'status', sql: 'account.status' },
      { name: 'membersReached', sql: 'account.membersReached', format: (v) => (v === null ? null : Number(v)) },
      { name: 'region', sql: 'account.region' },
      { name: 'parentId', sql: 'account.parentId', format: asGlobalId('Account') },
      { name: 'ownerId', sql: 'account.ownerId', format: asGlobalId('User') },
      { name: 'createdAt', sql: 'account.createdAt', format: asDateTime },
      { name: 'updatedAt', sql: 'account.updatedAt', format: asDateTime },
    ],
  },
];
