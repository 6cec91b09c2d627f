import { accountExports } from './account.exports';
import type { FeatureModule } from '../../common/feature-module';
import { Account } from './account.entity';
import { accountLoaders } from './account.loaders';
import { AccountResolver } from './account.resolver';
import { AccountPolicy } from './account.policy';

/** Client accounts and their health-plan families. */
export const accountModule: FeatureModule = {
  name: 'account',
  policy: AccountPolicy,
  entities: [Account],
  resolvers: [AccountResolver],
  exports: accountExports,
  loaders: accountLoaders,
  nodes: [{ type: Account, fetch: (ctx, id) => ctx.loaders.accountById.load(id) }],
};
