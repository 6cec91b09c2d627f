import { ACCOUNT_WRITERS, definePolicy } from '../../common/policy';

const IN_SCOPE = 'accounts they may change';

/** Who may do what with opportunities (see common/policy.ts). */
export const OpportunityPolicy = definePolicy({
  feature: 'Opportunities',
  mutations: {
    createOpportunity: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    updateOpportunity: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    moveOpportunityStage: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    winOpportunity: { roles: ACCOUNT_WRITERS, rows: `${IN_SCOPE}; creates a DRAFT contract there` },
    loseOpportunity: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
  },
});
