import { GraphQLLocalDate } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { tryDecodeGlobalId } from '../../common/global-id';
import { Money } from '../../common/money';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Selection } from '../../common/selection';
import { Account } from '../account/account.entity';
import { Contact } from '../contact/contact.entity';
import { Contract } from '../contract/contract.entity';
import { User } from '../user/user.entity';
import { Milestone, Project, ProjectCost, ProjectMember, StatusUpdate } from './project.entity';
import {
  AcceptMilestoneInput,
  AcceptMilestonePayload,
  AddProjectMemberInput,
  CreateMilestoneInput,
  CreateMilestonePayload,
  CreateProjectInput,
  CreateProjectPayload,
  PostStatusUpdateInput,
  ProjectFilter,
  ProjectOrder,
  RecordProjectCostInput,
  RejectMilestoneInput,
  RejectMilestonePayload,
  RemoveProjectMemberInput,
  ReviewMilestoneQualityInput,
  ReviewMilestoneQualityPayload,
  UpdateMilestoneInput,
  UpdateMilestonePayload,
  UpdateProjectInput,
  UpdateProjectPayload,
  ProjectCostFilter,
  ProjectCostOrder,
  StatusUpdateFilter,
  StatusUpdateOrder,
} from './project.inputs';
import {
  AddProjectMemberPayload,
  HealthHistory,
  PostStatusUpdatePayload,
  RecordProjectCostPayload,
  RemoveProjectMemberPayload,
} from './project.types';
import { MilestoneService } from './milestone.service';
import { isProfitable, marginCents, marginPercent } from './profitability.rules';
import { ProjectCostService } from './project-cost.service';
import { ProjectMemberService } from './project-member.service';
import { ProjectService } from './project.service';
import { ProjectFeedService } from './project-feeds.service';
import { MAX_HISTORY_WEEKS, StatusUpdateService } from './status-update.service';

