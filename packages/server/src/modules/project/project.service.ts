import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { addDays, daysBetween, todayUtc, type LocalDate } from '../../common/dates';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { forUpdate, lockRow } from '../../common/locking';
import { DEFAULT_CURRENCY, formatMoney, MAX_CENTS } from '../../common/money';
import { hasRole } from '../../common/policy';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import type { Selection } from '../../common/selection';
import type { ToOne } from '../../common/to-one';
import { cleanText } from '../../common/validation';
import { compareAndSwap, transitionStatus } from '../../common/versioned';
import { Account } from '../account/account.entity';
import { requireWritableAccount } from '../account/account.service';
import { diffFields, recordAudit } from '../audit/audit.service';
import type { ChangeOrder } from '../change-order/change-order.entity';
import type { Contract } from '../contract/contract.entity';
import { INVOICED_STATUSES } from '../invoice/invoice.entity';
import { notify, NotificationKind } from '../notification/notification.service';
import type { User } from '../user/user.entity';
import {
  BUDGET_ALERT_PERCENT,
  Health,
  Milestone,
  MilestoneKind,
  MilestoneStatus,
  Project,
  ProjectCost,
  ProjectMember,
  ProjectStatus,
  StatusUpdate,
} from './project.entity';
import { ProjectErrors } from './project.errors';
import { ProjectPolicy } from './project.policy';
import {
  ProjectOrderField,
  type AcceptMilestoneInput,
  type AddProjectMemberInput,
  type CreateMilestoneInput,
  type CreateProjectInput,
  type PostStatusUpdateInput,
  type ProjectFilter,
  type ProjectOrder,
  type RecordProjectCostInput,
  type RejectMilestoneInput,
  type RemoveProjectMemberInput,
  type ReviewMilestoneQualityInput,
  type UpdateMilestoneInput,
  type UpdateProjectInput,
} from './project.inputs';
import { HealthHistory, type HealthPoint } from './project.types';
import { restrictProjects, type HealthRow } from './project.loaders';

const PROJECT_FIELDS = [
  'accountId',
  'contractId',
  'name',
  'description',
  'status',
  'startDate',
  'targetEndDate',
  'actualEndDate',
  'budgetCents',
  'currency',
  'leadId',
] as const;
const MILESTONE_FIELDS = [
  'projectId',
  'kind',
  'title',
  'dueDate',
  'status',
  'qualityPassed',
  'qualityReviewerId',
  'qualityNotes',
  'acceptedByContactId',
  'acceptedOn',
  'rejectionReason',
] as const;
const STATUS_UPDATE_FIELDS = [
  'projectId',
  'overall',
  'schedule',
  'budget',
  'scope',
  'quality',
  'summary',
  'risks',
  'nextSteps',
  'correctsId',
] as const;
const COST_FIELDS = ['projectId', 'date', 'category', 'amountCents', 'currency', 'note'] as const;

/** At most this many weeks in one health history (about ten years): a chart, not an export. */
export const MAX_HISTORY_WEEKS = 500;

const CLOSED_STATUSES: readonly ProjectStatus[] = [ProjectStatus.COMPLETED, ProjectStatus.CANCELLED];
const DONE_MILESTONE_STATUSES: readonly MilestoneStatus[] = [MilestoneStatus.DELIVERED, MilestoneStatus.ACCEPTED];

const SORTS: Record<ProjectOrderField, Omit<SortOrder, 'direction'>> = {
  [ProjectOrderField.NAME]: { key: 'name', property: 'name', kind: 'string' },
  [ProjectOrderField.TARGET_END_DATE]: { key: 'targetEndDate', property: 'targetEndDate', kind: 'string' },
  [ProjectOrderField.CREATED_AT]: { key: 'created', property: 'createdAt', kind: 'date' },
};

function snapshot<T extends object>(record: T, fields: readonly (keyof T & string)[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, record[field]]));
}

/**
 * Revenue rule (PRODUCT.md, "Projects"): a project earns its budget's share of what its contract
 * has invoiced to date (APPROVED, SENT, PARTIALLY_PAID and PAID invoices, as `Contract.invoicedToDate`):
 * invoiced × budget ÷ the budgets of all the contract's projects, rounded down to a cent. A project
 * without a contract, or whose contract's projects have no budget, has no revenue.
 */
