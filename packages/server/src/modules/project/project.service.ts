import type { SelectQueryBuilder } from 'typeorm';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { todayUtc } from '../../common/dates';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { lockRow } from '../../common/locking';
import { DEFAULT_CURRENCY, MAX_CENTS } from '../../common/money';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import type { Selection } from '../../common/selection';
import { notSql } from '../../common/sql-condition';
import type { ToOne } from '../../common/to-one';
import { cleanText } from '../../common/validation';
import { compareAndSwap } from '../../common/versioned';
import { requireWritableAccount } from '../account/account.service';
import { diffFields, recordAudit, snapshot } from '../audit/audit.service';
import type { ChangeOrder } from '../change-order/change-order.entity';
import type { Contract } from '../contract/contract.entity';
import { profitableSql, revenueShareCents } from './profitability.rules';
import { requireEligibleMember, requireWritableProject } from './project.access';
import { Project, ProjectMember, ProjectStatus } from './project.entity';
import { ProjectErrors } from './project.errors';
import {
  ProjectOrderField,
  type CreateProjectInput,
  type ProjectFilter,
  type ProjectOrder,
  type UpdateProjectInput,
} from './project.inputs';
import { restrictProjects } from './project.loaders';

// The project tests read the revenue rule from here.
export { revenueShareCents } from './profitability.rules';

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

const CLOSED_STATUSES: readonly ProjectStatus[] = [ProjectStatus.COMPLETED, ProjectStatus.CANCELLED];

const SORTS: Record<ProjectOrderField, Omit<SortOrder, 'direction'>> = {
  [ProjectOrderField.NAME]: { key: 'name', property: 'name', kind: 'string' },
  [ProjectOrderField.TARGET_END_DATE]: { key: 'targetEndDate', property: 'targetEndDate', kind: 'string' },
  [ProjectOrderField.CREATED_AT]: { key: 'created', property: 'createdAt', kind: 'date' },
  [ProjectOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

/**
 * The project itself: its listing, its details, budget and revenue. Its team, costs, status updates
 * and milestones have services of their own beside this one.
 */
export const ProjectService = {
  /** A page of the projects the viewer may read; newest first when no order is given. */
  /** The projects the viewer may read that meet `filter`: the list's rows and its export's. */
  query(ctx: Context, filter: ProjectFilter | null | undefined): SelectQueryBuilder<Project> {
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
      const profitable = profitableSql('project', ctx.db.dialect);
      qb.andWhere(filter.unprofitable ? notSql(profitable).sql : profitable.sql, profitable.params);
    }
    whereUpdatedSince(qb, 'project', filter?.updatedSince);
    return qb;
  },

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
    const qb = this.query(ctx, filter);
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

  async create(ctx: Context, input: CreateProjectInput): Promise<Project> {
    if (input.targetEndDate < input.startDate) throw ProjectErrors.endBeforeStart('input.targetEndDate');
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
  const project = await lockRow(tx, Project, changeOrder.projectId); // as committed now, not as this transaction first saw it
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
