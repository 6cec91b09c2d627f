import type { FeatureModule } from '../../common/feature-module';
import { teamViewLoaders } from './team-view.loaders';
import { TeamViewPolicy } from './team-view.policy';
import { TeamReportResolver, TeamViewResolver } from './team-view.resolver';

/** The senior's team view and the bulk reassignment of accounts between a team's members. */
export const teamViewModule: FeatureModule = {
  name: 'team-view',
  policy: TeamViewPolicy,
  resolvers: [TeamViewResolver, TeamReportResolver],
  loaders: teamViewLoaders,
};
