import { PER_CURRENCY_LIST_COST } from '../../common/query-cost';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { todayUtc } from '../../common/dates';
import { Money } from '../../common/money';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { StaffGoal } from '../staff-goal/staff-goal.entity';
import { StaffGoalConnection } from '../staff-goal/staff-goal.resolver';
import { User } from '../user/user.entity';
import { ReassignAccountsInput } from './team-view.inputs';
import { TeamViewService } from './team-view.service';
import { OpenOpportunities, ReassignAccountsPayload, RenewalsDue, TeamReport, TeamView } from './team-view.types';

export const TeamReportConnection = connectionType(TeamReport);

@Resolver(() => TeamView)
export class TeamViewResolver {
  @Query(() => TeamView, {
    description:
      "A senior's team at a glance: each direct report's accounts, contract value, renewals due, overdue balance, " +
      "breached issues and current goals. Seniors see their own team; executives and admins anyone's.",
  })
  teamView(
    @Ctx() ctx: Context,
    @Arg('managerId', () => ID, {
      nullable: true,
      description: 'Whose team (executives and admins); your own when omitted.',
    })
    managerId?: string | null,
  ): Promise<TeamView> {
    return TeamViewService.teamView(ctx, managerId);
  }

  @Mutation(() => ReassignAccountsPayload, {
    description:
      'Hands up to 200 accounts to another owner in one step, all or none: audited per account, and the new and ' +
      'previous owners are each told once. Seniors move accounts within their team; executives and admins any.',
  })
  reassignAccounts(
    @Ctx() ctx: Context,
    @Arg('input', () => ReassignAccountsInput, { description: 'The accounts, the new owner and why.' })
    input: ReassignAccountsInput,
  ): Promise<ReassignAccountsPayload> {
    return TeamViewService.reassign(ctx, input);
  }

  @FieldResolver(() => User, { description: 'The manager whose team it is.' })
  async manager(@Root() view: TeamView, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(view.managerId)) as User;
  }

  @FieldResolver(() => TeamReportConnection, { description: 'Their direct reports by name, inactive ones too.' })
  reports(
    @Root() view: TeamView,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<TeamReport>> {
    return TeamViewService.reports(ctx, view, page);
  }
}

@Resolver(() => TeamReport)
export class TeamReportResolver {
  @FieldResolver(() => User, { description: 'The direct report.' })
  async user(@Root() report: TeamReport, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(report.userId)) as User;
  }

  @FieldResolver(() => Int, { description: 'How many accounts they own.' })
  accountCount(@Root() report: TeamReport, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.portfolioAccountCount.load(report.userId);
  }

  @FieldResolver(() => [Money], {
    complexity: PER_CURRENCY_LIST_COST,
    description:
      "Annual contract value of their accounts' ACTIVE contracts (each value spread over its term, per 365 days), one amount per currency.",
  })
  contractValue(@Root() report: TeamReport, @Ctx() ctx: Context): Promise<Money[]> {
    return ctx.loaders.portfolioContractValue.load(report.userId);
  }

  @FieldResolver(() => RenewalsDue, {
    description: "Their accounts' ACTIVE contracts ending within the view's renewal window (90 days).",
  })
  renewalsDue(@Root() report: TeamReport, @Ctx() ctx: Context): Promise<RenewalsDue> {
    return ctx.loaders.portfolioRenewalsDue.load(report.userId);
  }

  @FieldResolver(() => [Money], {
    complexity: PER_CURRENCY_LIST_COST,
    description:
      "What is overdue on their accounts' sent invoices (balance due past the due date), one amount per currency.",
  })
  overdueBalance(@Root() report: TeamReport, @Ctx() ctx: Context): Promise<Money[]> {
    return ctx.loaders.portfolioOverdueBalance.load(report.userId);
  }

  @FieldResolver(() => Int, {
    description: 'Open client issues on their accounts that are past an SLA deadline (BREACHED).',
  })
  breachedIssues(@Root() report: TeamReport, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.portfolioBreachedIssues.load(report.userId);
  }

  @FieldResolver(() => OpenOpportunities, {
    description: 'The open opportunities they own (before WON or LOST), on accounts you may read.',
  })
  openOpportunities(@Root() report: TeamReport, @Ctx() ctx: Context): Promise<OpenOpportunities> {
    return ctx.loaders.ownedOpenOpportunities.load(report.userId);
  }

  @FieldResolver(() => StaffGoalConnection, {
    description: 'Their goals for the current quarter and year, with progress.',
  })
  goals(
    @Root() report: TeamReport,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<StaffGoal>> {
    return ctx.loaders.userGoals.containing(todayUtc()).page(report.userId, page);
  }
}