export const ProjectConnection = connectionType(Project);
export const ProjectMemberConnection = connectionType(ProjectMember);
export const ProjectCostConnection = connectionType(ProjectCost);
export const StatusUpdateConnection = connectionType(StatusUpdate);
export const MilestoneConnection = connectionType(Milestone);

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, {
    nullable: true,
    description:
      'One project by id; null when it does not exist or you may not see it (its account is outside your portfolio and you are not on its team).',
  })
  project(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The project's global id." }) id: string,
  ): Promise<Project | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'Project' ? ctx.loaders.projectById.load(decoded.rowId) : null;
  }

  @Query(() => ProjectConnection, {
    description:
      'Projects of the accounts you may see, and those whose team you are on, filtered and sorted (newest first when no order is given).',
  })
  projects(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ProjectFilter, { nullable: true, description: 'Conditions the projects must meet.' })
    filter: ProjectFilter | undefined,
    @Arg('orderBy', () => ProjectOrder, { nullable: true, description: 'Sort order.' })
    orderBy: ProjectOrder | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Project>> {
    return ProjectService.list(ctx, page, filter, orderBy, Selection.of(info));
  }

  @Query(() => ProjectCostConnection, {
    description:
      'Cost entries of the projects you may see, filtered and sorted (earliest day first when no order is given).',
  })
  costEntries(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ProjectCostFilter, { nullable: true, description: 'Conditions the entries must meet.' })
    filter?: ProjectCostFilter,
    @Arg('orderBy', () => ProjectCostOrder, { nullable: true, description: 'Sort order.' }) orderBy?: ProjectCostOrder,
  ): Promise<Connection<ProjectCost>> {
    return ProjectFeedService.costs(ctx, page, filter, orderBy);
  }

  @Query(() => StatusUpdateConnection, {
    name: 'statusUpdates',
    description:
      'Status updates of the projects you may see, filtered and sorted (earliest posted first when no order is given).',
  })
  statusUpdateList(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => StatusUpdateFilter, { nullable: true, description: 'Conditions the updates must meet.' })
    filter?: StatusUpdateFilter,
    @Arg('orderBy', () => StatusUpdateOrder, { nullable: true, description: 'Sort order.' })
    orderBy?: StatusUpdateOrder,
  ): Promise<Connection<StatusUpdate>> {
    return ProjectFeedService.statusUpdates(ctx, page, filter, orderBy);
  }

  @Mutation(() => CreateProjectPayload, {
    description:
      'Creates a project on an account you may change, optionally under one of its contracts; the lead, if named, joins its team.',
  })
  async createProject(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateProjectInput, { description: 'The new project.' }) input: CreateProjectInput,
  ) {
    return { project: await ProjectService.create(ctx, input) };
  }

  @Mutation(() => UpdateProjectPayload, {
    description:
      'Changes a project on an account you may change, if nobody changed it since you read `expectedVersion`.',
  })
  async updateProject(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateProjectInput, { description: 'The changes.' }) input: UpdateProjectInput,
  ) {
    return { project: await ProjectService.update(ctx, input) };
  }

  @Mutation(() => AddProjectMemberPayload, {
    description:
      "Puts a member of staff on a project's team: they then see it and may post its updates, costs and milestone progress. The account's writers.",
  })
  addProjectMember(
    @Ctx() ctx: Context,
    @Arg('input', () => AddProjectMemberInput, { description: 'The project and the member of staff.' })
    input: AddProjectMemberInput,
  ): Promise<AddProjectMemberPayload> {
    return ProjectMemberService.addMember(ctx, input);
  }

  @Mutation(() => RemoveProjectMemberPayload, {
    description: "Takes a member of staff off a project's team. The account's writers.",
  })
  removeProjectMember(
    @Ctx() ctx: Context,
    @Arg('input', () => RemoveProjectMemberInput, { description: 'The project and the member of staff.' })
    input: RemoveProjectMemberInput,
  ): Promise<RemoveProjectMemberPayload> {
    return ProjectMemberService.removeMember(ctx, input);
  }

  @Mutation(() => RecordProjectCostPayload, {
    description:
      `Records money spent on a project and adds it to its actual cost. The entry that takes the ` +
      `budget consumed past 85% tells the account owner (PROJECT_BUDGET_ALERT), once per crossing. The ` +
      `account's writers and the project's team.`,
  })
  recordProjectCost(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordProjectCostInput, { description: 'The project, date, category and amount.' })
    input: RecordProjectCostInput,
  ): Promise<RecordProjectCostPayload> {
    return ProjectCostService.recordCost(ctx, input);
  }

  @Mutation(() => PostStatusUpdatePayload, {
    description:
      "Posts a status update; its overall health becomes the project's health. Turning RED tells the " +
      'account owner (PROJECT_HEALTH_RED); milestones found late are notified (MILESTONE_LATE). The ' +
      "account's writers and the project's team.",
  })
  postStatusUpdate(
    @Ctx() ctx: Context,
    @Arg('input', () => PostStatusUpdateInput, { description: 'The project and the report.' })
    input: PostStatusUpdateInput,
  ): Promise<PostStatusUpdatePayload> {
    return StatusUpdateService.postStatusUpdate(ctx, input);
  }

  @Mutation(() => CreateMilestonePayload, {
    description: "Adds a PLANNED milestone or deliverable to a project. The account's writers.",
  })
  async createMilestone(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateMilestoneInput, { description: 'The project, kind, title and due date.' })
    input: CreateMilestoneInput,
  ) {
    return { milestone: await MilestoneService.create(ctx, input) };
  }

  @Mutation(() => UpdateMilestonePayload, {
    description:
      "Changes a milestone's title, due date or progress, if nobody changed it since you read `expectedVersion`. The account's writers and the project's team.",
  })
  async updateMilestone(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateMilestoneInput, { description: 'The changes.' }) input: UpdateMilestoneInput,
  ) {
    return { milestone: await MilestoneService.update(ctx, input) };
  }

  @Mutation(() => ReviewMilestoneQualityPayload, {
    description:
      "Records the quality review of a DELIVERED milestone or deliverable; you are the reviewer. The account's writers and the project's team.",
  })
  async reviewMilestoneQuality(
    @Ctx() ctx: Context,
    @Arg('input', () => ReviewMilestoneQualityInput, { description: 'The milestone and the outcome.' })
    input: ReviewMilestoneQualityInput,
  ) {
    return { milestone: await MilestoneService.review(ctx, input) };
  }

  @Mutation(() => AcceptMilestonePayload, {
    description:
      "Records a client contact's acceptance of a DELIVERED milestone. A deliverable needs a passed " +
      "quality review since it was delivered, else CONFLICT. The account's writers.",
  })
  async acceptMilestone(
    @Ctx() ctx: Context,
    @Arg('input', () => AcceptMilestoneInput, { description: 'The milestone, the contact and the day.' })
    input: AcceptMilestoneInput,
  ) {
    return { milestone: await MilestoneService.accept(ctx, input) };
  }

  @Mutation(() => RejectMilestonePayload, {
    description: "Records the client's rejection of a DELIVERED milestone, with a reason. The account's writers.",
  })
  async rejectMilestone(
    @Ctx() ctx: Context,
    @Arg('input', () => RejectMilestoneInput, { description: 'The milestone and the reason.' })
    input: RejectMilestoneInput,
  ) {
    return { milestone: await MilestoneService.reject(ctx, input) };
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description:
      'The client account; null when you reach the project only as a member of its team and the account is outside your portfolio.',
  })
  account(@Root() project: Project, @Ctx() ctx: Context): Promise<Account | null> {
    return ctx.loaders.accountById.load(project.accountId);
  }

  @FieldResolver(() => Contract, {
    nullable: true,
    description: 'The contract it delivers; null when there is none or you may not see it.',
  })
  contract(@Root() project: Project, @Ctx() ctx: Context): Promise<Contract | null> | null {
    return project.contractId === null ? null : ctx.loaders.contractById.load(project.contractId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The project lead, if there is one.' })
  lead(@Root() project: Project, @Ctx() ctx: Context): Promise<User | null> | null {
    return project.leadId === null ? null : ctx.loaders.userById.load(project.leadId);
  }

  @FieldResolver(() => ProjectMemberConnection, { description: "The project's team, in the order they joined." })
  members(
    @Root() project: Project,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ProjectMember>> {
    return ctx.loaders.projectMembers.page(project.id, page);
  }

  @FieldResolver(() => ProjectCostConnection, { description: 'Cost entries, latest date first.' })
  costs(
    @Root() project: Project,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ProjectCost>> {
    return ctx.loaders.projectCosts.page(project.id, page);
  }

  @FieldResolver(() => StatusUpdateConnection, { description: 'Status updates, newest first.' })
  statusUpdates(
    @Root() project: Project,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<StatusUpdate>> {
    return ctx.loaders.projectStatusUpdates.page(project.id, page);
  }

  @FieldResolver(() => MilestoneConnection, { description: 'Milestones and deliverables, earliest due date first.' })
  milestones(
    @Root() project: Project,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Milestone>> {
    return ctx.loaders.projectMilestones.page(project.id, page);
  }

  @FieldResolver(() => Money, {
    description:
      "Revenue earned: the project's share of what its contract has invoiced to date " +
      '(`Contract.invoicedToDate`: APPROVED, SENT, PARTIALLY_PAID and PAID invoices), ' +
      "in proportion to its budget among the budgets of all the contract's projects, rounded down to a cent. Zero without a contract.",
  })
  async revenue(@Root() project: Project, @Ctx() ctx: Context): Promise<Money> {
    return Money.of(await ProjectService.revenueCents(ctx, project), project.currency);
  }

  @FieldResolver(() => Money, { description: 'Revenue less actual cost; negative when the project loses money.' })
  async margin(@Root() project: Project, @Ctx() ctx: Context): Promise<Money> {
    return Money.of(
      marginCents(await ProjectService.revenueCents(ctx, project), project.actualCostCents),
      project.currency,
    );
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Margin as a percentage of revenue; null when the revenue is zero.',
  })
  async marginPercent(@Root() project: Project, @Ctx() ctx: Context): Promise<number | null> {
    return marginPercent(await ProjectService.revenueCents(ctx, project), project.actualCostCents);
  }

  @FieldResolver(() => Boolean, { description: 'True when the margin is above zero.' })
  async isProfitable(@Root() project: Project, @Ctx() ctx: Context): Promise<boolean> {
    return isProfitable(await ProjectService.revenueCents(ctx, project), project.actualCostCents);
  }

  @FieldResolver(() => HealthHistory, {
    description:
      `Health week by week for charts, one series per dimension, with gaps where no update was posted. ` +
      `At most ${MAX_HISTORY_WEEKS} weeks; a longer range is BAD_USER_INPUT.`,
  })
  healthHistory(
    @Root() project: Project,
    @Ctx() ctx: Context,
    @Arg('from', () => GraphQLLocalDate, { description: 'The first day; the series starts on the Monday of its week.' })
    from: string,
    @Arg('to', () => GraphQLLocalDate, {
      description: 'The last day, on or after `from`; the series ends with its week.',
    })
    to: string,
  ): Promise<HealthHistory> {
    return StatusUpdateService.healthHistory(ctx, project, from, to);
  }
}

@Resolver(() => ProjectMember)
export class ProjectMemberResolver {
  @FieldResolver(() => User, { description: 'The member of staff.' })
  async user(@Root() member: ProjectMember, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(member.userId)) as User;
  }

  @FieldResolver(() => Project, { description: 'The project.' })
  async project(@Root() member: ProjectMember, @Ctx() ctx: Context): Promise<Project> {
    return (await ctx.loaders.projectById.load(member.projectId)) as Project;
  }
}

@Resolver(() => ProjectCost)
export class ProjectCostResolver {
  @FieldResolver(() => Project, { description: 'The project it was spent on.' })
  async project(@Root() cost: ProjectCost, @Ctx() ctx: Context): Promise<Project> {
    return (await ctx.loaders.projectById.load(cost.projectId)) as Project;
  }

  @FieldResolver(() => User, { description: 'Who recorded it.' })
  async recordedBy(@Root() cost: ProjectCost, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(cost.recordedById)) as User;
  }
}

@Resolver(() => StatusUpdate)
export class StatusUpdateResolver {
  @FieldResolver(() => Project, { description: 'The project it reports on.' })
  async project(@Root() update: StatusUpdate, @Ctx() ctx: Context): Promise<Project> {
    return (await ctx.loaders.projectById.load(update.projectId)) as Project;
  }

  @FieldResolver(() => User, { description: 'Who posted it.' })
  async author(@Root() update: StatusUpdate, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(update.authorId)) as User;
  }

  @FieldResolver(() => StatusUpdate, {
    nullable: true,
    description: 'The earlier update of the same project that this one corrects; null when it is not a correction.',
  })
  corrects(@Root() update: StatusUpdate, @Ctx() ctx: Context): Promise<StatusUpdate | null> | null {
    return update.correctsId === null ? null : ctx.loaders.statusUpdateById.load(update.correctsId);
  }
}

@Resolver(() => Milestone)
export class MilestoneResolver {
  @FieldResolver(() => Project, { description: 'The project it belongs to.' })
  async project(@Root() milestone: Milestone, @Ctx() ctx: Context): Promise<Project> {
    return (await ctx.loaders.projectById.load(milestone.projectId)) as Project;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who recorded the latest quality review.' })
  qualityReviewer(@Root() milestone: Milestone, @Ctx() ctx: Context): Promise<User | null> | null {
    return milestone.qualityReviewerId === null ? null : ctx.loaders.userById.load(milestone.qualityReviewerId);
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description:
      'The client contact who accepted it; null until accepted, or when the account is outside your portfolio.',
  })
  acceptedBy(@Root() milestone: Milestone, @Ctx() ctx: Context): Promise<Contact | null> | null {
    return milestone.acceptedByContactId === null ? null : ctx.loaders.contactById.load(milestone.acceptedByContactId);
  }
}

@Resolver(() => Account)
export class AccountProjectsResolver {
  @FieldResolver(() => ProjectConnection, { description: "The account's projects, newest first." })
  projects(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Project>> {
    return ctx.loaders.accountProjects.page(account.id, page);
  }
}

@Resolver(() => Contract)
export class ContractProjectsResolver {
  @FieldResolver(() => ProjectConnection, { description: 'Projects that deliver this contract, newest first.' })
  projects(
    @Root() contract: Contract,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Project>> {
    return ctx.loaders.contractProjects.page(contract.id, page);
  }
}
