import type { SelectQueryBuilder } from 'typeorm';
import { stampNew, type BaseRecord } from '../../common/base.entity';
import { inTransaction, type Context } from '../../common/context';
import type { LocalDate } from '../../common/dates';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { hasRole } from '../../common/policy';
import { cleanText } from '../../common/validation';
import { checkExpectedVersion, compareAndSwap } from '../../common/versioned';
import { requireWritableAccount } from '../account/account.service';
import { diffFields, recordAudit, recordDeletion, snapshot } from '../audit/audit.service';
import type { Communication } from '../communication/communication.entity';
import type { Contact } from '../contact/contact.entity';
import type { Offering } from '../offering/offering.entity';
import type { Opportunity } from '../opportunity/opportunity.entity';
import type { Project } from '../project/project.entity';
import type { User } from '../user/user.entity';
import {
  ClientGoal,
  ClientGoalOffering,
  ClientGoalOpportunity,
  ClientGoalPriority,
  ClientGoalProject,
  ClientGoalReview,
  ClientGoalStatus,
  PRIORITY_RANK,
} from './success-plan.entity';
import { SuccessPlanErrors } from './success-plan.errors';
import {
  ClientGoalOrderField,
  type ClientGoalFilter,
  type ClientGoalOrder,
  type CreateClientGoalInput,
  type DeleteClientGoalInput,
  type LinkClientGoalInput,
  type ReviewClientGoalInput,
  type UnlinkClientGoalInput,
  type UpdateClientGoalInput,
} from './success-plan.inputs';
import { restrictGoals } from './success-plan.loaders';
import { SuccessPlanPolicy } from './success-plan.policy';

const AUDITED_FIELDS = [
  'accountId',
  'year',
  'title',
  'description',
  'category',
  'measure',
  'baseline',
  'target',
  'currentValue',
  'targetDate',
  'status',
  'priority',
  'clientOwnerId',
  'ownerId',
] as const satisfies readonly (keyof ClientGoal)[];

