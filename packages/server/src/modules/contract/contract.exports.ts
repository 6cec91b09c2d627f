import {
  asBoolean,
  asCents,
  asDateTime,
  asGlobalId,
  asLocalDate,
  type ExportDataset,
} from '../../common/export-dataset';
import { ContractFilter } from './contract.inputs';
import { ContractService } from './contract.service';

/** Contracts as a flat table for BI tools (`GET /export/contracts.csv`). */
export const contractExports: readonly ExportDataset[] = [
  {
    name: 'contracts',
    description: 'Every contract you may read, one row each (the `contracts` list, with its filter).',
    filterType: ContractFilter,
    alias: 'contract',
    query: (ctx, filter) => ContractService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'contract.id', format: asGlobalId('Contract') },
      { name: 'number', sql: 'contract.number' },
      { name: 'title', sql: 'contract.title' },
      { name: 'type', sql: 'contract.type' },
      { name: 'status', sql: 'contract.status' },
      { name: 'accountId', sql: 'contract.accountId', format: asGlobalId('Account') },
      { name: 'startDate', sql: 'contract.startDate', format: asLocalDate },
      { name: 'endDate', sql: 'contract.endDate', format: asLocalDate },
      { name: 'noticeDeadline', sql: 'contract.noticeDeadline', format: asLocalDate },
      {
        name: 'autoRenew',
        sql: 'contract.autoRenew',
        format: asBoolean,
      },
      { name: 'currency', sql: 'contract.currency' },
      { name: 'valueCents', sql: 'contract.valueCents', format: asCents },
      { name: 'signedAt', sql: 'contract.signedAt', format: asDateTime },
      { name: 'updatedAt', sql: 'contract.updatedAt', format: asDateTime },
    ],
  },
];
