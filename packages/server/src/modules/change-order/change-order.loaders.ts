import type { EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import { OrderDirection } from '../../common/pagination';
import { ApprovalDecision, ApprovalSubjectType } from '../approval/approval.entity';
import { ChangeOrder } from './change-order.entity';

export function createChangeOrderLoaders(em: EntityManager, scope: AccessScope) {
  return {
    /** A change order by row id, or null when it does not exist or its account is out of scope. */
    changeOrderById: rowsById(em, ChangeOrder, scope.restrictByAccountId.bind(scope)),
    /** A contract's change orders, newest first; the contract is already in scope, and so are they (same account). */
    contractChangeOrders: new ChildListLoader(em, {
      entity: ChangeOrder,
      foreignKey: 'contractId',
      order: { key: 'raised', property: 'id', direction: OrderDirection.DESC, kind: 'number' },
    }),
    changeOrderApprovals: new ChildListLoader(em, {
      entity: ApprovalDecision,
      foreignKey: 'subjectId',
      order: { key: 'decided', property: 'id', direction: OrderDirection.DESC, kind: 'number' },
      filter: (qb, alias) => qb.andWhere(`${alias}.subjectType = :changeOrderType`, { changeOrderType: ApprovalSubjectType.CHANGE_ORDER }),
    }),
  };
}
