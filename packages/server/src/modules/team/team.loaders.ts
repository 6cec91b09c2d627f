import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { AccountTeamMember } from './team-member.entity';

export const teamLoaders = {
  teamMemberById: (em, scope) => rowsById(em, AccountTeamMember, scope.restrictByAccountId.bind(scope)),
  accountTeam: (em) =>
    new ChildListLoader(em, {
      entity: AccountTeamMember,
      foreignKey: 'accountId',
      order: { key: 'joined', property: 'createdAt', direction: OrderDirection.ASC, kind: 'date' },
    }),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof teamLoaders> {}
}
