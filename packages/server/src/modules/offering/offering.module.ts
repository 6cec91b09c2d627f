import type { FeatureModule } from '../../common/feature-module';
import { AccountOffering, Offering } from './offering.entity';
import { offeringLoaders } from './offering.loaders';
import { OfferingPolicy } from './offering.policy';
import { AccountOfferingResolver, AccountOfferingsResolver, OfferingResolver } from './offering.resolver';

/** The catalogue of offerings, which ones each account has, and the whitespace between. */
export const offeringModule: FeatureModule = {
  name: 'offering',
  policy: OfferingPolicy,
  entities: [Offering, AccountOffering],
  resolvers: [OfferingResolver, AccountOfferingResolver, AccountOfferingsResolver],
  loaders: offeringLoaders,
  nodes: [
    { type: Offering, fetch: (ctx, id) => ctx.loaders.offeringById.load(id) },
    { type: AccountOffering, fetch: (ctx, id) => ctx.loaders.accountOfferingById.load(id) },
  ],
};
