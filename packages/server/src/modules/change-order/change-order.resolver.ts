import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { tryDecodeGlobalId } from '../../common/global-id';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import { ApprovalDecision } from '../approval/approval.entity';
import { Contract } from '../contract/contract.entity';
import { Project } from '../project/project.entity';
import { ApprovalDecisionConnection } from '../contract/contract.resolver';
import { User } from '../user/user.entity';
import { ChangeOrder } from './change-order.entity';
import {
  ApproveChangeOrderInput,
  ChangeOrderFilter,
  ChangeOrderOrder,
  CreateChangeOrderInput,
  CreateChangeOrderPayload,
  RejectChangeOrderInput,
  SubmitChangeOrderInput,
  SubmitChangeOrderPayload,
  UpdateChangeOrderInput,
  UpdateChangeOrderPayload,
  WithdrawChangeOrderInput,
  WithdrawChangeOrderPayload,
} from './change-order.inputs';
import { ApproveChangeOrderPayload, RejectChangeOrderPayload } from './change-order.types';
import { ChangeOrderService } from './change-order.service';

export const ChangeOrderConnection = connectionType(ChangeOrder);

@Resolver(() => ChangeOrder)
export class ChangeOrderResolver {
  @Query(() => ChangeOrder, {
    nullable: true,
    description: 'One change order by id; null when it does not exist or its account is outside your portfolio.',
  })
  changeOrder(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The change order's global id." }) id: string,
  ): Promise<ChangeOrder | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'ChangeOrder' ? ctx.loaders.changeOrderById.load(decoded.rowId) : null;
  }

  @Query(() => ChangeOrderConnection, {
    description:
      'Change orders of the accounts you may see, filtered and sorted (newest first when no order is given).',
  })
  changeOrders(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ChangeOrderFilter, { nullable: true, description: 'Conditions the change orders must meet.' })
    filter?: ChangeOrderFilter,
    @Arg('orderBy', () => ChangeOrderOrder, { nullable: true, description: 'Sort order.' }) orderBy?: ChangeOrderOrder,
  ): Promise<Connection<ChangeOrder>> {
    return ChangeOrderService.list(ctx, page, filter, orderBy);
  }

  @Mutation(() => CreateChangeOrderPayload, {
    description: 'Raises a DRAFT change order on an ACTIVE contract of an account you may write.',
  })
  async createChangeOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateChangeOrderInput, { description: 'The new change order.' }) input: CreateChangeOrderInput,
  ) {
    return { changeOrder: await ChangeOrderService.create(ctx, input) };
  }

  @Mutation(() => UpdateChangeOrderPayload, {
    description: 'Changes a DRAFT change order, if nobody changed it since you read `expectedVersion`.',
  })
  async updateChangeOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateChangeOrderInput, { description: 'The changes.' }) input: UpdateChangeOrderInput,
  ) {
    return { changeOrder: await ChangeOrderService.update(ctx, input) };
  }

  @Mutation(() => SubmitChangeOrderPayload, {
    description: "Sends a DRAFT change order for approval; it joins the approvers' queue.",
  })
  async submitChangeOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => SubmitChangeOrderInput, { description: 'The change order.' }) input: SubmitChangeOrderInput,
  ) {
    return { changeOrder: await ChangeOrderService.submit(ctx, input) };
  }

  @Mutation(() => ApproveChangeOrderPayload, {
    description:
      'Approves a pending change order within your approval limit (on the size of the change) and adds ' +
      "its amount to the contract's value, in one transaction. Someone else must have raised and " +
      'submitted it.',
  })
  approveChangeOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => ApproveChangeOrderInput, { description: 'The change order and an optional note.' })
    input: ApproveChangeOrderInput,
  ): Promise<ApproveChangeOrderPayload> {
    return ChangeOrderService.approve(ctx, input);
  }

  @Mutation(() => RejectChangeOrderPayload, {
    description: 'Rejects a pending change order with a reason, within your approval limit; the contract is unchanged.',
  })
  rejectChangeOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => RejectChangeOrderInput, { description: 'The change order and the reason.' })
    input: RejectChangeOrderInput,
  ): Promise<RejectChangeOrderPayload> {
    return ChangeOrderService.reject(ctx, input);
  }

  @Mutation(() => WithdrawChangeOrderPayload, {
    description:
      'Withdraws a DRAFT or pending change order of an account you may write; a pending one leaves the approval queue.',
  })
  async withdrawChangeOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => WithdrawChangeOrderInput, { description: 'The change order.' }) input: WithdrawChangeOrderInput,
  ) {
    return { changeOrder: await ChangeOrderService.withdraw(ctx, input) };
  }

  @FieldResolver(() => Contract, { description: 'The contract it changes.' })
  async contract(@Root() changeOrder: ChangeOrder, @Ctx() ctx: Context): Promise<Contract> {
    return (await ctx.loaders.contractById.load(changeOrder.contractId)) as Contract;
  }

  @FieldResolver(() => Project, {
    nullable: true,
    description: "The project the change is for, if any; approving it adjusted that project's budget.",
  })
  project(@Root() changeOrder: ChangeOrder, @Ctx() ctx: Context): Promise<Project | null> | null {
    return changeOrder.projectId === null ? null : ctx.loaders.projectById.load(changeOrder.projectId);
  }

  @FieldResolver(() => Account, { description: "The client account (the contract's)." })
  async account(@Root() changeOrder: ChangeOrder, @Ctx() ctx: Context): Promise<Account> {
    return (await ctx.loaders.accountById.load(changeOrder.accountId)) as Account;
  }

  @FieldResolver(() => User, { description: 'Who raised it.' })
  async requestedBy(@Root() changeOrder: ChangeOrder, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(changeOrder.createdById)) as User;
  }

  @FieldResolver(() => ApprovalDecisionConnection, {
    description: 'Approval decisions on this change order, newest first.',
  })
  approvals(
    @Root() changeOrder: ChangeOrder,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ApprovalDecision>> {
    return ctx.loaders.changeOrderApprovals.page(changeOrder.id, page);
  }
}

@Resolver(() => Contract)
export class ContractChangeOrdersResolver {
  @FieldResolver(() => ChangeOrderConnection, { description: 'Change orders raised on this contract, newest first.' })
  changeOrders(
    @Root() contract: Contract,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ChangeOrder>> {
    return ctx.loaders.contractChangeOrders.page(contract.id, page);
  }
}