const SORTS: Record<ClientGoalOrderField, Omit<SortOrder, 'direction'>> = {
  [ClientGoalOrderField.TARGET_DATE]: { key: 'targetDate', property: 'targetDate', kind: 'string' },
  [ClientGoalOrderField.PRIORITY]: { key: 'priority', property: 'priorityRank', kind: 'number' },
  [ClientGoalOrderField.CREATED_AT]: { key: 'createdAt', property: 'createdAt', kind: 'date' },
  [ClientGoalOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

/** The sort order of a goal list: soonest target date first unless told otherwise. */
export function goalOrder(orderBy: ClientGoalOrder | null | undefined): SortOrder {
  return {
    ...SORTS[orderBy?.field ?? ClientGoalOrderField.TARGET_DATE],
    direction: orderBy?.direction ?? OrderDirection.ASC,
  };
}

/** The filter's conditions other than the account, on goals at `alias` (the root list's and each account's). */
export function applyGoalFilter(
  qb: SelectQueryBuilder<ClientGoal>,
  alias: string,
  filter: ClientGoalFilter | null | undefined,
  ownerId: number | null,
): void {
  if (filter?.year != null) qb.andWhere(`${alias}.year = :goalYear`, { goalYear: filter.year });
  if (filter?.status?.length) qb.andWhere(`${alias}.status IN (:...goalStatuses)`, { goalStatuses: filter.status });
  if (filter?.category?.length)
    qb.andWhere(`${alias}.category IN (:...goalCategories)`, { goalCategories: filter.category });
  if (ownerId !== null) qb.andWhere(`${alias}.ownerId = :goalOwnerId`, { goalOwnerId: ownerId });
  if (filter?.targetBefore) qb.andWhere(`${alias}.targetDate <= :targetBefore`, { targetBefore: filter.targetBefore });
  whereUpdatedSince(qb, alias, filter?.updatedSince);
}

/** The owner named by a filter, decoded (a malformed id is the caller's mistake). */
export function filterOwnerId(filter: ClientGoalFilter | null | undefined): number | null {
  return filter?.ownerId ? decodeGlobalId(filter.ownerId, 'User', 'filter.ownerId') : null;
}

function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

function checkTargetDate(targetDate: LocalDate, year: number, path: string): void {
  if (yearOf(targetDate) < year) throw SuccessPlanErrors.targetBeforeYear(path, year);
}

/** Success plans: each account's goals per year, what serves them, and their reviews. */
export const SuccessPlanService = {
  /** The goals the viewer may read that meet `filter`. */
  query(ctx: Context, filter: ClientGoalFilter | null | undefined): SelectQueryBuilder<ClientGoal> {
    const qb = ctx.em.createQueryBuilder(ClientGoal, 'goal');
    restrictGoals(ctx.scope)(qb, 'goal');
    if (filter?.accountId)
      qb.andWhere('goal.accountId = :accountId', {
        accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
      });
    applyGoalFilter(qb, 'goal', filter, filterOwnerId(filter));
    return qb;
  },

  list(
    ctx: Context,
    args: PageArgs,
    filter: ClientGoalFilter | null | undefined,
    orderBy: ClientGoalOrder | null | undefined,
  ): Promise<Connection<ClientGoal>> {
    return paginate(this.query(ctx, filter), 'goal', goalOrder(orderBy), args);
  },

  /** One account's goals (the account was read through a scoped path), batched over a page of accounts. */
  accountGoals(
    ctx: Context,
    accountId: number,
    args: PageArgs,
    filter: ClientGoalFilter | null | undefined,
    orderBy: ClientGoalOrder | null | undefined,
  ): Promise<Connection<ClientGoal>> {
    const order = goalOrder(orderBy);
    const ownerId = filterOwnerId(filter);
    const { accountId: _ignored, ...conditions } = filter ?? {};
    const key = JSON.stringify([order, conditions]);
    return ctx.loaders.accountClientGoals
      .list(key, order, (qb, alias) => applyGoalFilter(qb, alias, filter, ownerId))
      .page(accountId, args);
  },

  async create(ctx: Context, input: CreateClientGoalInput): Promise<ClientGoal> {
    const year = input.year ?? yearOf(input.targetDate);
    checkTargetDate(input.targetDate, year, 'input.targetDate');
    return inTransaction(ctx, async (tx) => {
      const account = await requireWritableAccount(tx, input.accountId, 'input.accountId');
      const priority = input.priority ?? ClientGoalPriority.MEDIUM;
      const goal = stampNew(new ClientGoal());
      Object.assign(goal, {
        accountId: account.id,
        year,
        title: input.title.trim(),
        description: cleanText(input.description) ?? null,
        category: input.category,
        measure: input.measure.trim(),
        baseline: cleanText(input.baseline) ?? null,
        target: cleanText(input.target) ?? null,
        currentValue: cleanText(input.baseline) ?? null,
        targetDate: input.targetDate,
        status: ClientGoalStatus.NOT_STARTED,
        priority,
        priorityRank: PRIORITY_RANK[priority],
        clientOwnerId: input.clientOwnerId
          ? (await requireAccountContact(tx, input.clientOwnerId, account.id, 'input.clientOwnerId')).id
          : null,
        ownerId: input.ownerId
          ? (await requireGoalOwner(tx, input.ownerId, 'input.ownerId')).id
          : (account.ownerId ?? tx.viewer.id),
        createdById: tx.viewer.id,
        lastReviewedAt: null,
      } satisfies Partial<ClientGoal>);
      const saved = await tx.em.save(goal);
      await recordAudit(
        tx,
        'createClientGoal',
        saved,
        diffFields(undefined, snapshot(saved, AUDITED_FIELDS), AUDITED_FIELDS),
      );
      return saved;
    });
  },

  async update(ctx: Context, input: UpdateClientGoalInput): Promise<ClientGoal> {
    return inTransaction(ctx, async (tx) => {
      const goal = await requireWritableGoal(tx, input.id, 'input.id');
      checkExpectedVersion(goal, input.expectedVersion);
      if (goal.closed) throw SuccessPlanErrors.closed(goal.title, goal.status);
      const before = snapshot(goal, AUDITED_FIELDS);
      if (input.title != null) goal.title = input.title.trim();
      if (input.description !== undefined) goal.description = cleanText(input.description) ?? null;
      if (input.category != null) goal.category = input.category;
      if (input.measure != null) goal.measure = input.measure.trim();
      if (input.baseline !== undefined) goal.baseline = cleanText(input.baseline) ?? null;
      if (input.target !== undefined) goal.target = cleanText(input.target) ?? null;
      if (input.targetDate != null) {
        checkTargetDate(input.targetDate, goal.year, 'input.targetDate');
        goal.targetDate = input.targetDate;
      }
      if (input.priority != null) {
        goal.priority = input.priority;
        goal.priorityRank = PRIORITY_RANK[input.priority];
      }
      if (input.clientOwnerId !== undefined)
        goal.clientOwnerId = input.clientOwnerId
          ? (await requireAccountContact(tx, input.clientOwnerId, goal.accountId, 'input.clientOwnerId')).id
          : null;
      if (input.ownerId != null) goal.ownerId = (await requireGoalOwner(tx, input.ownerId, 'input.ownerId')).id;
      const changes = diffFields(before, snapshot(goal, AUDITED_FIELDS), AUDITED_FIELDS);
      const columns = Object.keys(changes);
      if (changes.priority) columns.push('priorityRank');
      await compareAndSwap(tx, goal, input.expectedVersion, columns);
      await recordAudit(tx, 'updateClientGoal', goal, changes);
      return goal;
    });
  },

  /**
   * Records a review: the status it sets (the same one confirms it), what was concluded, the value
   * measured and where it was held; the goal takes the new status and value in the same transaction.
   */
  async review(
    ctx: Context,
    input: ReviewClientGoalInput,
  ): Promise<{ clientGoal: ClientGoal; review: ClientGoalReview }> {
    const now = new Date();
    if (input.reviewedAt && input.reviewedAt > now) throw SuccessPlanErrors.reviewedInFuture('input.reviewedAt');
    return inTransaction(ctx, async (tx) => {
      const goal = await requireWritableGoal(tx, input.goalId, 'input.goalId');
      checkExpectedVersion(goal, input.expectedVersion);
      if (input.status === ClientGoalStatus.NOT_STARTED && goal.status !== ClientGoalStatus.NOT_STARTED)
        throw SuccessPlanErrors.backToNotStarted(goal.title, goal.status);
      const communication = input.communicationId
        ? await requireAccountCommunication(tx, input.communicationId, goal.accountId)
        : null;
      const reviewedAt = input.reviewedAt ?? communication?.occurredAt ?? now;
      const path = input.reviewedAt ? 'input.reviewedAt' : 'input.communicationId';
      // A meeting logged ahead of time has not happened yet: nothing was reviewed at it.
      if (reviewedAt > now) throw SuccessPlanErrors.reviewedInFuture(path);
      // Reviews go in the order they took place, so each one's `fromStatus` is the one before it.
      if (goal.lastReviewedAt && reviewedAt < goal.lastReviewedAt)
        throw SuccessPlanErrors.reviewedBeforeLast(path, goal.lastReviewedAt);
      const before = snapshot(goal, AUDITED_FIELDS);
      const review = stampNew(new ClientGoalReview(), now);
      Object.assign(review, {
        goalId: goal.id,
        fromStatus: goal.status,
        toStatus: input.status,
        note: input.note.trim(),
        measuredValue: cleanText(input.measuredValue) ?? null,
        reviewedAt,
        reviewedById: tx.viewer.id,
        communicationId: communication?.id ?? null,
      } satisfies Partial<ClientGoalReview>);
      goal.status = input.status;
      if (review.measuredValue !== null) goal.currentValue = review.measuredValue;
      goal.lastReviewedAt = reviewedAt;
      const changes = diffFields(before, snapshot(goal, AUDITED_FIELDS), AUDITED_FIELDS);
      await compareAndSwap(tx, goal, input.expectedVersion, [...Object.keys(changes), 'lastReviewedAt']);
      const saved = await tx.em.save(review);
      await recordAudit(tx, 'reviewClientGoal', goal, {
        ...changes,
        review: { before: null, after: saved.globalId },
      });
      return { clientGoal: goal, review: saved };
    });
  },

  /** A project or opportunity of the same account, or an offering, now serves the goal. */
  async link(ctx: Context, input: LinkClientGoalInput): Promise<LinkResult> {
    return inTransaction(ctx, async (tx) => {
      const { goal, target } = await requireGoalAndTarget(tx, input);
      // The version bump first: concurrent links and unlinks of one goal queue on its row.
      await compareAndSwap(tx, goal, input.expectedVersion ?? goal.version, []);
      if (await tx.em.findOneBy(target.link, target.where(goal.id)))
        throw SuccessPlanErrors.alreadyLinked(goal.title, target.label);
      await tx.em.insert(target.link, { ...target.where(goal.id), linkedById: tx.viewer.id, linkedAt: goal.updatedAt });
      await recordAudit(tx, 'linkClientGoal', goal, { [target.kind]: { before: null, after: target.record.globalId } });
      return { clientGoal: goal, ...target.result };
    });
  },

  async unlink(ctx: Context, input: UnlinkClientGoalInput): Promise<LinkResult> {
    return inTransaction(ctx, async (tx) => {
      const { goal, target } = await requireGoalAndTarget(tx, input);
      await compareAndSwap(tx, goal, input.expectedVersion ?? goal.version, []);
      const removed = await tx.em.delete(target.link, target.where(goal.id));
      if (!removed.affected) throw SuccessPlanErrors.notLinked(goal.title, target.label);
      await recordAudit(tx, 'unlinkClientGoal', goal, {
        [target.kind]: { before: target.record.globalId, after: null },
      });
      return { clientGoal: goal, ...target.result };
    });
  },

  /** Removes a goal with its links and its review history; the audit event is its tombstone. */
  async delete(
    ctx: Context,
    input: DeleteClientGoalInput,
  ): Promise<{ deletedClientGoalId: string; accountId: number }> {
    return inTransaction(ctx, async (tx) => {
      const goal = await requireWritableGoal(tx, input.id, 'input.id');
      checkExpectedVersion(goal, input.expectedVersion);
      const globalId = goal.globalId;
      // Not left to ON DELETE CASCADE alone: the rows go in this transaction whatever the connection's settings.
      for (const link of [ClientGoalProject, ClientGoalOffering, ClientGoalOpportunity, ClientGoalReview])
        await tx.em.delete(link, { goalId: goal.id });
      const result = await tx.em
        .createQueryBuilder()
        .delete()
        .from(ClientGoal)
        .where('id = :id AND version = :version', { id: goal.id, version: goal.version })
        .execute();
      if (result.affected !== 1) throw SuccessPlanErrors.changedMeanwhile(goal.title);
      await recordDeletion(
        tx,
        'deleteClientGoal',
        goal,
        diffFields(snapshot(goal, AUDITED_FIELDS), undefined, AUDITED_FIELDS),
      );
      return { deletedClientGoalId: globalId, accountId: goal.accountId };
    });
  },
};

/** A goal the viewer may read, or NOT_FOUND. */
export async function requireReadableGoal(ctx: Context, globalId: string, path: string): Promise<ClientGoal> {
  const goal = await ctx.loaders.clientGoalById.load(decodeGlobalId(globalId, 'ClientGoal', path));
  if (!goal) throw new NotFoundError('ClientGoal', globalId);
  return goal;
}

/** A goal whose account the viewer may change; a project member who reads it is refused (FORBIDDEN). */
async function requireWritableGoal(ctx: Context, globalId: string, path: string): Promise<ClientGoal> {
  const goal = await requireReadableGoal(ctx, globalId, path);
  if (!(await ctx.scope.canWriteAccount(ctx.em, goal.accountId))) throw SuccessPlanErrors.cannotWrite(goal.title);
  return goal;
}

/** What a link or unlink answers: the goal and the record linked, the others null. */
interface LinkResult {
  clientGoal: ClientGoal;
  project: Project | null;
  offering: Offering | null;
  opportunity: Opportunity | null;
}

/** The thing a link names, with its link table. */
interface LinkTarget {
  kind: 'project' | 'offering' | 'opportunity';
  link: typeof ClientGoalProject | typeof ClientGoalOffering | typeof ClientGoalOpportunity;
  where: (goalId: number) => Record<string, number>;
  record: BaseRecord;
  label: string;
  result: Omit<LinkResult, 'clientGoal'>;
}

const NOTHING_LINKED = { project: null, offering: null, opportunity: null };

async function requireGoalAndTarget(
  ctx: Context,
  input: LinkClientGoalInput,
): Promise<{ goal: ClientGoal; target: LinkTarget }> {
  const named = [input.projectId, input.offeringId, input.opportunityId].filter((id) => id != null);
  if (named.length !== 1) throw SuccessPlanErrors.oneTarget();
  const goal = await requireWritableGoal(ctx, input.goalId, 'input.goalId');
  checkExpectedVersion(goal, input.expectedVersion);
  if (input.projectId) {
    const project = await ctx.loaders.projectById.load(decodeGlobalId(input.projectId, 'Project', 'input.projectId'));
    if (!project) throw new NotFoundError('Project', input.projectId);
    if (project.accountId !== goal.accountId)
      throw SuccessPlanErrors.projectOfOtherAccount('input.projectId', project.name);
    const where = (goalId: number) => ({ goalId, projectId: project.id });
    const label = `project "${project.name}"`;
    return {
      goal,
      target: {
        kind: 'project',
        link: ClientGoalProject,
        where,
        record: project,
        label,
        result: { ...NOTHING_LINKED, project },
      },
    };
  }
  if (input.offeringId) {
    const path = 'input.offeringId';
    const offering = await ctx.loaders.offeringById.load(decodeGlobalId(input.offeringId, 'Offering', path));
    if (!offering) throw new NotFoundError('Offering', input.offeringId);
    const where = (goalId: number) => ({ goalId, offeringId: offering.id });
    const label = `offering "${offering.name}"`;
    return {
      goal,
      target: {
        kind: 'offering',
        link: ClientGoalOffering,
        where,
        record: offering,
        label,
        result: { ...NOTHING_LINKED, offering },
      },
    };
  }
  const path = 'input.opportunityId';
  const opportunityId = input.opportunityId as string;
  const opportunity = await ctx.loaders.opportunityById.load(decodeGlobalId(opportunityId, 'Opportunity', path));
  if (!opportunity) throw new NotFoundError('Opportunity', opportunityId);
  if (opportunity.accountId !== goal.accountId)
    throw SuccessPlanErrors.opportunityOfOtherAccount(path, opportunity.title);
  const where = (goalId: number) => ({ goalId, opportunityId: opportunity.id });
  const label = `opportunity "${opportunity.title}"`;
  return {
    goal,
    target: {
      kind: 'opportunity',
      link: ClientGoalOpportunity,
      where,
      record: opportunity,
      label,
      result: { ...NOTHING_LINKED, opportunity },
    },
  };
}

async function requireAccountContact(
  ctx: Context,
  globalId: string,
  accountId: number,
  path: string,
): Promise<Contact> {
  const contact = await ctx.loaders.contactById.load(decodeGlobalId(globalId, 'Contact', path));
  if (!contact) throw new NotFoundError('Contact', globalId);
  if (contact.accountId !== accountId) throw SuccessPlanErrors.contactOfOtherAccount(path, contact.name);
  return contact;
}

async function requireAccountCommunication(ctx: Context, globalId: string, accountId: number): Promise<Communication> {
  const path = 'input.communicationId';
  const communication = await ctx.loaders.communicationById.load(decodeGlobalId(globalId, 'Communication', path));
  if (!communication) throw new NotFoundError('Communication', globalId);
  if (communication.accountId !== accountId)
    throw SuccessPlanErrors.communicationOfOtherAccount(path, communication.subject);
  return communication;
}

/** Active staff other than BI readers (service accounts) may own a goal. */
async function requireGoalOwner(ctx: Context, globalId: string, path: string): Promise<User> {
  const user = await ctx.loaders.userById.load(decodeGlobalId(globalId, 'User', path));
  if (!user) throw new NotFoundError('User', globalId);
  if (!user.active || !hasRole(SuccessPlanPolicy.rules.goalOwners, user.role))
    throw SuccessPlanErrors.ownerNotEligible(path, user.name);
  return user;
}
