import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { ApprovalDecision, ApprovalSubjectType } from '../approval/approval.entity';
import { ChangeOrder } from './change-order.entity';

export const changeOrderLoaders = {
  /** A change order by row id, or null when it does not exist or its account is out of scope. */
  changeOrderById: (em, scope) => rowsById(em, ChangeOrder, scope.restrictByAccountId.bind(scope)),
  /** A contract's change orders, newest first; the contract is already in scope, and so are they (same account). */
  contractChangeOrders: (em) =>
    new ChildListLoader(em, {
      entity: ChangeOrder,
      foreignKey: 'contractId',
      order: { key: 'raised', property: 'id', direction: OrderDirection.DESC, kind: 'number' },
    }),
  changeOrderApprovals: (em) =>
    new ChildListLoader(em, {
      entity: ApprovalDecision,
      foreignKey: 'subjectId',
      order: { key: 'decided', property: 'id', direction: OrderDirection.DESC, kind: 'number' },
      filter: (qb, alias) =>
        qb.andWhere(`${alias}.subjectType = :changeOrderType`, { changeOrderType: ApprovalSubjectType.CHANGE_ORDER }),
    }),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof changeOrderLoaders> {}
}
