import type { SelectQueryBuilder } from 'typeorm';
import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { addDays, todayUtc } from '../../common/dates';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId, tryDecodeGlobalId } from '../../common/global-id';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { lockRow } from '../../common/locking';
import { DEFAULT_CURRENCY, Money } from '../../common/money';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { cleanText } from '../../common/validation';
import { checkExpectedVersion, compareAndSwap, transitionStatus } from '../../common/versioned';
import { requireEligibleOwner, requireWritableAccount } from '../account/account.service';
import { periodStartSql, Granularity } from '../analytics/periods';
import { diffFields, recordAudit, snapshot } from '../audit/audit.service';
import { Contract, ContractType } from '../contract/contract.entity';
import { ContractErrors } from '../contract/contract.errors';
import { createDraftContract } from '../contract/contract.service';
import { requireOffering } from '../offering/offering.service';
import { Opportunity, OpportunityStage } from './opportunity.entity';
import { OpportunityErrors } from './opportunity.errors';
import {
  OpportunityOrderField,
  PipelineGroupBy,
  type CreateOpportunityInput,
  type LoseOpportunityInput,
  type MoveOpportunityStageInput,
  type OpportunityFilter,
  type OpportunityOrder,
  type OpportunityPipelineArgs,
  type UpdateOpportunityInput,
  type WinOpportunityInput,
} from './opportunity.inputs';
import { OpportunityPipelineRow } from './opportunity.types';
import { DEFAULT_PROBABILITY, isOpen, OPEN_STAGES, weightedCentsSql } from './pipeline.rules';

const AUDITED_FIELDS = [
  'accountId',
  'offeringId',
  'title',
  'description',
  'sourceProjectId',
  'sourceCommunicationId',
  'sourceClientIssueId',
  'status',
  'amountCents',
  'currency',
  'probability',
  'expectedCloseDate',
  'ownerId',
  'closedAt',
  'lostReason',
  'contractId',
] as const;