export function revenueShareCents(invoicedCents: number, budgetCents: number, budgetsCents: number): number {
  if (budgetsCents <= 0 || invoicedCents <= 0 || budgetCents <= 0) return 0;
  return Number((BigInt(invoicedCents) * BigInt(budgetCents)) / BigInt(budgetsCents));
}

/** The same rule in SQL on the alias `project`, for filters; :...invoicedStatuses must be bound. */
function revenueSql(dialect: string): string {
  const invoiced =
    '(SELECT COALESCE(SUM(rev_inv.totalCents), 0) FROM invoice rev_inv WHERE rev_inv.contractId = project.contractId AND rev_inv.status IN (:...invoicedStatuses))';
  const budgets = '(SELECT SUM(rev_p.budgetCents) FROM project rev_p WHERE rev_p.contractId = project.contractId)';
  // Integer division rounds down (amounts are never negative): DIV on MySQL/MariaDB, / on SQLite's integers.
  return `COALESCE((${invoiced} * project.budgetCents) ${dialect === 'mysql' ? 'DIV' : '/'} NULLIF(${budgets}, 0), 0)`;
}

/** Monday (UTC) of the week a date falls in. */
function mondayOf(date: LocalDate): LocalDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** Delivery projects: budget and cost, team, status updates, milestones and the alerts they raise (PRODUCT.md, "Projects"). */
export const ProjectService = {
  /** A page of the projects the viewer may read; newest first when no order is given. */
  async list(
    ctx: Context,
    args: PageArgs,
    filter: ProjectFilter | null | undefined,
    orderBy: ProjectOrder | null | undefined,
    selection?: Selection,
  ): Promise<Connection<Project>> {
    const order: SortOrder = orderBy
      ? { ...SORTS[orderBy.field], direction: orderBy.direction }
      : { ...SORTS[ProjectOrderField.CREATED_AT], direction: OrderDirection.DESC };
    const qb = ctx.em.createQueryBuilder(Project, 'project');
    restrictProjects(ctx.scope)(qb, 'project');
    if (filter?.accountId)
      qb.andWhere('project.accountId = :accountId', {
        accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
      });
    if (filter?.contractId)
      qb.andWhere('project.contractId = :contractId', {
        contractId: decodeGlobalId(filter.contractId, 'Contract', 'filter.contractId'),
      });
    if (filter?.status?.length) qb.andWhere('project.status IN (:...statuses)', { statuses: filter.status });
    if (filter?.health?.length) qb.andWhere('project.health IN (:...healths)', { healths: filter.health });
    if (filter?.unprofitable != null) {
      qb.andWhere(`(${revenueSql(ctx.db.dialect)}) - project.actualCostCents ${filter.unprofitable ? '<=' : '>'} 0`, {
        invoicedStatuses: INVOICED_STATUSES,
      });
    }
    // A project's account is read with it when asked for; one the viewer may not read (a project
    // member outside the account's portfolio) joins as null, as the account's own loader answers.
    const joins: ToOne[] = selection?.under('edges').under('node').has('account')
      ? [
          {
            relation: 'account',
            foreignKey: 'accountId',
            loader: ctx.loaders.accountById,
            visibleIf: (alias) => ctx.scope.readableAccounts(alias),
          },
        ]
      : [];
    return paginate(qb, 'project', order, args, joins);
  },

  /** The project's revenue in cents under the revenue rule (see revenueShareCents); batched per contract. */
  async revenueCents(ctx: Context, project: Project): Promise<number> {
    if (project.contractId === null) return 0;
    const shares = await ctx.loaders.contractProjectShares.load(project.contractId);
    return revenueShareCents(shares.invoicedCents, project.budgetCents, shares.budgetsCents);
  },

  /** Week-by-week health series between two dates; see HealthHistory for what a gap means. */
  async healthHistory(ctx: Context, project: Project, from: LocalDate, to: LocalDate): Promise<HealthHistory> {
    if (to < from) throw ProjectErrors.rangeBackwards();
    const firstWeek = mondayOf(from);
    const weeks = daysBetween(firstWeek, mondayOf(to)) / 7 + 1;
    if (weeks > MAX_HISTORY_WEEKS) throw ProjectErrors.rangeTooLong(MAX_HISTORY_WEEKS);
    const rows = await ctx.loaders.projectHealthHistory.load(
      project.id,
      new Date(`${firstWeek}T00:00:00Z`),
      new Date(`${addDays(firstWeek, weeks * 7)}T00:00:00Z`),
    );
    const latest: (HealthRow | undefined)[] = new Array(weeks);
    for (const row of rows) latest[Math.floor(daysBetween(firstWeek, todayUtc(row.postedAt)) / 7)] = row; // ascending: the week's last wins
    const series = (dimension: 'overall' | 'schedule' | 'budget' | 'scope' | 'quality'): HealthPoint[] =>
      Array.from({ length: weeks }, (_, week) => ({
        weekOf: addDays(firstWeek, week * 7),
        postedAt: latest[week]?.postedAt ?? null,
        health: latest[week]?.[dimension] ?? null,
      }));
    return Object.assign(new HealthHistory(), {
      overall: series('overall'),
      schedule: series('schedule'),
      budget: series('budget'),
      scope: series('scope'),
      quality: series('quality'),
    });
  },

  async create(ctx: Context, input: CreateProjectInput): Promise<Project> {
    if (input.targetEndDate < input.startDate) throw ProjectErrors.endBeforeStart('input.targetEndDate');
    if (input.budget.amountCents < 0) throw ProjectErrors.negativeBudget();
    return inTransaction(ctx, async (tx) => {
      const account = await requireWritableAccount(tx, input.accountId, 'input.accountId');
      let contract: Contract | null = null;
      if (input.contractId) {
        contract = await tx.loaders.contractById.load(decodeGlobalId(input.contractId, 'Contract', 'input.contractId'));
        if (!contract) throw new NotFoundError('Contract', input.contractId);
        if (contract.accountId !== account.id) throw ProjectErrors.contractOfOtherAccount();
      }
      const currency = input.budget.currency ?? contract?.currency ?? DEFAULT_CURRENCY;
      if (contract && currency !== contract.currency)
        throw ProjectErrors.contractCurrency('input.budget.currency', contract.currency);
      const lead = input.leadId ? await requireEligibleMember(tx, input.leadId, 'input.leadId') : null;
      const status = input.status ?? ProjectStatus.PLANNED;
      const project = stampNew(new Project());
      Object.assign(project, {
        accountId: account.id,
        contractId: contract?.id ?? null,
        name: input.name.trim(),
        description: cleanText(input.description) ?? null,
        status,
        startDate: input.startDate,
        targetEndDate: input.targetEndDate,
        actualEndDate: CLOSED_STATUSES.includes(status) ? todayUtc() : null,
        budgetCents: input.budget.amountCents,
        currency,
        actualCostCents: 0,
        leadId: lead?.id ?? null,
        health: null,
        createdById: tx.viewer.id,
      });
      const saved = await tx.em.save(project);
      if (lead)
        await tx.em.insert(
          ProjectMember,
          stampNew(Object.assign(new ProjectMember(), { projectId: saved.id, userId: lead.id })),
        );
      await recordAudit(
        tx,
        'createProject',
        saved,
        diffFields(undefined, snapshot(saved, PROJECT_FIELDS), PROJECT_FIELDS),
      );
      return saved;
    });
  },

  async update(ctx: Context, input: UpdateProjectInput): Promise<Project> {
    return inTransaction(ctx, async (tx) => {
      const project = await requireWritableProject(tx, input.id, 'input.id');
      const before = snapshot(project, PROJECT_FIELDS);
      if (input.name != null) project.name = input.name.trim();
      if (input.description !== undefined) project.description = cleanText(input.description) ?? null;
      if (input.startDate != null) project.startDate = input.startDate;
      if (input.targetEndDate != null) project.targetEndDate = input.targetEndDate;
      if (input.status != null && input.status !== project.status) {
        project.status = input.status;
        project.actualEndDate = CLOSED_STATUSES.includes(input.status) ? todayUtc() : null;
      }
      if (input.actualEndDate != null) project.actualEndDate = input.actualEndDate;
      if (project.targetEndDate < project.startDate)
        throw ProjectErrors.endBeforeStart(input.targetEndDate != null ? 'input.targetEndDate' : 'input.startDate');
      if (project.actualEndDate !== null && project.actualEndDate < project.startDate)
        throw ProjectErrors.endBeforeStart('input.actualEndDate');
      if (input.budget != null) {
        if (input.budget.amountCents < 0) throw ProjectErrors.negativeBudget();
        if ((input.budget.currency ?? project.currency) !== project.currency)
          throw ProjectErrors.currencyMismatch('input.budget.currency', project.currency);
        project.budgetCents = input.budget.amountCents;
      }
      if (input.leadId != null) {
        const lead = await requireEligibleMember(tx, input.leadId, 'input.leadId');
        project.leadId = lead.id;
        const member = await tx.em.findOneBy(ProjectMember, { projectId: project.id, userId: lead.id });
        if (!member)
          await tx.em.insert(
            ProjectMember,
            stampNew(Object.assign(new ProjectMember(), { projectId: project.id, userId: lead.id })),
          );
      }
      const changes = diffFields(before, snapshot(project, PROJECT_FIELDS), PROJECT_FIELDS);
      await compareAndSwap(tx, project, input.expectedVersion, Object.keys(changes));
      await recordAudit(tx, 'updateProject', project, changes);
      return project;
    });
  },

  async addMember(ctx: Context, input: AddProjectMemberInput): Promise<{ project: Project; user: User }> {
    return inTransaction(ctx, async (tx) => {
      const project = await requireWritableProject(tx, input.projectId, 'input.projectId');
      const user = await requireEligibleMember(tx, input.userId, 'input.userId');
      if (await tx.em.findOneBy(ProjectMember, { projectId: project.id, userId: user.id }))
        throw ProjectErrors.alreadyMember(user.name);
      await tx.em.insert(
        ProjectMember,
        stampNew(Object.assign(new ProjectMember(), { projectId: project.id, userId: user.id })),
      );
      await recordAudit(tx, 'addProjectMember', project, { member: { before: null, after: user.globalId } });
      return { project, user };
    });
  },

  async removeMember(ctx: Context, input: RemoveProjectMemberInput): Promise<{ project: Project; user: User }> {
    return inTransaction(ctx, async (tx) => {
      const project = await requireWritableProject(tx, input.projectId, 'input.projectId');
      const user = await tx.loaders.userById.load(decodeGlobalId(input.userId, 'User', 'input.userId'));
      if (!user) throw new NotFoundError('User', input.userId);
      const result = await tx.em.delete(ProjectMember, { projectId: project.id, userId: user.id });
      if (!result.affected) throw ProjectErrors.notMember(user.name);
      await recordAudit(tx, 'removeProjectMember', project, { member: { before: user.globalId, after: null } });
      return { project, user };
    });
  },

  /**
   * Records a cost and adds it to the project's actual cost in the same transaction. The entry that
   * takes the budget consumed past BUDGET_ALERT_PERCENT (from at most 85% to above it) tells the
   * account owner, once per crossing; later entries above the line do not.
   */
  async recordCost(ctx: Context, input: RecordProjectCostInput): Promise<{ project: Project; cost: ProjectCost }> {
    if (input.amount.amountCents <= 0) throw ProjectErrors.costNotPositive();
    return inTransaction(ctx, async (tx) => {
      const readable = await requirePostableProject(tx, input.projectId, 'input.projectId');
      const currency = input.amount.currency ?? readable.currency;
      if (currency !== readable.currency)
        throw ProjectErrors.currencyMismatch('input.amount.currency', readable.currency);
      const amount = input.amount.amountCents;
      const result = await tx.em
        .createQueryBuilder()
        .update(Project)
        .set({ actualCostCents: () => 'actualCostCents + :amount', updatedAt: new Date() })
        .where('id = :id AND actualCostCents + :amount <= :max', { id: readable.id, amount, max: MAX_CENTS })
        .execute();
      if (result.affected !== 1) throw ProjectErrors.costTooLarge();
      const project = await currentProject(tx, readable.id);
      const cost = stampNew(new ProjectCost());
      Object.assign(cost, {
        projectId: project.id,
        date: input.date,
        category: input.category,
        amountCents: amount,
        currency,
        note: cleanText(input.note) ?? null,
        recordedById: tx.viewer.id,
      });
      await tx.em.save(cost);
      await recordAudit(tx, 'recordProjectCost', cost, diffFields(undefined, snapshot(cost, COST_FIELDS), COST_FIELDS));
      const beforeCents = project.actualCostCents - amount;
      const threshold = project.budgetCents * BUDGET_ALERT_PERCENT;
      if (beforeCents * 100 <= threshold && project.actualCostCents * 100 > threshold) {
        await notifyAccountOwner(
          tx,
          project,
          NotificationKind.PROJECT_BUDGET_ALERT,
          `Project "${project.name}" has spent ${formatMoney(project.actualCostCents, project.currency)} of its ${formatMoney(project.budgetCents, project.currency)} budget (${Math.round(project.budgetConsumedPercent ?? 100)}%), past ${BUDGET_ALERT_PERCENT}%.`,
        );
      }
      return { project, cost };
    });
  },

  /**
   * Posts a status update; the project's health becomes its overall health. Turning RED (from
   * anything else, or from no update) tells the account owner, and late milestones are checked.
   */
  async postStatusUpdate(
    ctx: Context,
    input: PostStatusUpdateInput,
  ): Promise<{ project: Project; statusUpdate: StatusUpdate }> {
    return inTransaction(ctx, async (tx) => {
      const readable = await requirePostableProject(tx, input.projectId, 'input.projectId');
      let correctsId: number | null = null;
      if (input.correctsId) {
        const corrected = await tx.loaders.statusUpdateById.load(
          decodeGlobalId(input.correctsId, 'StatusUpdate', 'input.correctsId'),
        );
        if (!corrected || corrected.projectId !== readable.id) throw ProjectErrors.correctsOtherProject();
        correctsId = corrected.id;
      }
      const project = await currentProject(tx, readable.id); // locked on MySQL: concurrent posts see each other's health
      const previous = project.health;
      const update = stampNew(new StatusUpdate());
      Object.assign(update, {
        projectId: project.id,
        authorId: tx.viewer.id,
        postedAt: update.createdAt,
        overall: input.overall,
        schedule: input.schedule,
        budget: input.budget,
        scope: input.scope,
        quality: input.quality,
        summary: input.summary.trim(),
        risks: cleanText(input.risks) ?? null,
        nextSteps: cleanText(input.nextSteps) ?? null,
        correctsId,
      });
      await tx.em.save(update);
      await tx.em
        .createQueryBuilder()
        .update(Project)
        .set({ health: input.overall, updatedAt: update.createdAt })
        .where('id = :id', { id: project.id })
        .execute();
      project.health = input.overall;
      project.updatedAt = update.createdAt;
      await recordAudit(
        tx,
        'postStatusUpdate',
        update,
        diffFields(undefined, snapshot(update, STATUS_UPDATE_FIELDS), STATUS_UPDATE_FIELDS),
      );
      if (input.overall === Health.RED && previous !== Health.RED) {
        await notifyAccountOwner(
          tx,
          project,
          NotificationKind.PROJECT_HEALTH_RED,
          `Project "${project.name}" turned RED${previous ? ` (was ${previous})` : ''}: ${update.summary}`,
        );
      }
      await notifyLateMilestones(tx, project);
      return { project, statusUpdate: update };
    });
  },

  async createMilestone(ctx: Context, input: CreateMilestoneInput): Promise<Milestone> {
    return inTransaction(ctx, async (tx) => {
      const project = await requireWritableProject(tx, input.projectId, 'input.projectId');
      const milestone = stampNew(new Milestone());
      Object.assign(milestone, {
        projectId: project.id,
        kind: input.kind,
        title: input.title.trim(),
        dueDate: input.dueDate,
        status: MilestoneStatus.PLANNED,
        qualityPassed: null,
        qualityReviewerId: null,
        qualityNotes: null,
        qualityReviewedAt: null,
        acceptedByContactId: null,
        acceptedOn: null,
        rejectionReason: null,
        lateNotifiedAt: null,
      });
      await tx.em.save(milestone);
      await recordAudit(
        tx,
        'createMilestone',
        milestone,
        diffFields(undefined, snapshot(milestone, MILESTONE_FIELDS), MILESTONE_FIELDS),
      );
      await notifyLateMilestones(tx, project);
      return reload(tx, milestone);
    });
  },

  /** Progress on a milestone; the team may do this too. Moving the due date re-arms the late notice; delivering again clears the review. */
  async updateMilestone(ctx: Context, input: UpdateMilestoneInput): Promise<Milestone> {
    if (input.status === MilestoneStatus.ACCEPTED || input.status === MilestoneStatus.REJECTED)
      throw ProjectErrors.statusByAcceptance();
    return inTransaction(ctx, async (tx) => {
      const { milestone, project } = await requireMilestone(tx, input.id, 'post');
      if (milestone.status === MilestoneStatus.ACCEPTED) throw ProjectErrors.milestoneFinal(milestone.title);
      const before = snapshot(milestone, MILESTONE_FIELDS);
      const changed = new Set<string>();
      if (input.title != null) milestone.title = input.title.trim();
      if (input.dueDate != null && input.dueDate !== milestone.dueDate) {
        milestone.dueDate = input.dueDate;
        milestone.lateNotifiedAt = null;
        changed.add('lateNotifiedAt');
      }
      if (input.status != null && input.status !== milestone.status) {
        if (input.status === MilestoneStatus.DELIVERED) {
          Object.assign(milestone, {
            qualityPassed: null,
            qualityReviewerId: null,
            qualityNotes: null,
            qualityReviewedAt: null,
            rejectionReason: null,
          });
          changed.add('qualityReviewedAt');
        }
        milestone.status = input.status;
      }
      const changes = diffFields(before, snapshot(milestone, MILESTONE_FIELDS), MILESTONE_FIELDS);
      await compareAndSwap(tx, milestone, input.expectedVersion, [...Object.keys(changes), ...changed]);
      await recordAudit(tx, 'updateMilestone', milestone, changes);
      await notifyLateMilestones(tx, project);
      return reload(tx, milestone);
    });
  },

  /** Records the quality review of a DELIVERED milestone; the team may do this too. */
  async reviewMilestone(ctx: Context, input: ReviewMilestoneQualityInput): Promise<Milestone> {
    return inTransaction(ctx, async (tx) => {
      const { milestone, project } = await requireMilestone(tx, input.id, 'post');
      if (milestone.status !== MilestoneStatus.DELIVERED)
        throw ProjectErrors.notDelivered(milestone.title, milestone.status, 'review');
      const before = snapshot(milestone, MILESTONE_FIELDS);
      Object.assign(milestone, {
        qualityPassed: input.passed,
        qualityReviewerId: tx.viewer.id,
        qualityNotes: cleanText(input.notes) ?? null,
        qualityReviewedAt: new Date(),
      });
      const changes = diffFields(before, snapshot(milestone, MILESTONE_FIELDS), MILESTONE_FIELDS);
      await compareAndSwap(tx, milestone, milestone.version, [
        'qualityPassed',
        'qualityReviewerId',
        'qualityNotes',
        'qualityReviewedAt',
      ]);
      await recordAudit(tx, 'reviewMilestoneQuality', milestone, changes);
      await notifyLateMilestones(tx, project);
      return reload(tx, milestone);
    });
  },

  /** Records the client's acceptance of a DELIVERED milestone; a deliverable needs a passed quality review first. */
  async acceptMilestone(ctx: Context, input: AcceptMilestoneInput): Promise<Milestone> {
    return inTransaction(ctx, async (tx) => {
      const { milestone, project } = await requireMilestone(tx, input.id, 'write');
      const contact = await tx.loaders.contactById.load(decodeGlobalId(input.contactId, 'Contact', 'input.contactId'));
      if (!contact) throw new NotFoundError('Contact', input.contactId);
      if (contact.accountId !== project.accountId) throw ProjectErrors.contactOfOtherAccount();
      if (milestone.status !== MilestoneStatus.DELIVERED)
        throw ProjectErrors.notDelivered(milestone.title, milestone.status, 'accept');
      if (milestone.kind === MilestoneKind.DELIVERABLE) {
        if (milestone.qualityPassed === null) throw ProjectErrors.reviewMissing(milestone.title);
        if (!milestone.qualityPassed) throw ProjectErrors.reviewFailed(milestone.title);
      }
      const acceptedOn = input.acceptedOn ?? todayUtc();
      await transitionStatus(
        tx,
        milestone,
        [MilestoneStatus.DELIVERED],
        MilestoneStatus.ACCEPTED,
        { acceptedByContactId: contact.id, acceptedOn },
        `milestone "${milestone.title}"`,
      );
      await recordAudit(tx, 'acceptMilestone', milestone, {
        status: { before: MilestoneStatus.DELIVERED, after: MilestoneStatus.ACCEPTED },
        acceptedByContactId: { before: null, after: contact.id },
        acceptedOn: { before: null, after: acceptedOn },
      });
      await notifyLateMilestones(tx, project);
      return reload(tx, milestone);
    });
  },

  async rejectMilestone(ctx: Context, input: RejectMilestoneInput): Promise<Milestone> {
    return inTransaction(ctx, async (tx) => {
      const { milestone, project } = await requireMilestone(tx, input.id, 'write');
      const reason = input.reason.trim();
      await transitionStatus(
        tx,
        milestone,
        [MilestoneStatus.DELIVERED],
        MilestoneStatus.REJECTED,
        { rejectionReason: reason },
        `milestone "${milestone.title}"`,
      );
      await recordAudit(tx, 'rejectMilestone', milestone, {
        status: { before: MilestoneStatus.DELIVERED, after: MilestoneStatus.REJECTED },
        rejectionReason: { before: null, after: reason },
      });
      await notifyLateMilestones(tx, project);
      return reload(tx, milestone);
    });
  },
};

