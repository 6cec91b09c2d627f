import { asBoolean, asDateTime, asGlobalId, type ExportDataset } from '../../common/export-dataset';
import { UserFilter } from './user.inputs';
import { UserService } from './user.service';

/** Staff as a flat table for BI tools (`GET /export/users.csv`): owners and assignees by name. */
export const userExports: readonly ExportDataset[] = [
  {
    name: 'users',
    description: 'Every member of staff, one row each (the `users` list, with its filter).',
    filterType: UserFilter,
    alias: 'user',
    query: (ctx, filter) => UserService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'user.id', format: asGlobalId('User') },
      { name: 'name', sql: 'user.name' },
      { name: 'email', sql: 'user.email' },
      { name: 'title', sql: 'user.title' },
      { name: 'role', sql: 'user.role' },
      {
        name: 'active',
        sql: 'user.active',
        format: asBoolean,
      },
      { name: 'managerId', sql: 'user.managerId', format: asGlobalId('User') },
      { name: 'updatedAt', sql: 'user.updatedAt', format: asDateTime },
    ],
  },
];
