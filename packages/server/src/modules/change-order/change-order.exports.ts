import { asCents, asDateTime, asGlobalId, type ExportDataset } from '../../common/export-dataset';
import { ChangeOrderFilter } from './change-order.inputs';
import { ChangeOrderService } from './change-order.service';

/** Change orders as a flat table for BI tools (`GET /export/change-orders.csv`). */
export const changeOrderExports: readonly ExportDataset[] = [
  {
    name: 'change-orders',
    description: 'Every change order you may read, one row each (the `changeOrders` list, with its filter).',
    filterType: ChangeOrderFilter,
    alias: 'co',
    query: (ctx, filter) => ChangeOrderService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'co.id', format: asGlobalId('ChangeOrder') },
      { name: 'number', sql: 'co.number' },
      { name: 'title', sql: 'co.title' },
      { name: 'status', sql: 'co.status' },
      { name: 'accountId', sql: 'co.accountId', format: asGlobalId('Account') },
      { name: 'contractId', sql: 'co.contractId', format: asGlobalId('Contract') },
      { name: 'projectId', sql: 'co.projectId', format: asGlobalId('Project') },
      { name: 'currency', sql: 'co.currency' },
      { name: 'amountDeltaCents', sql: 'co.amountDeltaCents', format: asCents },
      { name: 'scheduleImpactDays', sql: 'co.scheduleImpactDays', format: (v) => (v === null ? null : Number(v)) },
      { name: 'decidedAt', sql: 'co.decidedAt', format: asDateTime },
      { name: 'updatedAt', sql: 'co.updatedAt', format: asDateTime },
    ],
  },
];
