import { clientIssueExports } from './client-issue.exports';
import type { FeatureModule } from '../../common/feature-module';
import { ClientIssue, ClientIssueEvent } from './client-issue.entity';
import { clientIssueLoaders } from './client-issue.loaders';
import { AccountClientIssuesResolver, ClientIssueEventResolver, ClientIssueResolver } from './client-issue.resolver';
import { ClientIssuePolicy } from './client-issue.policy';

/** Client issues, their SLA clocks and escalations. */
export const clientIssueModule: FeatureModule = {
  name: 'client-issue',
  policy: ClientIssuePolicy,
  entities: [ClientIssue, ClientIssueEvent],
  resolvers: [ClientIssueResolver, ClientIssueEventResolver, AccountClientIssuesResolver],
  exports: clientIssueExports,
  loaders: clientIssueLoaders,
  nodes: [
    { type: ClientIssue, fetch: (ctx, id) => ctx.loaders.clientIssueById.load(id) },
    { type: ClientIssueEvent, fetch: (ctx, id) => ctx.loaders.clientIssueEventById.load(id) },
  ],
};
