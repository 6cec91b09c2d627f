import type { FeatureModule } from '../../common/feature-module';
import { hasRole } from '../../common/policy';
import { ApiKey } from './api-key.entity';
import { ApiKeyPolicy } from './api-key.policy';
import { ApiKeyResolver } from './api-key.resolver';

/** API keys: credentials of their own for tools (BI dashboards), read-only, issued by admins. */
export const apiKeyModule: FeatureModule = {
  name: 'api-key',
  policy: ApiKeyPolicy,
  entities: [ApiKey],
  resolvers: [ApiKeyResolver],
  nodes: [
    {
      type: ApiKey,
      fetch: async (ctx, id) =>
        hasRole(ApiKeyPolicy.queries.apiKeys.roles, ctx.viewer.role) ? ctx.em.findOneBy(ApiKey, { id }) : null,
    },
  ],
};
