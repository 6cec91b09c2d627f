import { ACCOUNT_WRITERS, definePolicy, hasRole } from '../../common/policy';
import { Role } from '../../common/roles';
import type { Viewer } from '../../common/viewer';

const LOGS =
  'accounts they may change (a project member: the accounts whose team they are on, where they can read it back); ' +
  'the IT Director: any account (escalation calls and technical reviews)';
const CHANGES =
  "whoever logged it, if they may still log on its account; those who may change the communication's account";
const FOLLOW_UPS =
  'the accounts they may log on (as logCommunication); the owner must be able to log on the account too';
const SETTLES = "the follow-up's owner; those who may change its account";

/** Who may record and change communications and their follow-ups (see common/policy.ts). */
export const CommunicationPolicy = definePolicy({
  feature: 'Communications',
  mutations: {
    logCommunication: { roles: ACCOUNT_WRITERS, rows: LOGS },
    updateCommunication: { roles: ACCOUNT_WRITERS, rows: CHANGES },
    deleteCommunication: { roles: ACCOUNT_WRITERS, rows: CHANGES },
    addFollowUp: { roles: ACCOUNT_WRITERS, rows: FOLLOW_UPS },
    updateFollowUp: { roles: ACCOUNT_WRITERS, rows: FOLLOW_UPS },
    completeFollowUp: { roles: ACCOUNT_WRITERS, rows: SETTLES },
    reopenFollowUp: { roles: ACCOUNT_WRITERS, rows: SETTLES },
  },
  rules: {
    logsOnEveryAccount: {
      roles: [Role.IT_DIRECTOR],
      meaning:
        'log communications and follow-ups on any account they read (the IT Director speaks with every client on escalations), ' +
        'and may own follow-ups anywhere',
    },
  },
});

/** True for those who log communications on every account they read, not only the ones they may change. */
export function logsOnEveryAccount(user: Pick<Viewer, 'role'>): boolean {
  return hasRole(CommunicationPolicy.rules.logsOnEveryAccount, user.role);
}
