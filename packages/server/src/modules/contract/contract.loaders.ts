import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { ApprovalDecision, ApprovalSubjectType } from '../approval/approval.entity';
import { Contract } from './contract.entity';

const byEndDate = { key: 'endDate', property: 'endDate', direction: OrderDirection.DESC, kind: 'string' } as const;
export const contractLoaders = {
  contractById: (em, scope) => rowsById(em, Contract, scope.restrictByAccountId.bind(scope)),
  accountContracts: (em) => new ChildListLoader(em, { entity: Contract, foreignKey: 'accountId', order: byEndDate }),
  contractRenewals: (em) => new ChildListLoader(em, { entity: Contract, foreignKey: 'renewalOfId', order: byEndDate }),
  contractApprovals: (em) =>
    new ChildListLoader(em, {
      entity: ApprovalDecision,
      foreignKey: 'subjectId',
      order: { key: 'decided', property: 'id', direction: OrderDirection.DESC, kind: 'number' },
      filter: (qb, alias) =>
        qb.andWhere(`${alias}.subjectType = :contractType`, { contractType: ApprovalSubjectType.CONTRACT }),
    }),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof contractLoaders> {}
}
