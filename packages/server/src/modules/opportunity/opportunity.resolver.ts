import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, createUnionType } from 'type-graphql';
import type { Context } from '../../common/context';
import { tryDecodeGlobalId } from '../../common/global-id';
import { Money } from '../../common/money';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import { Analytics } from '../analytics/analytics.types';
import { ClientIssue } from '../client-issue/client-issue.entity';
import { Communication } from '../communication/communication.entity';
import { Contract } from '../contract/contract.entity';
import { Offering } from '../offering/offering.entity';
import { Project } from '../project/project.entity';
import { User } from '../user/user.entity';
import { Opportunity } from './opportunity.entity';
import {
  CreateOpportunityInput,
  CreateOpportunityPayload,
  LoseOpportunityInput,
  LoseOpportunityPayload,
  MoveOpportunityStageInput,
  MoveOpportunityStagePayload,
  OpportunityFilter,
  OpportunityOrder,
  OpportunityPipelineArgs,
  UpdateOpportunityInput,
  UpdateOpportunityPayload,
  WinOpportunityInput,
} from './opportunity.inputs';
import { OpportunityService } from './opportunity.service';
import { OpportunityPipelineRow, WinOpportunityPayload } from './opportunity.types';
import { weightedCents } from './pipeline.rules';

export const OpportunityConnection = connectionType(Opportunity);

/** What revealed an opportunity's need. */
export const OpportunitySourceUnion = createUnionType({
  name: 'OpportunitySource',
  description: 'What revealed the need behind an opportunity: a project, a communication or a client issue.',
  types: () => [Project, Communication, ClientIssue] as const,
});

/** What one pipeline table costs against the per-request budget: a GROUP BY over the opportunities. */
const PIPELINE_COST = 500;

