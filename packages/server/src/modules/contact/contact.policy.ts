import { ACCOUNT_WRITERS, definePolicy } from '../../common/policy';

/** Who may change client contacts (see common/policy.ts). */
export const ContactPolicy = definePolicy({
  feature: 'Contacts',
  mutations: {
    createContact: { roles: ACCOUNT_WRITERS, rows: 'accounts they may change' },
    updateContact: { roles: ACCOUNT_WRITERS, rows: 'accounts they may change' },
    deleteContact: { roles: ACCOUNT_WRITERS, rows: 'accounts they may change' },
  },
});