/**
 * Adds an approved change order's amount to the budget of the project it names, in the caller's
 * transaction (change-order approval): one guarded UPDATE that keeps the budget within 0..MAX_CENTS
 * and in the change order's currency. Zero rows means CONFLICT, and the approval rolls back with it.
 * A change order without a project changes no budget.
 */
export async function applyApprovedChangeOrderToProject(
  tx: Context,
  changeOrder: ChangeOrder,
): Promise<Project | null> {
  if (changeOrder.projectId === null) return null;
  const delta = changeOrder.amountDeltaCents;
  const result = await tx.em
    .createQueryBuilder()
    .update(Project)
    .set({ budgetCents: () => 'budgetCents + :delta', version: () => 'version + 1', updatedAt: new Date() })
    .where('id = :id AND currency = :currency AND budgetCents + :delta >= 0 AND budgetCents + :delta <= :max', {
      id: changeOrder.projectId,
      currency: changeOrder.currency,
      delta,
      max: MAX_CENTS,
    })
    .execute();
  const project = await currentProject(tx, changeOrder.projectId);
  if (result.affected !== 1) {
    if (project.currency !== changeOrder.currency) throw ProjectErrors.currencyMismatch('input.id', project.currency);
    throw ProjectErrors.budgetOutOfRange(project.name);
  }
  await recordAudit(tx, 'approveChangeOrder', project, {
    budgetCents: { before: project.budgetCents - delta, after: project.budgetCents },
    changeOrder: { before: null, after: changeOrder.globalId },
  });
  return project;
}

