import type { FeatureModule } from '../../common/feature-module';
import { StaffGoal } from './staff-goal.entity';
import { staffGoalExports } from './staff-goal.exports';
import { staffGoalLoaders } from './staff-goal.loaders';
import { StaffGoalPolicy } from './staff-goal.policy';
import { StaffGoalResolver, UserGoalsResolver } from './staff-goal.resolver';

/** Staff goals: targets per person, metric and period, with progress counted from the records. */
export const staffGoalModule: FeatureModule = {
  name: 'staff-goal',
  policy: StaffGoalPolicy,
  entities: [StaffGoal],
  resolvers: [StaffGoalResolver, UserGoalsResolver],
  loaders: staffGoalLoaders,
  exports: staffGoalExports,
  nodes: [{ type: StaffGoal, fetch: (ctx, id) => ctx.loaders.staffGoalById.load(id) }],
};
