import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { Contact } from './contact.entity';

export const contactLoaders = {
  contactById: (em, scope) => rowsById(em, Contact, scope.restrictByAccountId.bind(scope)),
  accountContacts: (em) =>
    new ChildListLoader(em, {
      entity: Contact,
      foreignKey: 'accountId',
      order: { key: 'name', property: 'name', direction: OrderDirection.ASC, kind: 'string' },
    }),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof contactLoaders> {}
}