/** A project the viewer may read (its account in scope, or they are on its team), or NOT_FOUND. */
export async function requireReadableProject(ctx: Context, globalId: string, path: string): Promise<Project> {
  const project = await ctx.loaders.projectById.load(decodeGlobalId(globalId, 'Project', path));
  if (!project) throw new NotFoundError('Project', globalId);
  return project;
}

/** A project whose account the viewer may change: owner, team, their senior, executives, admins. */
async function requireWritableProject(ctx: Context, globalId: string, path: string): Promise<Project> {
  const project = await requireReadableProject(ctx, globalId, path);
  if (!(await ctx.scope.canWriteAccount(ctx.em, project.accountId))) throw ProjectErrors.cannotWrite(project.name);
  return project;
}

/** A project the viewer may post to: its account's writers, and the members of its team (never a BI reader). */
async function requirePostableProject(ctx: Context, globalId: string, path: string): Promise<Project> {
  const project = await requireReadableProject(ctx, globalId, path);
  await checkPostable(ctx, project);
  return project;
}

async function checkPostable(ctx: Context, project: Project): Promise<void> {
  if (ctx.scope.neverWrites) throw ProjectErrors.cannotPost(project.name);
  if (await isMember(ctx, project.id, ctx.viewer.id)) return;
  if (!(await ctx.scope.canWriteAccount(ctx.em, project.accountId))) throw ProjectErrors.cannotPost(project.name);
}

