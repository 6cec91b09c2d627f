import { definePolicy } from '../../common/policy';
import { Role } from '../../common/roles';

/** Who may do what with the account health score (see common/policy.ts). */
export const AccountHealthPolicy = definePolicy({
  feature: 'Account health',
  mutations: {
    setHealthScoreWeights: { roles: [Role.ADMIN], rows: 'the one set of weights every score uses' },
  },
});