const SORTS: Record<OpportunityOrderField, Omit<SortOrder, 'direction'>> = {
  [OpportunityOrderField.EXPECTED_CLOSE]: { key: 'expectedClose', property: 'expectedCloseDate', kind: 'string' },
  [OpportunityOrderField.AMOUNT]: { key: 'amount', property: 'amountCents', kind: 'number' },
  [OpportunityOrderField.CREATED_AT]: { key: 'createdAt', property: 'createdAt', kind: 'date' },
  [OpportunityOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

type Source = Pick<Opportunity, 'sourceProjectId' | 'sourceCommunicationId' | 'sourceClientIssueId'>;
const NO_SOURCE: Source = { sourceProjectId: null, sourceCommunicationId: null, sourceClientIssueId: null };

const audited = (opportunity: Opportunity) => snapshot(opportunity, [...AUDITED_FIELDS]);

/** Opportunities for new work: the pipeline from a spotted need to a DRAFT contract. */
export const OpportunityService = {
  /** The opportunities the viewer may read that meet `filter`: the list's rows and the pipeline's. */
  query(ctx: Context, filter: OpportunityFilter | null | undefined): SelectQueryBuilder<Opportunity> {
    const qb = ctx.em.createQueryBuilder(Opportunity, 'opportunity');
    ctx.scope.restrictByAccountId(qb, 'opportunity');
    if (filter?.accountId)
      qb.andWhere('opportunity.accountId = :accountId', {
        accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
      });
    if (filter?.ownerId)
      qb.andWhere('opportunity.ownerId = :ownerId', {
        ownerId: decodeGlobalId(filter.ownerId, 'User', 'filter.ownerId'),
      });
    if (filter?.offeringId)
      qb.andWhere('opportunity.offeringId = :offeringId', {
        offeringId: decodeGlobalId(filter.offeringId, 'Offering', 'filter.offeringId'),
      });
    if (filter?.stages?.length) qb.andWhere('opportunity.status IN (:...stages)', { stages: filter.stages });
    if (filter?.open === true) qb.andWhere('opportunity.status IN (:...openStages)', { openStages: OPEN_STAGES });
    if (filter?.open === false) qb.andWhere('opportunity.status NOT IN (:...openStages)', { openStages: OPEN_STAGES });
    if (filter?.expectedCloseFrom)
      qb.andWhere('opportunity.expectedCloseDate >= :closeFrom', { closeFrom: filter.expectedCloseFrom });
    if (filter?.expectedCloseTo)
      qb.andWhere('opportunity.expectedCloseDate <= :closeTo', { closeTo: filter.expectedCloseTo });
    whereUpdatedSince(qb, 'opportunity', filter?.updatedSince);
    return qb;
  },

  list(
    ctx: Context,
    args: PageArgs,
    filter: OpportunityFilter | null | undefined,
    orderBy: OpportunityOrder | null | undefined,
  ): Promise<Connection<Opportunity>> {
    const order: SortOrder = {
      ...SORTS[orderBy?.field ?? OpportunityOrderField.EXPECTED_CLOSE],
      direction: orderBy?.direction ?? OrderDirection.ASC,
    };
    return paginate(this.query(ctx, filter), 'opportunity', order, args);
  },

  /**
   * The weighted pipeline: count, amount and weighted amount per owner and/or quarter of the
   * expected close, per currency, in one GROUP BY. Open opportunities unless the filter says which.
   */
  async pipeline(ctx: Context, args: OpportunityPipelineArgs): Promise<OpportunityPipelineRow[]> {
    const filter = { ...args.filter };
    if (filter.open == null && !filter.stages?.length) filter.open = true;
    const dialect = ctx.db.dialect;
    const byOwner = args.groupBy !== PipelineGroupBy.QUARTER;
    const byQuarter = args.groupBy !== PipelineGroupBy.OWNER;
    const qb = this.query(ctx, filter)
      .select('opportunity.currency', 'currency')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(opportunity.amountCents)', 'amount')
      .addSelect(`SUM(${weightedCentsSql(dialect, 'opportunity')})`, 'weighted')
      .groupBy('opportunity.currency')
      .orderBy('opportunity.currency', 'ASC');
    if (byOwner) qb.addSelect('opportunity.ownerId', 'ownerId').addGroupBy('opportunity.ownerId');
    if (byQuarter) {
      const quarter = periodStartSql(dialect, Granularity.QUARTER, 'opportunity.expectedCloseDate');
      qb.addSelect(quarter, 'quarter').addGroupBy(quarter);
    }
    const rows = await qb.getRawMany<Record<string, string | number | null>>();
    return rows
      .map((row) =>
        Object.assign(new OpportunityPipelineRow(), {
          ownerId: byOwner ? Number(row.ownerId) : null,
          quarter: byQuarter ? String(row.quarter) : null,
          currency: String(row.currency),
          count: Number(row.count),
          amount: Money.of(Number(row.amount), String(row.currency)),
          weightedAmount: Money.of(Number(row.weighted), String(row.currency)),
        }),
      )
      .sort(
        (a, b) =>
          (a.ownerId ?? 0) - (b.ownerId ?? 0) ||
          (a.quarter ?? '').localeCompare(b.quarter ?? '') ||
          a.currency.localeCompare(b.currency),
      );
  },

  async create(ctx: Context, input: CreateOpportunityInput): Promise<Opportunity> {
    const stage = input.stage ?? OpportunityStage.PROSPECTING;
    if (!isOpen(stage)) throw OpportunityErrors.notAnOpenStage(stage);
    return inTransaction(ctx, async (tx) => {
      const account = await requireWritableAccount(tx, input.accountId, 'input.accountId');
      const opportunity = stampNew(new Opportunity());
      Object.assign(opportunity, {
        accountId: account.id,
        offeringId: input.offeringId ? (await requireOffering(tx, input.offeringId, 'input.offeringId')).id : null,
        title: input.title.trim(),
        description: cleanText(input.description) ?? null,
        ...(input.sourceId ? await resolveSource(tx, input.sourceId, account.id) : NO_SOURCE),
        status: stage,
        amountCents: input.amount.amountCents,
        currency: input.amount.currency ?? DEFAULT_CURRENCY,
        probability: input.probability ?? DEFAULT_PROBABILITY[stage],
        expectedCloseDate: input.expectedCloseDate,
        ownerId: input.ownerId
          ? (await requireEligibleOwner(tx, input.ownerId, 'input.ownerId')).id
          : (account.ownerId ?? tx.viewer.id),
        closedAt: null,
        lostReason: null,
        contractId: null,
        createdById: tx.viewer.id,
      });
      const saved = await tx.em.save(opportunity);
      await recordAudit(tx, 'createOpportunity', saved, diffFields(undefined, audited(saved), AUDITED_FIELDS));
      return saved;
    });
  },

  async update(ctx: Context, input: UpdateOpportunityInput): Promise<Opportunity> {
    return inTransaction(ctx, async (tx) => {
      const opportunity = await requireWritableOpportunity(tx, input.id);
      if (!isOpen(opportunity.status)) throw OpportunityErrors.closed(opportunity.title, opportunity.status);
      const before = audited(opportunity);
      if (input.title != null) opportunity.title = input.title.trim();
      if (input.description !== undefined) opportunity.description = cleanText(input.description) ?? null;
      if (input.offeringId !== undefined)
        opportunity.offeringId = input.offeringId
          ? (await requireOffering(tx, input.offeringId, 'input.offeringId')).id
          : null;
      if (input.sourceId !== undefined)
        Object.assign(
          opportunity,
          input.sourceId ? await resolveSource(tx, input.sourceId, opportunity.accountId) : NO_SOURCE,
        );
      if (input.amount != null) {
        opportunity.amountCents = input.amount.amountCents;
        opportunity.currency = input.amount.currency ?? opportunity.currency;
      }
      if (input.probability != null) opportunity.probability = input.probability;
      if (input.expectedCloseDate != null) opportunity.expectedCloseDate = input.expectedCloseDate;
      if (input.ownerId != null)
        opportunity.ownerId = (await requireEligibleOwner(tx, input.ownerId, 'input.ownerId')).id;
      const changes = diffFields(before, audited(opportunity), AUDITED_FIELDS);
      await compareAndSwap(tx, opportunity, input.expectedVersion, Object.keys(changes));
      await recordAudit(tx, 'updateOpportunity', opportunity, changes);
      return opportunity;
    });
  },

  /** Moves an open opportunity to another open stage; forwards or back, never out of WON or LOST. */
  async moveStage(ctx: Context, input: MoveOpportunityStageInput): Promise<Opportunity> {
    if (!isOpen(input.stage)) throw OpportunityErrors.notAnOpenStage(input.stage);
    return inTransaction(ctx, async (tx) => {
      const opportunity = await requireWritableOpportunity(tx, input.id);
      checkExpectedVersion(opportunity, input.expectedVersion);
      if (!isOpen(opportunity.status)) throw OpportunityErrors.closed(opportunity.title, opportunity.status);
      if (opportunity.status === input.stage) throw OpportunityErrors.sameStage(input.stage);
      const before = audited(opportunity);
      await transitionStatus(
        tx,
        opportunity,
        OPEN_STAGES,
        input.stage,
        {
          probability: input.probability ?? DEFAULT_PROBABILITY[input.stage],
        },
        label(opportunity),
      );
      await recordAudit(
        tx,
        'moveOpportunityStage',
        opportunity,
        diffFields(before, audited(opportunity), AUDITED_FIELDS),
      );
      return opportunity;
    });
  },

  /**
   * Wins an open opportunity and creates its DRAFT contract in the same transaction, through the
   * contract's own rules (number, notice deadline, owner, audit). The opportunity's row is locked
   * first, so a second win of the same opportunity waits, then finds it WON: one contract, ever.
   */
  async win(ctx: Context, input: WinOpportunityInput): Promise<{ opportunity: Opportunity; contract: Contract }> {
    return inTransaction(ctx, async (tx) => {
      const readable = await requireWritableOpportunity(tx, input.id);
      const opportunity = await lockRow(tx, Opportunity, readable.id);
      checkExpectedVersion(opportunity, input.expectedVersion);
      if (!isOpen(opportunity.status)) throw OpportunityErrors.closed(opportunity.title, opportunity.status);
      const before = audited(opportunity);
      const terms = input.contract ?? {};
      const startDate = terms.startDate ?? todayUtc();
      const endDate = terms.endDate ?? addDays(addYear(startDate), -1);
      if (endDate < startDate) throw ContractErrors.endBeforeStart('input.contract.endDate');
      const account = (await tx.loaders.accountById.load(opportunity.accountId))!;
      const owner = (await tx.loaders.userById.load(opportunity.ownerId))!;
      const contract = await createDraftContract(tx, {
        accountId: account.globalId,
        title: terms.title?.trim() || opportunity.title,
        type: terms.type ?? ContractType.STATEMENT_OF_WORK,
        startDate,
        endDate,
        value: { amountCents: opportunity.amountCents, currency: opportunity.currency },
        noticePeriodDays: terms.noticePeriodDays ?? null,
        // An owner who has left cannot own the contract: it then goes to the account's owner.
        ownerId: owner.active ? owner.globalId : null,
      });
      await transitionStatus(
        tx,
        opportunity,
        OPEN_STAGES,
        OpportunityStage.WON,
        { probability: DEFAULT_PROBABILITY.WON, closedAt: new Date(), contractId: contract.id },
        label(opportunity),
      );
      await recordAudit(tx, 'winOpportunity', opportunity, diffFields(before, audited(opportunity), AUDITED_FIELDS));
      return { opportunity, contract };
    });
  },

  async lose(ctx: Context, input: LoseOpportunityInput): Promise<Opportunity> {
    return inTransaction(ctx, async (tx) => {
      const opportunity = await requireWritableOpportunity(tx, input.id);
      checkExpectedVersion(opportunity, input.expectedVersion);
      if (!isOpen(opportunity.status)) throw OpportunityErrors.closed(opportunity.title, opportunity.status);
      const before = audited(opportunity);
      await transitionStatus(
        tx,
        opportunity,
        OPEN_STAGES,
        OpportunityStage.LOST,
        { probability: DEFAULT_PROBABILITY.LOST, closedAt: new Date(), lostReason: input.reason.trim() },
        label(opportunity),
      );
      await recordAudit(tx, 'loseOpportunity', opportunity, diffFields(before, audited(opportunity), AUDITED_FIELDS));
      return opportunity;
    });
  },
};

function label(opportunity: Opportunity): string {
  return `opportunity "${opportunity.title}"`;
}

/** The same day a year later (29 February becomes 1 March). */
function addYear(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() + 1);
  return day.toISOString().slice(0, 10);
}

/** A source by global id: a readable Project, Communication or ClientIssue of the account, or a refusal. */
async function resolveSource(ctx: Context, globalId: string, accountId: number): Promise<Source> {
  const path = 'input.sourceId';
  const decoded = tryDecodeGlobalId(globalId);
  if (!decoded) throw OpportunityErrors.badSource(path);
  const loaders = ctx.loaders;
  const [row, kind] =
    decoded.typeName === 'Project'
      ? [await loaders.projectById.load(decoded.rowId), 'project']
      : decoded.typeName === 'Communication'
        ? [await loaders.communicationById.load(decoded.rowId), 'communication']
        : decoded.typeName === 'ClientIssue'
          ? [await loaders.clientIssueById.load(decoded.rowId), 'client issue']
          : [undefined, ''];
  if (row === undefined) throw OpportunityErrors.badSource(path);
  if (row === null) throw new NotFoundError(decoded.typeName, globalId);
  if (row.accountId !== accountId) throw OpportunityErrors.sourceOfAnotherAccount(path, kind);
  return {
    sourceProjectId: decoded.typeName === 'Project' ? row.id : null,
    sourceCommunicationId: decoded.typeName === 'Communication' ? row.id : null,
    sourceClientIssueId: decoded.typeName === 'ClientIssue' ? row.id : null,
  };
}

/** An opportunity the viewer may read (its account in scope), or NOT_FOUND. */
export async function requireReadableOpportunity(
  ctx: Context,
  globalId: string,
  path = 'input.id',
): Promise<Opportunity> {
  const opportunity = await ctx.loaders.opportunityById.load(decodeGlobalId(globalId, 'Opportunity', path));
  if (!opportunity) throw new NotFoundError('Opportunity', globalId);
  return opportunity;
}

/** An opportunity whose account the viewer may change. */
export async function requireWritableOpportunity(
  ctx: Context,
  globalId: string,
  path = 'input.id',
): Promise<Opportunity> {
  const opportunity = await requireReadableOpportunity(ctx, globalId, path);
  const account = await ctx.loaders.accountById.load(opportunity.accountId);
  await requireWritableAccount(ctx, account!.globalId, path);
  return opportunity;
}
