import type { EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import { OrderDirection } from '../../common/pagination';
import { Account } from './account.entity';

export function createAccountLoaders(em: EntityManager, scope: AccessScope) {
  const inScope = scope.restrictAccounts.bind(scope);
  return {
    /** An account by row id, or null when it does not exist or is out of the viewer's scope. */
    accountById: rowsById(em, Account, inScope),
    accountChildren: new ChildListLoader(em, {
      entity: Account,
      foreignKey: 'parentId',
      order: { key: 'name', property: 'name', direction: OrderDirection.ASC, kind: 'string' },
      filter: inScope,
    }),
  };
}
