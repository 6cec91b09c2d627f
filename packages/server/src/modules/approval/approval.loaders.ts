import { rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { ApprovalDecision, ApprovalRequest } from './approval.entity';

export const approvalLoaders = {
  approvalRequestById: (em, scope) => rowsById(em, ApprovalRequest, scope.restrictByAccountId.bind(scope)),
  approvalDecisionById: (em) => rowsById(em, ApprovalDecision),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof approvalLoaders> {}
}
