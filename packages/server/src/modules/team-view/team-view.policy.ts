import { definePolicy } from '../../common/policy';
import { Role } from '../../common/roles';

const LEADS = [Role.ADMIN, Role.EXECUTIVE, Role.SENIOR_ACCOUNT_MANAGER];

/** Who may see a senior's team and move accounts between its members (see common/policy.ts). */
export const TeamViewPolicy = definePolicy({
  feature: 'Team view and reassignment',
  mutations: {
    reassignAccounts: {
      roles: LEADS,
      rows: 'seniors: accounts owned by them or their direct reports, to one of them; executives and admins: any account, to any active account manager or senior',
    },
  },
  queries: {
    teamView: { roles: LEADS, rows: "seniors: their own team; executives and admins: anyone's" },
  },
  rules: {
    leadsEveryTeam: {
      roles: [Role.ADMIN, Role.EXECUTIVE],
      meaning: "see any senior's team view and reassign any account to any active account manager or senior",
    },
  },
});
