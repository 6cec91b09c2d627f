import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, createUnionType } from 'type-graphql';
import type { Context } from '../../common/context';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import { ChangeOrder } from '../change-order/change-order.entity';
import { Contract } from '../contract/contract.entity';
import { Invoice } from '../invoice/invoice.entity';
import { User } from '../user/user.entity';
import { ApprovalDecisionConnection } from '../contract/contract.resolver';
import { ApprovalDecisionService } from './approval-decision.service';
import { approvalQueue } from './approval-queue.service';
import { ApprovalDecisionFilter, ApprovalDecisionOrder } from './approval.inputs';
import { ApprovalDecision, ApprovalRequest, ApprovalSubjectType } from './approval.entity';

/** What an approval is about: one of the items the approval engine handles. */
export const ApprovalSubjectUnion = createUnionType({
  name: 'ApprovalSubject',
  description: 'The item an approval request is about.',
  types: () => [Contract, ChangeOrder, Invoice] as const,
});

export const ApprovalRequestConnection = connectionType(ApprovalRequest);

@Resolver(() => ApprovalRequest)
export class ApprovalRequestResolver {
  @Query(() => ApprovalRequestConnection, {
    description: 'Your approval queue: pending items you could approve or reject now, oldest first.',
  })
  approvalQueue(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs): Promise<Connection<ApprovalRequest>> {
    return approvalQueue(ctx, page);
  }

  @FieldResolver(() => ApprovalSubjectUnion, { nullable: true, description: 'The item awaiting a decision.' })
  subject(@Root() request: ApprovalRequest, @Ctx() ctx: Context): Promise<typeof ApprovalSubjectUnion | null> | null {
    switch (request.subjectType) {
      case ApprovalSubjectType.CONTRACT:
        return ctx.loaders.contractById.load(request.subjectId);
      case ApprovalSubjectType.CHANGE_ORDER:
        return ctx.loaders.changeOrderById.load(request.subjectId);
      case ApprovalSubjectType.INVOICE:
        return ctx.loaders.invoiceById.load(request.subjectId);
      default:
        return null;
    }
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The client account of the item.' })
  account(@Root() request: ApprovalRequest, @Ctx() ctx: Context): Promise<Account | null> {
    return ctx.loaders.accountById.load(request.accountId);
  }

  @FieldResolver(() => User, { description: 'Who submitted it.' })
  async requestedBy(@Root() request: ApprovalRequest, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(request.requestedById)) as User;
  }
}

@Resolver(() => ApprovalDecision)
export class ApprovalDecisionResolver {
  @Query(() => ApprovalDecisionConnection, {
    description:
      'Approval decisions on items of the accounts you may see, filtered and sorted (oldest first when no order is given).',
  })
  approvalDecisions(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ApprovalDecisionFilter, { nullable: true, description: 'Conditions the decisions must meet.' })
    filter?: ApprovalDecisionFilter,
    @Arg('orderBy', () => ApprovalDecisionOrder, { nullable: true, description: 'Sort order.' })
    orderBy?: ApprovalDecisionOrder,
  ): Promise<Connection<ApprovalDecision>> {
    return ApprovalDecisionService.list(ctx, page, filter, orderBy);
  }

  @FieldResolver(() => User, { description: 'Who decided.' })
  async actor(@Root() decision: ApprovalDecision, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(decision.actorId)) as User;
  }
}
