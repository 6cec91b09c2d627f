import { ACCOUNT_WRITERS, definePolicy, hasRole } from '../../common/policy';
import { Role } from '../../common/roles';
import type { Viewer } from '../../common/viewer';

const IN_SCOPE = 'accounts they may change; the IT Director: CRITICAL or escalated issues on any account';
const SETTLES = 'the assignee, the account owner and their senior; the IT Director once escalated';

/** Who may do what with client issues (see common/policy.ts). */
export const ClientIssuePolicy = definePolicy({
  feature: 'Client issues',
  mutations: {
    reportClientIssue: { roles: ACCOUNT_WRITERS, rows: 'accounts they may change; the IT Director: any account' },
    updateClientIssue: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    respondToClientIssue: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    assignClientIssue: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    commentOnClientIssue: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    reopenClientIssue: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    escalateClientIssue: { roles: ACCOUNT_WRITERS, rows: 'accounts they may change; the IT Director: any issue' },
    resolveClientIssue: { roles: ACCOUNT_WRITERS, rows: SETTLES },
    closeClientIssue: { roles: ACCOUNT_WRITERS, rows: SETTLES },
    escalateBreachedClientIssues: {
      roles: [Role.ADMIN, Role.EXECUTIVE, Role.IT_DIRECTOR],
      rows: 'the breached issues they may read',
    },
  },
  rules: {
    escalationDesk: {
      roles: [Role.IT_DIRECTOR],
      meaning:
        'receive escalations (the first active one); report and escalate issues on any account, work ' +
        'CRITICAL or escalated ones, settle escalated ones, and may be assigned any issue',
    },
    settlesEveryIssue: {
      roles: [Role.ADMIN, Role.EXECUTIVE],
      meaning: 'resolve and close any issue they may change, whoever it is assigned to',
    },
  },
});

/** True for the escalation desk (the IT Director), who works escalations on every account. */
export function isEscalationDesk(user: Pick<Viewer, 'role'>): boolean {
  return hasRole(ClientIssuePolicy.rules.escalationDesk, user.role);
}
