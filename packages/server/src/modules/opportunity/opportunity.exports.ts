import { asCents, asDateTime, asGlobalId, asLocalDate, type ExportDataset } from '../../common/export-dataset';
import { BadInputError } from '../../common/errors';
import { encodeGlobalId } from '../../common/global-id';
import { OpportunityFilter, OpportunityPipelineArgs, PipelineGroupBy } from './opportunity.inputs';
import { OpportunityService } from './opportunity.service';

/** Opportunities as a flat table for BI tools (`GET /export/opportunities.csv`). */
export const opportunityExports: readonly ExportDataset[] = [
  {
    name: 'opportunities',
    description: 'Every opportunity you may read, one row each (the `opportunities` list, with its filter).',
    filterType: OpportunityFilter,
    alias: 'opportunity',
    query: (ctx, filter) => OpportunityService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'opportunity.id', format: asGlobalId('Opportunity') },
      { name: 'title', sql: 'opportunity.title' },
      { name: 'stage', sql: 'opportunity.status' },
      { name: 'accountId', sql: 'opportunity.accountId', format: asGlobalId('Account') },
      { name: 'offeringId', sql: 'opportunity.offeringId', format: asGlobalId('Offering') },
      { name: 'ownerId', sql: 'opportunity.ownerId', format: asGlobalId('User') },
      { name: 'currency', sql: 'opportunity.currency' },
      { name: 'amountCents', sql: 'opportunity.amountCents', format: asCents },
      { name: 'probability', sql: 'opportunity.probability' },
      { name: 'expectedCloseDate', sql: 'opportunity.expectedCloseDate', format: asLocalDate },
      { name: 'closedAt', sql: 'opportunity.closedAt', format: asDateTime },
      { name: 'contractId', sql: 'opportunity.contractId', format: asGlobalId('Contract') },
      { name: 'updatedAt', sql: 'opportunity.updatedAt', format: asDateTime },
    ],
  },
  {
    name: 'opportunity-pipeline',
    description:
      'analytics.opportunityPipeline as a table, over the open opportunities: ?groupBy=OWNER|QUARTER|OWNER_AND_QUARTER (OWNER when omitted).',
    columns: [
      { name: 'ownerId' },
      { name: 'quarter' },
      { name: 'currency' },
      { name: 'count' },
      { name: 'amountCents' },
      { name: 'weightedAmountCents' },
    ],
    rows: async (ctx, params) => {
      const groupBy = params.get('groupBy') ?? PipelineGroupBy.OWNER;
      if (!(Object.values(PipelineGroupBy) as string[]).includes(groupBy))
        throw BadInputError.field('groupBy', `must be one of ${Object.values(PipelineGroupBy).join(', ')}`);
      const args = Object.assign(new OpportunityPipelineArgs(), { groupBy, filter: null });
      const rows = await OpportunityService.pipeline(ctx, args);
      return rows.map((row) => ({
        ownerId: row.ownerId === null ? null : encodeGlobalId('User', row.ownerId),
        quarter: row.quarter,
        currency: row.currency,
        count: row.count,
        amountCents: row.amount.amountCents,
        weightedAmountCents: row.weightedAmount.amountCents,
      }));
    },
  },
];
