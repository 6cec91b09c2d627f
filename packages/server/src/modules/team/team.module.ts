import type { FeatureModule } from '../../common/feature-module';
import { AccountTeamMember } from './team-member.entity';
import { teamLoaders } from './team.loaders';
import { TeamResolver } from './team.resolver';
import { TeamPolicy } from './team.policy';

/** Account teams: which staff work on an account, in which part. */
export const teamModule: FeatureModule = {
  name: 'team',
  policy: TeamPolicy,
  entities: [AccountTeamMember],
  resolvers: [TeamResolver],
  loaders: teamLoaders,
  nodes: [{ type: AccountTeamMember, fetch: (ctx, id) => ctx.loaders.teamMemberById.load(id) }],
};
