import type { FeatureModule } from '../../common/feature-module';
import { AccountHealthSnapshot, HealthScoreWeight } from './account-health.entity';
import { accountHealthExports } from './account-health.exports';
import { accountHealthLoaders } from './account-health.loaders';
import { AccountHealthPolicy } from './account-health.policy';
import { AccountHealthFieldsResolver, AccountHealthResolver } from './account-health.resolver';

/** The explainable account health score, its admin-set weights and its daily history. */
export const accountHealthModule: FeatureModule = {
  name: 'account-health',
  policy: AccountHealthPolicy,
  entities: [HealthScoreWeight, AccountHealthSnapshot],
  resolvers: [AccountHealthResolver, AccountHealthFieldsResolver],
  loaders: accountHealthLoaders,
  exports: accountHealthExports,
};