@Resolver(() => Opportunity)
export class OpportunityResolver {
  @Query(() => Opportunity, {
    nullable: true,
    description: 'One opportunity by id; null when it does not exist or its account is outside your portfolio.',
  })
  opportunity(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The opportunity's global id." }) id: string,
  ): Promise<Opportunity | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'Opportunity' ? ctx.loaders.opportunityById.load(decoded.rowId) : null;
  }

  @Query(() => OpportunityConnection, {
    description:
      'Opportunities of the accounts you may see, filtered and sorted (by expected close when no order is given).',
  })
  opportunities(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OpportunityFilter, { nullable: true, description: 'Conditions the opportunities must meet.' })
    filter?: OpportunityFilter,
    @Arg('orderBy', () => OpportunityOrder, { nullable: true, description: 'Sort order.' }) orderBy?: OpportunityOrder,
  ): Promise<Connection<Opportunity>> {
    return OpportunityService.list(ctx, page, filter, orderBy);
  }

  @Mutation(() => CreateOpportunityPayload, { description: 'Opens an opportunity on an account you may change.' })
  async createOpportunity(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateOpportunityInput, { description: 'The new opportunity.' }) input: CreateOpportunityInput,
  ) {
    return { opportunity: await OpportunityService.create(ctx, input) };
  }

  @Mutation(() => UpdateOpportunityPayload, {
    description: 'Changes an open opportunity, if nobody changed it since you read `expectedVersion`.',
  })
  async updateOpportunity(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateOpportunityInput, { description: 'The changes.' }) input: UpdateOpportunityInput,
  ) {
    return { opportunity: await OpportunityService.update(ctx, input) };
  }

  @Mutation(() => MoveOpportunityStagePayload, {
    description:
      "Moves an open opportunity to another open stage, forwards or back; the probability follows the stage's default unless given.",
  })
  async moveOpportunityStage(
    @Ctx() ctx: Context,
    @Arg('input', () => MoveOpportunityStageInput, { description: 'The opportunity and its new stage.' })
    input: MoveOpportunityStageInput,
  ) {
    return { opportunity: await OpportunityService.moveStage(ctx, input) };
  }

  @Mutation(() => WinOpportunityPayload, {
    description:
      'Wins an open opportunity: it becomes WON and a DRAFT contract for its amount is created and linked, together.',
  })
  winOpportunity(
    @Ctx() ctx: Context,
    @Arg('input', () => WinOpportunityInput, { description: 'The opportunity and the terms of its contract.' })
    input: WinOpportunityInput,
  ): Promise<WinOpportunityPayload> {
    return OpportunityService.win(ctx, input);
  }

  @Mutation(() => LoseOpportunityPayload, { description: 'Loses an open opportunity, with the reason.' })
  async loseOpportunity(
    @Ctx() ctx: Context,
    @Arg('input', () => LoseOpportunityInput, { description: 'The opportunity and why it was lost.' })
    input: LoseOpportunityInput,
  ) {
    return { opportunity: await OpportunityService.lose(ctx, input) };
  }

  @FieldResolver(() => Money, {
    description: 'The amount weighted by the probability: amount × probability / 100, rounded to a minor unit.',
  })
  weightedAmount(@Root() opportunity: Opportunity): Money {
    return Money.of(weightedCents(opportunity.amountCents, opportunity.probability), opportunity.currency);
  }

  @FieldResolver(() => Account, { description: 'The client account.' })
  async account(@Root() opportunity: Opportunity, @Ctx() ctx: Context): Promise<Account> {
    return (await ctx.loaders.accountById.load(opportunity.accountId)) as Account;
  }

  @FieldResolver(() => Offering, { nullable: true, description: 'The offering it would sell, if named.' })
  offering(@Root() opportunity: Opportunity, @Ctx() ctx: Context): Promise<Offering | null> | null {
    return opportunity.offeringId === null ? null : ctx.loaders.offeringById.load(opportunity.offeringId);
  }

  @FieldResolver(() => User, { description: 'Who pursues it.' })
  async owner(@Root() opportunity: Opportunity, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(opportunity.ownerId)) as User;
  }

  @FieldResolver(() => OpportunitySourceUnion, {
    nullable: true,
    description:
      'What revealed the need: a project, a communication or a client issue of the account; null when none is recorded or you may not see it.',
  })
  source(@Root() opportunity: Opportunity, @Ctx() ctx: Context): Promise<typeof OpportunitySourceUnion | null> | null {
    if (opportunity.sourceProjectId !== null) return ctx.loaders.projectById.load(opportunity.sourceProjectId);
    if (opportunity.sourceCommunicationId !== null)
      return ctx.loaders.communicationById.load(opportunity.sourceCommunicationId);
    if (opportunity.sourceClientIssueId !== null)
      return ctx.loaders.clientIssueById.load(opportunity.sourceClientIssueId);
    return null;
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The DRAFT contract created when it was won.' })
  contract(@Root() opportunity: Opportunity, @Ctx() ctx: Context): Promise<Contract | null> | null {
    return opportunity.contractId === null ? null : ctx.loaders.contractById.load(opportunity.contractId);
  }
}

@Resolver(() => Account)
export class AccountOpportunitiesResolver {
  @FieldResolver(() => OpportunityConnection, {
    description: "The account's opportunities, soonest expected close first.",
  })
  opportunities(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Opportunity>> {
    return ctx.loaders.accountOpportunities.page(account.id, page);
  }
}

@Resolver(() => OpportunityPipelineRow)
export class OpportunityPipelineResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The owner (grouped by owner; null otherwise).' })
  owner(@Root() row: OpportunityPipelineRow, @Ctx() ctx: Context): Promise<User | null> | null {
    return row.ownerId === null ? null : ctx.loaders.userById.load(row.ownerId);
  }
}

@Resolver(() => Analytics)
export class AnalyticsPipelineResolver {
  @FieldResolver(() => [OpportunityPipelineRow], {
    complexity: PIPELINE_COST,
    description:
      'The weighted pipeline: per owner and/or quarter of expected close and per currency, how many opportunities, their amount and their amount weighted by probability. Open ones unless the filter says otherwise.',
  })
  opportunityPipeline(
    @Ctx() ctx: Context,
    @Args(() => OpportunityPipelineArgs) args: OpportunityPipelineArgs,
  ): Promise<OpportunityPipelineRow[]> {
    return OpportunityService.pipeline(ctx, args);
  }
}
