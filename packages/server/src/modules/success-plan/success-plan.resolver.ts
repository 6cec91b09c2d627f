import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { BadInputError } from '../../common/errors';
import { tryDecodeGlobalId } from '../../common/global-id';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import { Communication } from '../communication/communication.entity';
import { Contact } from '../contact/contact.entity';
import { Offering } from '../offering/offering.entity';
import { OfferingConnection } from '../offering/offering.resolver';
import { Opportunity } from '../opportunity/opportunity.entity';
import { OpportunityConnection } from '../opportunity/opportunity.resolver';
import { Project } from '../project/project.entity';
import { ProjectConnection } from '../project/project.resolver';
import { User } from '../user/user.entity';
import { ClientGoal, ClientGoalReview } from './success-plan.entity';
import {
  ClientGoalFilter,
  ClientGoalOrder,
  CreateClientGoalInput,
  CreateClientGoalPayload,
  DeleteClientGoalInput,
  LinkClientGoalInput,
  MAX_PLAN_YEAR,
  MIN_PLAN_YEAR,
  ReviewClientGoalInput,
  UnlinkClientGoalInput,
  UpdateClientGoalInput,
  UpdateClientGoalPayload,
} from './success-plan.inputs';
import { SuccessPlanService } from './success-plan.service';
import {
  ClientGoalStatusCount,
  DeleteClientGoalPayload,
  LinkClientGoalPayload,
  ReviewClientGoalPayload,
  SuccessPlan,
  UnlinkClientGoalPayload,
} from './success-plan.types';

export const ClientGoalConnection = connectionType(ClientGoal);
export const ClientGoalReviewConnection = connectionType(ClientGoalReview);

const WRITERS = "The account's owner, team, their senior account managers, executives and admins";

