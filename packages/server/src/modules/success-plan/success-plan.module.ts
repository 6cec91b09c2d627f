import type { FeatureModule } from '../../common/feature-module';
import {
  ClientGoal,
  ClientGoalOffering,
  ClientGoalOpportunity,
  ClientGoalProject,
  ClientGoalReview,
} from './success-plan.entity';
import { successPlanExports } from './success-plan.exports';
import { successPlanLoaders } from './success-plan.loaders';
import { SuccessPlanPolicy } from './success-plan.policy';
import {
  AccountSuccessPlanResolver,
  ClientGoalResolver,
  ClientGoalReviewResolver,
  ProjectClientGoalsResolver,
  SuccessPlanResolver,
} from './success-plan.resolver';

/** Success plans: each client's goals per year, the projects that serve them, and their reviews. */
export const successPlanModule: FeatureModule = {
  name: 'success-plan',
  policy: SuccessPlanPolicy,
  entities: [ClientGoal, ClientGoalProject, ClientGoalOffering, ClientGoalOpportunity, ClientGoalReview],
  resolvers: [
    ClientGoalResolver,
    ClientGoalReviewResolver,
    SuccessPlanResolver,
    AccountSuccessPlanResolver,
    ProjectClientGoalsResolver,
  ],
  exports: successPlanExports,
  loaders: successPlanLoaders,
  nodes: [
    { type: ClientGoal, fetch: (ctx, id) => ctx.loaders.clientGoalById.load(id) },
    { type: ClientGoalReview, fetch: (ctx, id) => ctx.loaders.clientGoalReviewById.load(id) },
  ],
};
