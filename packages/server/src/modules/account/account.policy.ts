import { ACCOUNT_WRITERS, definePolicy } from '../../common/policy';
import { Role } from '../../common/roles';

/** Who may do what with accounts (see common/policy.ts). */
export const AccountPolicy = definePolicy({
  feature: 'Accounts',
  mutations: {
    createAccount: {
      roles: [Role.ACCOUNT_MANAGER, Role.SENIOR_ACCOUNT_MANAGER, Role.EXECUTIVE, Role.ADMIN],
      rows: 'an account manager or senior who names no owner owns the new account',
    },
    updateAccount: { roles: ACCOUNT_WRITERS, rows: 'accounts they may change' },
    assignAccountOwner: {
      roles: [Role.SENIOR_ACCOUNT_MANAGER, Role.EXECUTIVE, Role.ADMIN],
      rows: 'accounts they may change (seniors: their portfolio)',
    },
  },
  rules: {
    owners: {
      roles: [Role.ACCOUNT_MANAGER, Role.SENIOR_ACCOUNT_MANAGER],
      meaning: 'may own accounts and contracts (when active)',
    },
  },
});
