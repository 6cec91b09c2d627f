import type { EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import { OrderDirection } from '../../common/pagination';
import { AccountTeamMember } from './team-member.entity';

export function createTeamLoaders(em: EntityManager, scope: AccessScope) {
  return {
    teamMemberById: rowsById(em, AccountTeamMember, scope.restrictByAccountId.bind(scope)),
    accountTeam: new ChildListLoader(em, {
      entity: AccountTeamMember,
      foreignKey: 'accountId',
      order: { key: 'joined', property: 'createdAt', direction: OrderDirection.ASC, kind: 'date' },
    }),
  };
}
