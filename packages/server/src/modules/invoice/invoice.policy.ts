import { ACCOUNT_WRITERS, definePolicy } from '../../common/policy';
import { ApprovalSubjectType } from '../approval/approval.entity';
import { approversOf } from '../approval/approval.policy';
import { Role } from '../../common/roles';

const IN_SCOPE = "accounts they may change; finance: every account's invoices";
const DECIDES = 'accounts they may read, within their approval limit, never their own work';

/** Who may do what with invoices and payments (see common/policy.ts). */
export const InvoicePolicy = definePolicy({
  feature: 'Invoices',
  mutations: {
    createInvoice: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    updateInvoice: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    submitInvoice: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    approveInvoice: { roles: approversOf(ApprovalSubjectType.INVOICE), rows: DECIDES },
    rejectInvoice: { roles: approversOf(ApprovalSubjectType.INVOICE), rows: DECIDES },
    sendInvoice: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    recordPayment: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    voidInvoice: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
  },
  rules: {
    invoicesEveryAccount: {
      roles: [Role.FINANCE],
      meaning: 'raise, change and collect the invoices of every account, not only those they may change',
    },
  },
});
