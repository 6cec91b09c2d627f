import type { FeatureModule } from '../../common/feature-module';
import { Contact } from './contact.entity';
import { contactLoaders } from './contact.loaders';
import { ContactResolver } from './contact.resolver';
import { ContactPolicy } from './contact.policy';

/** People at client accounts. */
export const contactModule: FeatureModule = {
  name: 'contact',
  policy: ContactPolicy,
  entities: [Contact],
  resolvers: [ContactResolver],
  loaders: contactLoaders,
  nodes: [{ type: Contact, fetch: (ctx, id) => ctx.loaders.contactById.load(id) }],
};