async function isMember(ctx: Context, projectId: number, userId: number): Promise<boolean> {
  return (
    (await ctx.em
      .createQueryBuilder(ProjectMember, 'pm')
      .where('pm.projectId = :projectId AND pm.userId = :userId', { projectId, userId })
      .getCount()) > 0
  );
}

/** A milestone and its project, checked for the team's updates ('post') or the account's writers only ('write'). */
async function requireMilestone(
  ctx: Context,
  globalId: string,
  authority: 'post' | 'write',
): Promise<{ milestone: Milestone; project: Project }> {
  const milestone = await ctx.loaders.milestoneById.load(decodeGlobalId(globalId, 'Milestone', 'input.id'));
  if (!milestone) throw new NotFoundError('Milestone', globalId);
  const project = (await ctx.loaders.projectById.load(milestone.projectId))!;
  if (authority === 'post') await checkPostable(ctx, project);
  else if (!(await ctx.scope.canWriteAccount(ctx.em, project.accountId))) throw ProjectErrors.cannotWrite(project.name);
  return { milestone, project };
}

/** Staff who can be on a project: active, and not a BI reader (a service account). */
async function requireEligibleMember(ctx: Context, globalId: string, path: string): Promise<User> {
  const user = await ctx.loaders.userById.load(decodeGlobalId(globalId, 'User', path));
  if (!user) throw new NotFoundError('User', globalId);
  if (!user.active || !hasRole(ProjectPolicy.rules.teamMembers, user.role))
    throw ProjectErrors.userNotEligible(path, user.name);
  return user;
}

