import { userExports } from './user.exports';
import type { FeatureModule } from '../../common/feature-module';
import { User } from './user.entity';
import { userLoaders } from './user.loaders';
import { UserResolver } from './user.resolver';

/** Staff: who signs in, their role and manager. */
export const userModule: FeatureModule = {
  name: 'user',
  entities: [User],
  resolvers: [UserResolver],
  exports: userExports,
  loaders: userLoaders,
  nodes: [{ type: User, fetch: (ctx, id) => ctx.loaders.userById.load(id) }],
};
