import { ACCOUNT_WRITERS, definePolicy } from '../../common/policy';
import { ApprovalSubjectType } from '../approval/approval.entity';
import { approversOf } from '../approval/approval.policy';

const IN_SCOPE = 'accounts they may change';
const DECIDES = 'accounts they may read, within their approval limit, never their own work';

/** Who may do what with change orders (see common/policy.ts). */
export const ChangeOrderPolicy = definePolicy({
  feature: 'Change orders',
  mutations: {
    createChangeOrder: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    updateChangeOrder: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    submitChangeOrder: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    approveChangeOrder: { roles: approversOf(ApprovalSubjectType.CHANGE_ORDER), rows: DECIDES },
    rejectChangeOrder: { roles: approversOf(ApprovalSubjectType.CHANGE_ORDER), rows: DECIDES },
    withdrawChangeOrder: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
  },
});
