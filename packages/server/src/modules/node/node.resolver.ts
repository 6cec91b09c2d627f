import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { AUDIT_READER_ROLES } from '../../common/auth';
import { Node } from '../../common/base.entity';
import { tryDecodeGlobalId } from '../../common/global-id';
import { ApprovalDecision } from '../approval/approval.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Notification } from '../notification/notification.entity';

/** Fetches any object by its global id, through the same scoped loaders as every other path. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist or you may not see it.',
  })
  async node(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string,
  ): Promise<Node | null> {
    const decoded = tryDecodeGlobalId(id);
    if (!decoded) return null;
    const { loaders } = ctx;
    switch (decoded.typeName) {
      case 'User':
        return loaders.userById.load(decoded.rowId);
      case 'Account':
        return loaders.accountById.load(decoded.rowId);
      case 'Contact':
        return loaders.contactById.load(decoded.rowId);
      case 'AccountTeamMember':
        return loaders.teamMemberById.load(decoded.rowId);
      case 'Contract':
        return loaders.contractById.load(decoded.rowId);
      case 'ChangeOrder':
        return loaders.changeOrderById.load(decoded.rowId);
      case 'Invoice':
        return loaders.invoiceById.load(decoded.rowId);
      case 'InvoiceLine':
        return loaders.invoiceLineById.load(decoded.rowId);
      case 'Payment':
        return loaders.paymentById.load(decoded.rowId);
      case 'ApprovalRequest':
        return loaders.approvalRequestById.load(decoded.rowId);
      case 'ApprovalDecision':
        return readableDecision(ctx, decoded.rowId);
      case 'Notification':
        return ctx.em.findOneBy(Notification, { id: decoded.rowId, recipientId: ctx.viewer.id });
      case 'Project':
        return loaders.projectById.load(decoded.rowId);
      case 'ProjectMember':
        return loaders.projectMemberById.load(decoded.rowId);
      case 'ProjectCost':
        return loaders.projectCostById.load(decoded.rowId);
      case 'StatusUpdate':
        return loaders.statusUpdateById.load(decoded.rowId);
      case 'Milestone':
        return loaders.milestoneById.load(decoded.rowId);
      case 'ClientIssue':
        return loaders.clientIssueById.load(decoded.rowId);
      case 'ClientIssueEvent':
        return loaders.clientIssueEventById.load(decoded.rowId);
      case 'AuditEvent':
        return AUDIT_READER_ROLES.has(ctx.viewer.role) ? ctx.em.findOneBy(AuditEvent, { id: decoded.rowId }) : null;
      default:
        return null;
    }
  }
}

/** A decision is visible when the item it decided is. */
async function readableDecision(ctx: Context, rowId: number): Promise<ApprovalDecision | null> {
  const decision = await ctx.loaders.approvalDecisionById.load(rowId);
  if (!decision) return null;
  const request = await ctx.loaders.approvalRequestById.load(decision.requestId);
  return request ? decision : null;
}
