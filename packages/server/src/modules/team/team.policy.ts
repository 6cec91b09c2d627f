import { ACCOUNT_WRITERS, definePolicy } from '../../common/policy';

/** Who may change account teams (see common/policy.ts). */
export const TeamPolicy = definePolicy({
  feature: 'Account teams',
  mutations: {
    addAccountTeamMember: { roles: ACCOUNT_WRITERS, rows: 'accounts they may change' },
    removeAccountTeamMember: { roles: ACCOUNT_WRITERS, rows: 'accounts they may change' },
  },
});
