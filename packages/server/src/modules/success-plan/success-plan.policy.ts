import { ACCOUNT_WRITERS, definePolicy, rolesExcept } from '../../common/policy';
import { Role } from '../../common/roles';

const IN_SCOPE = 'goals of accounts they may change';

/** Who may do what with success plans (see common/policy.ts); project members read the goals their projects serve. */
export const SuccessPlanPolicy = definePolicy({
  feature: 'Success plans (client goals)',
  mutations: {
    createClientGoal: { roles: ACCOUNT_WRITERS, rows: 'accounts they may change' },
    updateClientGoal: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    reviewClientGoal: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    linkClientGoal: { roles: ACCOUNT_WRITERS, rows: `${IN_SCOPE}, with projects of the same account` },
    unlinkClientGoal: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    deleteClientGoal: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
  },
  rules: {
    goalOwners: { roles: rolesExcept(Role.BI_READER), meaning: 'may own a client goal on our side (when active)' },
  },
});
