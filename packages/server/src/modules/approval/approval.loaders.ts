import type { EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { rowsById } from '../../common/child-lists';
import { ApprovalDecision, ApprovalRequest } from './approval.entity';

export function createApprovalLoaders(em: EntityManager, scope: AccessScope) {
  return {
    approvalRequestById: rowsById(em, ApprovalRequest, scope.restrictByAccountId.bind(scope)),
    approvalDecisionById: rowsById(em, ApprovalDecision),
  };
}
