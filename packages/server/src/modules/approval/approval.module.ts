import type { Context } from '../../common/context';
import type { FeatureModule } from '../../common/feature-module';
import { ApprovalDecision, ApprovalRequest } from './approval.entity';
import { approvalLoaders } from './approval.loaders';
import { ApprovalDecisionResolver, ApprovalRequestResolver } from './approval.resolver';
import { ApprovalPolicy } from './approval.policy';

/** The one approval engine: requests, decisions and limits for every approvable kind. */
export const approvalModule: FeatureModule = {
  name: 'approval',
  policy: ApprovalPolicy,
  entities: [ApprovalRequest, ApprovalDecision],
  resolvers: [ApprovalRequestResolver, ApprovalDecisionResolver],
  loaders: approvalLoaders,
  nodes: [
    { type: ApprovalRequest, fetch: (ctx, id) => ctx.loaders.approvalRequestById.load(id) },
    { type: ApprovalDecision, fetch: readableDecision },
  ],
};

/** A decision is visible when the item it decided is. */
async function readableDecision(ctx: Context, rowId: number): Promise<ApprovalDecision | null> {
  const decision = await ctx.loaders.approvalDecisionById.load(rowId);
  if (!decision) return null;
  const request = await ctx.loaders.approvalRequestById.load(decision.requestId);
  return request ? decision : null;
}
