import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { Opportunity } from './opportunity.entity';

export const opportunityLoaders = {
  opportunityById: (em, scope) => rowsById(em, Opportunity, scope.restrictByAccountId.bind(scope)),
  // Children of an account the viewer already reached through a scoped path, so not scoped again.
  accountOpportunities: (em) =>
    new ChildListLoader(em, {
      entity: Opportunity,
      foreignKey: 'accountId',
      order: { key: 'expectedClose', property: 'expectedCloseDate', direction: OrderDirection.ASC, kind: 'string' },
    }),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof opportunityLoaders> {}
}