@Resolver(() => ClientGoal)
export class ClientGoalResolver {
  @Query(() => ClientGoal, {
    nullable: true,
    description:
      'One client goal by id; null when it does not exist or you may not read it (its account is outside your portfolio and no project of yours serves it).',
  })
  clientGoal(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The goal's global id." }) id: string,
  ): Promise<ClientGoal | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'ClientGoal' ? ctx.loaders.clientGoalById.load(decoded.rowId) : null;
  }

  @Query(() => ClientGoalConnection, {
    description:
      "Client goals you may read: those of your portfolio's accounts, and those that projects you are on serve; " +
      'soonest target date first when no order is given.',
  })
  clientGoals(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ClientGoalFilter, { nullable: true, description: 'Conditions the goals must meet.' })
    filter?: ClientGoalFilter,
    @Arg('orderBy', () => ClientGoalOrder, { nullable: true, description: 'Sort order.' }) orderBy?: ClientGoalOrder,
  ): Promise<Connection<ClientGoal>> {
    return SuccessPlanService.list(ctx, page, filter, orderBy);
  }

  @Mutation(() => CreateClientGoalPayload, {
    description: `Adds a goal to an account's success plan for a year; it starts NOT_STARTED. ${WRITERS}.`,
  })
  async createClientGoal(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateClientGoalInput, { description: 'The account and the goal.' })
    input: CreateClientGoalInput,
  ) {
    return { clientGoal: await SuccessPlanService.create(ctx, input) };
  }

  @Mutation(() => UpdateClientGoalPayload, {
    description:
      "Changes an open goal's definition, if nobody changed it since `expectedVersion`; its status changes only " +
      `by reviewClientGoal. ${WRITERS}.`,
  })
  async updateClientGoal(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateClientGoalInput, { description: 'The changes.' }) input: UpdateClientGoalInput,
  ) {
    return { clientGoal: await SuccessPlanService.update(ctx, input) };
  }

  @Mutation(() => ReviewClientGoalPayload, {
    description:
      'Records a review of a goal (at a business review, when `communicationId` names it): the status it sets, ' +
      `what was concluded and the value measured, kept in the goal's \`history\`. ${WRITERS}.`,
  })
  reviewClientGoal(
    @Ctx() ctx: Context,
    @Arg('input', () => ReviewClientGoalInput, { description: 'The goal and the review.' })
    input: ReviewClientGoalInput,
  ): Promise<ReviewClientGoalPayload> {
    return SuccessPlanService.review(ctx, input);
  }

  @Mutation(() => LinkClientGoalPayload, {
    description: `Records that a project or an opportunity of the goal's account, or an offering, serves it; a project then shows the goal. ${WRITERS}.`,
  })
  linkClientGoal(
    @Ctx() ctx: Context,
    @Arg('input', () => LinkClientGoalInput, { description: 'The goal and what serves it.' })
    input: LinkClientGoalInput,
  ): Promise<LinkClientGoalPayload> {
    return SuccessPlanService.link(ctx, input);
  }

  @Mutation(() => UnlinkClientGoalPayload, {
    description: `Records that a project, an offering or an opportunity no longer serves a goal. ${WRITERS}.`,
  })
  unlinkClientGoal(
    @Ctx() ctx: Context,
    @Arg('input', () => UnlinkClientGoalInput, { description: 'The goal and what serves it.' })
    input: UnlinkClientGoalInput,
  ): Promise<UnlinkClientGoalPayload> {
    return SuccessPlanService.unlink(ctx, input);
  }

  @Mutation(() => DeleteClientGoalPayload, {
    description:
      'Removes a goal set by mistake, with its links and review history. A goal the client gave up is better ' +
      `reviewed as DROPPED, which keeps its history. ${WRITERS}.`,
  })
  async deleteClientGoal(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteClientGoalInput, { description: 'The goal.' }) input: DeleteClientGoalInput,
  ): Promise<DeleteClientGoalPayload> {
    const { deletedClientGoalId, accountId } = await SuccessPlanService.delete(ctx, input);
    return { deletedClientGoalId, account: (await ctx.loaders.accountById.load(accountId)) as Account };
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description:
      'The client account; null when you read the goal only as a member of a project that serves it and the account is outside your portfolio.',
  })
  account(@Root() goal: ClientGoal, @Ctx() ctx: Context): Promise<Account | null> {
    return ctx.loaders.accountById.load(goal.accountId);
  }

  @FieldResolver(() => User, { description: 'Who owns it on our side.' })
  async owner(@Root() goal: ClientGoal, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(goal.ownerId)) as User;
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description: "Who owns it on the client's side: a contact of the account; null when not named.",
  })
  clientOwner(@Root() goal: ClientGoal, @Ctx() ctx: Context): Promise<Contact | null> | null {
    return goal.clientOwnerId === null ? null : ctx.loaders.contactById.load(goal.clientOwnerId);
  }

  @FieldResolver(() => ProjectConnection, {
    description: 'The projects that serve it (those you may read), newest first.',
  })
  projects(
    @Root() goal: ClientGoal,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Project>> {
    return ctx.loaders.clientGoalProjects.page(goal.id, page);
  }

  @FieldResolver(() => OfferingConnection, { description: 'The offerings of the catalogue that serve it, by name.' })
  offerings(
    @Root() goal: ClientGoal,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Offering>> {
    return ctx.loaders.clientGoalOfferings.page(goal.id, page);
  }

  @FieldResolver(() => OpportunityConnection, {
    description: 'The opportunities of the account that serve it (those you may read), newest first.',
  })
  opportunities(
    @Root() goal: ClientGoal,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Opportunity>> {
    return ctx.loaders.clientGoalOpportunities.page(goal.id, page);
  }

  @FieldResolver(() => ClientGoalReviewConnection, {
    description: 'Its reviews, newest first: each status change (or confirmation), what was said and where.',
  })
  history(
    @Root() goal: ClientGoal,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ClientGoalReview>> {
    return ctx.loaders.clientGoalHistory.page(goal.id, page);
  }
}

@Resolver(() => ClientGoalReview)
export class ClientGoalReviewResolver {
  @FieldResolver(() => ClientGoal, { description: 'The goal reviewed.' })
  async goal(@Root() review: ClientGoalReview, @Ctx() ctx: Context): Promise<ClientGoal> {
    return (await ctx.loaders.clientGoalById.load(review.goalId)) as ClientGoal;
  }

  @FieldResolver(() => User, { description: 'Who recorded the review.' })
  async reviewedBy(@Root() review: ClientGoalReview, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(review.reviewedById)) as User;
  }

  @FieldResolver(() => Communication, {
    nullable: true,
    description:
      'The communication it was reviewed at (a business review, a call); null when reviewed outside one, or when you may not read the account.',
  })
  communication(@Root() review: ClientGoalReview, @Ctx() ctx: Context): Promise<Communication | null> | null {
    return review.communicationId === null ? null : ctx.loaders.communicationById.load(review.communicationId);
  }
}

@Resolver(() => SuccessPlan)
export class SuccessPlanResolver {
  @FieldResolver(() => ClientGoalConnection, { description: "The plan's goals, soonest target date first." })
  goals(
    @Root() plan: SuccessPlan,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ClientGoal>> {
    return SuccessPlanService.accountGoals(ctx, plan.accountId, page, { year: plan.year }, null);
  }

  @FieldResolver(() => [ClientGoalStatusCount], {
    description: 'How many of its goals are at each status (statuses with none left out), counted in SQL.',
  })
  statusCounts(@Root() plan: SuccessPlan, @Ctx() ctx: Context): Promise<ClientGoalStatusCount[]> {
    return ctx.loaders.successPlanCounts.load(plan.accountId, plan.year);
  }
}

/** An account's success plans and goals. */
@Resolver(() => Account)
export class AccountSuccessPlanResolver {
  @FieldResolver(() => SuccessPlan, {
    description: "The account's success plan for a year: the client's goals for it (an empty plan when none are set).",
  })
  successPlan(
    @Root() account: Account,
    @Arg('year', () => Int, { nullable: true, description: 'The plan year; the current year (UTC) when omitted.' })
    year?: number | null,
  ): SuccessPlan {
    if (year != null && (year < MIN_PLAN_YEAR || year > MAX_PLAN_YEAR))
      throw BadInputError.field('year', `must be between ${MIN_PLAN_YEAR} and ${MAX_PLAN_YEAR}`);
    return Object.assign(new SuccessPlan(), { accountId: account.id, year: year ?? new Date().getUTCFullYear() });
  }

  @FieldResolver(() => ClientGoalConnection, {
    description: "The account's goals of every year (or as filtered), soonest target date first.",
  })
  clientGoals(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ClientGoalFilter, { nullable: true, description: 'Conditions the goals must meet.' })
    filter?: ClientGoalFilter,
    @Arg('orderBy', () => ClientGoalOrder, { nullable: true, description: 'Sort order.' }) orderBy?: ClientGoalOrder,
  ): Promise<Connection<ClientGoal>> {
    return SuccessPlanService.accountGoals(ctx, account.id, page, filter, orderBy);
  }
}

/** What the client wants, on every project that serves it. */
@Resolver(() => Project)
export class ProjectClientGoalsResolver {
  @FieldResolver(() => ClientGoalConnection, {
    description:
      "The client's goals this project serves (what the team is told the client wants), soonest target date first.",
  })
  clientGoals(
    @Root() project: Project,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ClientGoal>> {
    return ctx.loaders.projectClientGoals.page(project.id, page);
  }
}
