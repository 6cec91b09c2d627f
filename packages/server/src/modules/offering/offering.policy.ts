import { ACCOUNT_WRITERS, definePolicy } from '../../common/policy';
import { Role } from '../../common/roles';

const IN_SCOPE = 'accounts they may change';

/** Who may do what with the catalogue and the accounts' offerings (see common/policy.ts). */
export const OfferingPolicy = definePolicy({
  feature: 'Offerings',
  mutations: {
    createOffering: { roles: [Role.EXECUTIVE, Role.ADMIN], rows: 'the whole catalogue' },
    updateOffering: { roles: [Role.EXECUTIVE, Role.ADMIN], rows: 'the whole catalogue' },
    addAccountOffering: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    updateAccountOffering: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
  },
});
