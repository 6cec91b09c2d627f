import type { EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import { OrderDirection } from '../../common/pagination';
import { ApprovalDecision, ApprovalSubjectType } from '../approval/approval.entity';
import { Contract } from './contract.entity';

export function createContractLoaders(em: EntityManager, scope: AccessScope) {
  const byEndDate = { key: 'endDate', property: 'endDate', direction: OrderDirection.DESC, kind: 'string' } as const;
  return {
    contractById: rowsById(em, Contract, scope.restrictByAccountId.bind(scope)),
    accountContracts: new ChildListLoader(em, { entity: Contract, foreignKey: 'accountId', order: byEndDate }),
    contractRenewals: new ChildListLoader(em, { entity: Contract, foreignKey: 'renewalOfId', order: byEndDate }),
    contractApprovals: new ChildListLoader(em, {
      entity: ApprovalDecision,
      foreignKey: 'subjectId',
      order: { key: 'decided', property: 'id', direction: OrderDirection.DESC, kind: 'number' },
      filter: (qb, alias) => qb.andWhere(`${alias}.subjectType = :contractType`, { contractType: ApprovalSubjectType.CONTRACT }),
    }),
  };
}
