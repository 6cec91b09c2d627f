import { definePolicy } from '../../common/policy';
import { Role } from '../../common/roles';

/** Who may issue, list and revoke API keys (see common/policy.ts). */
export const ApiKeyPolicy = definePolicy({
  feature: 'API keys',
  mutations: {
    createApiKey: { roles: [Role.ADMIN], rows: 'the key signs in as a new BI_READER service account' },
    revokeApiKey: { roles: [Role.ADMIN], rows: 'any key' },
  },
  queries: {
    apiKeys: { roles: [Role.ADMIN], rows: 'every key (never its secret)' },
  },
});
