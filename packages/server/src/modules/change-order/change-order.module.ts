import { changeOrderExports } from './change-order.exports';
import type { FeatureModule } from '../../common/feature-module';
import { ChangeOrder } from './change-order.entity';
import { changeOrderLoaders } from './change-order.loaders';
import { ChangeOrderResolver, ContractChangeOrdersResolver } from './change-order.resolver';
import { ChangeOrderPolicy } from './change-order.policy';

/** Change orders: priced changes to a contract's scope, approved before they apply. */
export const changeOrderModule: FeatureModule = {
  name: 'change-order',
  policy: ChangeOrderPolicy,
  entities: [ChangeOrder],
  resolvers: [ChangeOrderResolver, ContractChangeOrdersResolver],
  exports: changeOrderExports,
  loaders: changeOrderLoaders,
  nodes: [{ type: ChangeOrder, fetch: (ctx, id) => ctx.loaders.changeOrderById.load(id) }],
};
