import { rowsById } from '../../common/child-lists';
import type { LoaderFactories } from '../../common/loaders';
import { ApprovalDecision, ApprovalRequest } from './approval.entity';

export const approvalLoaders = {
  approvalRequestById: (em, scope) => rowsById(em, ApprovalRequest, scope.restrictByAccountId.bind(scope)),
  approvalDecisionById: (em) => rowsById(em, ApprovalDecision),
} satisfies LoaderFactories;
