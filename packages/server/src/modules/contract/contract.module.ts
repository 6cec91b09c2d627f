import { contractExports } from './contract.exports';
import type { FeatureModule } from '../../common/feature-module';
import { Contract } from './contract.entity';
import { contractLoaders } from './contract.loaders';
import { AccountContractsResolver, ContractResolver } from './contract.resolver';
import { ContractPolicy } from './contract.policy';

/** Contracts and their renewals. */
export const contractModule: FeatureModule = {
  name: 'contract',
  policy: ContractPolicy,
  entities: [Contract],
  resolvers: [ContractResolver, AccountContractsResolver],
  exports: contractExports,
  loaders: contractLoaders,
  nodes: [{ type: Contract, fetch: (ctx, id) => ctx.loaders.contractById.load(id) }],
};
