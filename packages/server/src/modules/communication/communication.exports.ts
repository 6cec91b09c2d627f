import { asDateTime, asGlobalId, type ExportDataset } from '../../common/export-dataset';
import { CommunicationFilter } from './communication.inputs';
import { CommunicationService } from './communication.service';

/** Communications as a flat table for BI tools (`GET /export/communications.csv`): engagement over time. */
export const communicationExports: readonly ExportDataset[] = [
  {
    name: 'communications',
    description: 'Every communication you may read, one row each (the `communications` list, with its filter).',
    filterType: CommunicationFilter,
    alias: 'comm',
    query: (ctx, filter) => CommunicationService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'comm.id', format: asGlobalId('Communication') },
      { name: 'accountId', sql: 'comm.accountId', format: asGlobalId('Account') },
      { name: 'type', sql: 'comm.type' },
      { name: 'direction', sql: 'comm.direction' },
      { name: 'occurredAt', sql: 'comm.occurredAt', format: asDateTime },
      { name: 'subject', sql: 'comm.subject' },
      { name: 'loggedById', sql: 'comm.loggedById', format: asGlobalId('User') },
      { name: 'updatedAt', sql: 'comm.updatedAt', format: asDateTime },
    ],
  },
];
