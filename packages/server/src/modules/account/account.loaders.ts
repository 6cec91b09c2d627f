import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { Account } from './account.entity';

export const accountLoaders = {
  /** An account by row id, or null when it does not exist or is out of the viewer's scope. */
  accountById: (em, scope) => rowsById(em, Account, scope.restrictAccounts.bind(scope)),
  accountChildren: (em, scope) =>
    new ChildListLoader(em, {
      entity: Account,
      foreignKey: 'parentId',
      order: { key: 'name', property: 'name', direction: OrderDirection.ASC, kind: 'string' },
      filter: scope.restrictAccounts.bind(scope),
    }),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof accountLoaders> {}
}
