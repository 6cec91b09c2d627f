import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { tryDecodeGlobalId } from '../../common/global-id';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import { ApprovalDecision } from '../approval/approval.entity';
import { User } from '../user/user.entity';
import { Contract } from './contract.entity';
import {
  ApproveContractInput,
  ContractFilter,
  ContractOrder,
  CreateContractInput,
  CreateContractPayload,
  RejectContractInput,
  RenewContractInput,
  RenewContractPayload,
  SubmitContractInput,
  SubmitContractPayload,
  TerminateContractInput,
  TerminateContractPayload,
  UpdateContractInput,
  UpdateContractPayload,
} from './contract.inputs';
import { ApproveContractPayload, RejectContractPayload } from './contract.types';
import { ContractService } from './contract.service';

export const ContractConnection = connectionType(Contract);
export const ApprovalDecisionConnection = connectionType(ApprovalDecision);

@Resolver(() => Contract)
export class ContractResolver {
  @Query(() => Contract, {
    nullable: true,
    description: 'One contract by id; null when it does not exist or its account is outside your portfolio.',
  })
  contract(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The contract's global id." }) id: string,
  ): Promise<Contract | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'Contract' ? ctx.loaders.contractById.load(decoded.rowId) : null;
  }

  @Query(() => ContractConnection, {
    description: 'Contracts of the accounts you may see, filtered and sorted (by end date when no order is given).',
  })
  contracts(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ContractFilter, { nullable: true, description: 'Conditions the contracts must meet.' })
    filter?: ContractFilter,
    @Arg('orderBy', () => ContractOrder, { nullable: true, description: 'Sort order.' }) orderBy?: ContractOrder,
  ): Promise<Connection<Contract>> {
    return ContractService.list(ctx, page, filter, orderBy);
  }

  @Query(() => ContractConnection, {
    description: 'The renewal pipeline: ACTIVE contracts ending within `withinDays`, soonest notice deadline first.',
  })
  renewalPipeline(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('withinDays', () => Int, {
      defaultValue: 90,
      description: 'How far ahead to look, in days (1 to 730): 30, 60, 90 or 180 are the usual horizons.',
    })
    withinDays: number,
  ): Promise<Connection<Contract>> {
    return ContractService.renewalPipeline(ctx, page, withinDays);
  }

  @Mutation(() => CreateContractPayload, { description: 'Creates a DRAFT contract on an account you may write.' })
  async createContract(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateContractInput, { description: 'The new contract.' }) input: CreateContractInput,
  ) {
    return { contract: await ContractService.create(ctx, input) };
  }

  @Mutation(() => UpdateContractPayload, {
    description: 'Changes a DRAFT contract, if nobody changed it since you read `expectedVersion`.',
  })
  async updateContract(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateContractInput, { description: 'The changes.' }) input: UpdateContractInput,
  ) {
    return { contract: await ContractService.update(ctx, input) };
  }

  @Mutation(() => SubmitContractPayload, {
    description: "Sends a DRAFT contract for approval; it joins the approvers' queue.",
  })
  async submitContract(
    @Ctx() ctx: Context,
    @Arg('input', () => SubmitContractInput, { description: 'The contract.' }) input: SubmitContractInput,
  ) {
    return { contract: await ContractService.submit(ctx, input) };
  }

  @Mutation(() => ApproveContractPayload, {
    description:
      'Approves a pending contract within your approval limit; someone else must have created and submitted it.',
  })
  approveContract(
    @Ctx() ctx: Context,
    @Arg('input', () => ApproveContractInput, { description: 'The contract and an optional note.' })
    input: ApproveContractInput,
  ): Promise<ApproveContractPayload> {
    return ContractService.approve(ctx, input);
  }

  @Mutation(() => RejectContractPayload, { description: 'Sends a pending contract back to DRAFT with a reason.' })
  rejectContract(
    @Ctx() ctx: Context,
    @Arg('input', () => RejectContractInput, { description: 'The contract and the reason.' })
    input: RejectContractInput,
  ): Promise<RejectContractPayload> {
    return ContractService.reject(ctx, input);
  }

  @Mutation(() => TerminateContractPayload, {
    description: 'Ends an ACTIVE contract early, with a reason and a date. Seniors, executives and admins.',
  })
  async terminateContract(
    @Ctx() ctx: Context,
    @Arg('input', () => TerminateContractInput, { description: 'The contract, reason and date.' })
    input: TerminateContractInput,
  ) {
    return { contract: await ContractService.terminate(ctx, input) };
  }

  @Mutation(() => RenewContractPayload, {
    description:
      'Starts the renewal of an ACTIVE or EXPIRED contract as a new DRAFT; approving it marks the predecessor RENEWED.',
  })
  async renewContract(
    @Ctx() ctx: Context,
    @Arg('input', () => RenewContractInput, { description: 'The contract to renew and the new term.' })
    input: RenewContractInput,
  ) {
    return { contract: await ContractService.renew(ctx, input) };
  }

  @FieldResolver(() => Account, { description: 'The client account.' })
  async account(@Root() contract: Contract, @Ctx() ctx: Context): Promise<Account> {
    return (await ctx.loaders.accountById.load(contract.accountId)) as Account;
  }

  @FieldResolver(() => User, { description: 'The account manager who owns the contract.' })
  async owner(@Root() contract: Contract, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(contract.ownerId)) as User;
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract this one renews.' })
  renewalOf(@Root() contract: Contract, @Ctx() ctx: Context): Promise<Contract | null> | null {
    return contract.renewalOfId === null ? null : ctx.loaders.contractById.load(contract.renewalOfId);
  }

  @FieldResolver(() => ContractConnection, { description: 'Renewals of this contract, latest term first.' })
  renewals(
    @Root() contract: Contract,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Contract>> {
    return ctx.loaders.contractRenewals.page(contract.id, page);
  }

  @FieldResolver(() => ApprovalDecisionConnection, {
    description: 'Approval decisions on this contract, newest first.',
  })
  approvals(
    @Root() contract: Contract,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ApprovalDecision>> {
    return ctx.loaders.contractApprovals.page(contract.id, page);
  }
}

@Resolver(() => Account)
export class AccountContractsResolver {
  @FieldResolver(() => ContractConnection, { description: "The account's contracts, latest end date first." })
  contracts(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Contract>> {
    return ctx.loaders.accountContracts.page(account.id, page);
  }
}