/** The project as it is now, not as this transaction first saw it (locked until commit on MySQL/MariaDB). */
function currentProject(tx: Context, id: number): Promise<Project> {
  return lockRow(tx, Project, id);
}

async function reload(tx: Context, milestone: Milestone): Promise<Milestone> {
  return tx.em.findOneByOrFail(Milestone, { id: milestone.id });
}

async function notifyAccountOwner(
  tx: Context,
  project: Project,
  kind: NotificationKind,
  message: string,
  subject: Project | Milestone = project,
): Promise<void> {
  // Unscoped on purpose: a team member who posts may not see the account, but its owner is told.
  const account = await tx.em.findOne(Account, {
    where: { id: project.accountId },
    select: { id: true, ownerId: true },
  });
  if (account?.ownerId != null) await notify(tx, { recipientId: account.ownerId, kind, subject, message });
}

/**
 * MILESTONE_LATE rule: whenever a status update or a milestone change is written for a project, its
 * milestones that are late (not DELIVERED or ACCEPTED, due before today UTC) and not yet notified
 * are notified to the account owner, once each, in the same transaction; the milestone records
 * when (lateNotifiedAt). Moving a milestone's due date re-arms it.
 */
async function notifyLateMilestones(tx: Context, project: Project): Promise<void> {
  const qb = tx.em
    .createQueryBuilder(Milestone, 'm')
    .where(
      'm.projectId = :projectId AND m.status NOT IN (:...done) AND m.dueDate < :today AND m.lateNotifiedAt IS NULL',
      {
        projectId: project.id,
        done: DONE_MILESTONE_STATUSES,
        today: todayUtc(),
      },
    )
    .orderBy('m.dueDate', 'ASC')
    .addOrderBy('m.id', 'ASC');
  const late = await forUpdate(tx, qb).getMany();
  if (late.length === 0) return;
  const now = new Date();
  await tx.em
    .createQueryBuilder()
    .update(Milestone)
    .set({ lateNotifiedAt: now })
    .where('id IN (:...ids) AND lateNotifiedAt IS NULL', { ids: late.map((m) => m.id) })
    .execute();
  for (const milestone of late) {
    await notifyAccountOwner(
      tx,
      project,
      NotificationKind.MILESTONE_LATE,
      `"${milestone.title}" of project "${project.name}" was due ${milestone.dueDate} and is ${milestone.status}.`,
      milestone,
    );
  }
}
