import { ACCOUNT_WRITERS, definePolicy } from '../../common/policy';
import { ApprovalSubjectType } from '../approval/approval.entity';
import { approversOf } from '../approval/approval.policy';
import { Role } from '../../common/roles';

const IN_SCOPE = 'accounts they may change';
const DECIDES = 'accounts they may read, within their approval limit, never their own work';

/** Who may do what with contracts (see common/policy.ts). */
export const ContractPolicy = definePolicy({
  feature: 'Contracts',
  mutations: {
    createContract: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    updateContract: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    submitContract: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    approveContract: { roles: approversOf(ApprovalSubjectType.CONTRACT), rows: DECIDES },
    rejectContract: { roles: approversOf(ApprovalSubjectType.CONTRACT), rows: DECIDES },
    terminateContract: { roles: [Role.SENIOR_ACCOUNT_MANAGER, Role.EXECUTIVE, Role.ADMIN], rows: IN_SCOPE },
    renewContract: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
  },
});
