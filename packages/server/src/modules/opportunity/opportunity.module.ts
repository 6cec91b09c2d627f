import type { FeatureModule } from '../../common/feature-module';
import { Opportunity } from './opportunity.entity';
import { opportunityExports } from './opportunity.exports';
import { opportunityLoaders } from './opportunity.loaders';
import { OpportunityPolicy } from './opportunity.policy';
import {
  AccountOpportunitiesResolver,
  AnalyticsPipelineResolver,
  OpportunityPipelineResolver,
  OpportunityResolver,
} from './opportunity.resolver';

/** Opportunities for new work, from a spotted need to a DRAFT contract, and the weighted pipeline. */
export const opportunityModule: FeatureModule = {
  name: 'opportunity',
  policy: OpportunityPolicy,
  entities: [Opportunity],
  resolvers: [
    OpportunityResolver,
    AccountOpportunitiesResolver,
    OpportunityPipelineResolver,
    AnalyticsPipelineResolver,
  ],
  exports: opportunityExports,
  loaders: opportunityLoaders,
  nodes: [{ type: Opportunity, fetch: (ctx, id) => ctx.loaders.opportunityById.load(id) }],
};
