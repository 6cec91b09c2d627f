import type { EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import { OrderDirection } from '../../common/pagination';
import { Contact } from './contact.entity';

export function createContactLoaders(em: EntityManager, scope: AccessScope) {
  const inScope = scope.restrictByAccountId.bind(scope);
  return {
    contactById: rowsById(em, Contact, inScope),
    accountContacts: new ChildListLoader(em, {
      entity: Contact,
      foreignKey: 'accountId',
      order: { key: 'name', property: 'name', direction: OrderDirection.ASC, kind: 'string' },
    }),
  };
}
