import type { SelectQueryBuilder } from 'typeorm';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { addDays, daysBetween, todayUtc } from '../../common/dates';
import { BadInputError, NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { forUpdate, lockRow } from '../../common/locking';
import { DEFAULT_CURRENCY } from '../../common/money';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { nextSequenceValue } from '../../common/sequence';
import { checkExpectedVersion, compareAndSwap, transitionStatus } from '../../common/versioned';
import { requireEligibleOwner, requireWritableAccount } from '../account/account.service';
import { ApprovalDecisionKind, ApprovalSubjectType, type ApprovalDecision } from '../approval/approval.entity';
import { ApprovalEngine, type ApprovalSubject } from '../approval/approval.service';
import { diffFields, recordAudit } from '../audit/audit.service';
import { Contract, ContractStatus, ContractType } from './contract.entity';
import { ContractErrors } from './contract.errors';
import {
  ContractOrderField,
  type ApproveContractInput,
  type ContractFilter,
  type ContractOrder,
  type CreateContractInput,
  type RejectContractInput,
  type RenewContractInput,
  type SubmitContractInput,
  type TerminateContractInput,
  type UpdateContractInput,
} from './contract.inputs';

const AUDITED_FIELDS = [
  'accountId',
  'number',
  'title',
  'type',
  'status',
  'startDate',
  'endDate',
  'signedAt',
  'noticePeriodDays',
  'autoRenew',
  'valueCents',
  'currency',
  'ownerId',
  'renewalOfId',
] as const;
const DEFAULT_NOTICE_DAYS = 90;
const MAX_PIPELINE_DAYS = 730;

const SORTS: Record<ContractOrderField, Omit<SortOrder, 'direction'>> = {
  [ContractOrderField.END_DATE]: { key: 'endDate', property: 'endDate', kind: 'string' },
  [ContractOrderField.NOTICE_DEADLINE]: { key: 'noticeDeadline', property: 'noticeDeadline', kind: 'string' },
  [ContractOrderField.NUMBER]: { key: 'number', property: 'number', kind: 'string' },
  [ContractOrderField.CREATED_AT]: { key: 'createdAt', property: 'createdAt', kind: 'date' },
  [ContractOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

function snapshot(contract: Contract): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, contract[field]]));
}

/** How contracts plug into the approval engine: approved on their value. */
export const contractApproval: ApprovalSubject<Contract> = {
  type: ApprovalSubjectType.CONTRACT,
  label: (contract) => `contract ${contract.number}`,
  amount: (contract) => ({ amountCents: contract.valueCents, currency: contract.currency }),
  actions: { submit: 'submitContract', approve: 'approveContract', reject: 'rejectContract' },
};

/** Contracts and renewals: each contract has an owning account manager, the account's owner unless another is named. */
export const ContractService = {
  /** The contracts the viewer may read that meet `filter`: the list's rows and its export's. */
  query(ctx: Context, filter: ContractFilter | null | undefined): SelectQueryBuilder<Contract> {
    const qb = ctx.em.createQueryBuilder(Contract, 'contract');
    ctx.scope.restrictByAccountId(qb, 'contract');
    if (filter?.accountId)
      qb.andWhere('contract.accountId = :accountId', {
        accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
      });
    if (filter?.status?.length) qb.andWhere('contract.status IN (:...statuses)', { statuses: filter.status });
    if (filter?.type?.length) qb.andWhere('contract.type IN (:...types)', { types: filter.type });
    if (filter?.ownerId)
      qb.andWhere('contract.ownerId = :ownerId', { ownerId: decodeGlobalId(filter.ownerId, 'User', 'filter.ownerId') });
    if (filter?.endsWithinDays != null) {
      const today = todayUtc();
      qb.andWhere('contract.endDate >= :today AND contract.endDate <= :horizon', {
        today,
        horizon: addDays(today, filter.endsWithinDays),
      });
    }
    if (filter?.endsOnOrAfter)
      qb.andWhere('contract.endDate >= :endsOnOrAfter', { endsOnOrAfter: filter.endsOnOrAfter });
    if (filter?.endsOnOrBefore)
      qb.andWhere('contract.endDate <= :endsOnOrBefore', { endsOnOrBefore: filter.endsOnOrBefore });
    whereUpdatedSince(qb, 'contract', filter?.updatedSince);
    return qb;
  },

  async list(
    ctx: Context,
    args: PageArgs,
    filter: ContractFilter | null | undefined,
    orderBy: ContractOrder | null | undefined,
  ): Promise<Connection<Contract>> {
    const order: SortOrder = {
      ...SORTS[orderBy?.field ?? ContractOrderField.END_DATE],
      direction: orderBy?.direction ?? OrderDirection.ASC,
    };
    const qb = this.query(ctx, filter);
    return paginate(qb, 'contract', order, args);
  },

  /** Active contracts ending within `withinDays`, soonest notice deadline first: what needs a renewal decision. */
  async renewalPipeline(ctx: Context, args: PageArgs, withinDays: number): Promise<Connection<Contract>> {
    if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > MAX_PIPELINE_DAYS) {
      throw BadInputError.field('withinDays', `withinDays must be between 1 and ${MAX_PIPELINE_DAYS}`);
    }
    const today = todayUtc();
    const qb = ctx.em
      .createQueryBuilder(Contract, 'contract')
      .where('contract.status = :active', { active: ContractStatus.ACTIVE })
      .andWhere('contract.endDate >= :today AND contract.endDate <= :horizon', {
        today,
        horizon: addDays(today, withinDays),
      });
    ctx.scope.restrictByAccountId(qb, 'contract');
    return paginate(
      qb,
      'contract',
      { ...SORTS[ContractOrderField.NOTICE_DEADLINE], direction: OrderDirection.ASC },
      args,
    );
  },

  async create(ctx: Context, input: CreateContractInput): Promise<Contract> {
    checkTerm(input.startDate, input.endDate);
    return inTransaction(ctx, (tx) => createDraftContract(tx, input));
  },

  async update(ctx: Context, input: UpdateContractInput): Promise<Contract> {
    return inTransaction(ctx, async (tx) => {
      const contract = await requireWritableContract(tx, input.id);
      if (contract.status !== ContractStatus.DRAFT) throw ContractErrors.notDraft(contract.number, contract.status);
      const before = snapshot(contract);
      if (input.title != null) contract.title = input.title.trim();
      if (input.type != null) contract.type = input.type;
      if (input.startDate != null) contract.startDate = input.startDate;
      if (input.endDate != null) contract.endDate = input.endDate;
      checkTerm(contract.startDate, contract.endDate, input.endDate != null ? 'input.endDate' : 'input.startDate');
      if (input.value != null) {
        contract.valueCents = input.value.amountCents;
        contract.currency = input.value.currency ?? contract.currency;
      }
      if (input.noticePeriodDays != null) contract.noticePeriodDays = input.noticePeriodDays;
      if (input.autoRenew != null) contract.autoRenew = input.autoRenew;
      if (input.signedAt !== undefined) contract.signedAt = input.signedAt;
      if (input.ownerId != null) contract.ownerId = (await requireEligibleOwner(tx, input.ownerId, 'input.ownerId')).id;
      contract.noticeDeadline = addDays(contract.endDate, -contract.noticePeriodDays);
      const changes = diffFields(before, snapshot(contract), AUDITED_FIELDS);
      await compareAndSwap(tx, contract, input.expectedVersion, [...Object.keys(changes), 'noticeDeadline']);
      await recordAudit(tx, 'updateContract', contract, changes);
      return contract;
    });
  },

  async submit(ctx: Context, input: SubmitContractInput): Promise<Contract> {
    return inTransaction(ctx, async (tx) => {
      const contract = await requireWritableContract(tx, input.id);
      checkExpectedVersion(contract, input.expectedVersion);
      return ApprovalEngine.submit(tx, contractApproval, contract, [ContractStatus.DRAFT]);
    });
  },

  /** Approves a pending contract: it becomes ACTIVE, and a renewal's predecessor becomes RENEWED. */
  async approve(
    ctx: Context,
    input: ApproveContractInput,
  ): Promise<{ contract: Contract; decision: ApprovalDecision }> {
    return inTransaction(ctx, async (tx) => {
      const contract = await requireReadableContract(tx, input.id);
      checkExpectedVersion(contract, input.expectedVersion);
      const now = new Date();
      const decision = await ApprovalEngine.decide(
        tx,
        contractApproval,
        contract,
        ApprovalDecisionKind.APPROVED,
        ContractStatus.ACTIVE,
        input.note?.trim() || null,
        {
          approvedById: tx.viewer.id,
          approvedAt: now,
        },
      );
      if (contract.renewalOfId !== null) {
        const predecessor = await tx.em.findOneByOrFail(Contract, { id: contract.renewalOfId });
        await transitionStatus(
          tx,
          predecessor,
          [ContractStatus.ACTIVE, ContractStatus.EXPIRED],
          ContractStatus.RENEWED,
        );
        await recordAudit(tx, 'approveContract', predecessor, {
          status: { before: ContractStatus.ACTIVE, after: ContractStatus.RENEWED },
          renewedBy: { before: null, after: contract.globalId },
        });
      }
      return { contract, decision };
    });
  },

  async reject(ctx: Context, input: RejectContractInput): Promise<{ contract: Contract; decision: ApprovalDecision }> {
    return inTransaction(ctx, async (tx) => {
      const contract = await requireReadableContract(tx, input.id);
      checkExpectedVersion(contract, input.expectedVersion);
      const decision = await ApprovalEngine.decide(
        tx,
        contractApproval,
        contract,
        ApprovalDecisionKind.REJECTED,
        ContractStatus.DRAFT,
        input.reason.trim(),
        { submittedById: null },
      );
      return { contract, decision };
    });
  },

  /** Ends an active contract early; seniors, executives and admins only. */
  async terminate(ctx: Context, input: TerminateContractInput): Promise<Contract> {
    return inTransaction(ctx, async (tx) => {
      const contract = await requireWritableContract(tx, input.id);
      checkExpectedVersion(contract, input.expectedVersion);
      if (input.terminationDate < contract.startDate || input.terminationDate > contract.endDate)
        throw ContractErrors.terminationOutsideTerm();
      const reason = input.reason.trim();
      await transitionStatus(tx, contract, [ContractStatus.ACTIVE], ContractStatus.TERMINATED, {
        terminationDate: input.terminationDate,
        terminationReason: reason,
      });
      await recordAudit(tx, 'terminateContract', contract, {
        status: { before: ContractStatus.ACTIVE, after: ContractStatus.TERMINATED },
        terminationDate: { before: null, after: input.terminationDate },
        terminationReason: { before: null, after: reason },
      });
      return contract;
    });
  },

  /**
   * Starts a renewal: a DRAFT linked to an ACTIVE or EXPIRED predecessor; one open renewal at a time.
   * The predecessor's row is locked before the check, so concurrent renewals of one contract queue
   * there and each sees the renewal the one before it committed: one DRAFT, CONFLICT for the rest.
   */
  async renew(ctx: Context, input: RenewContractInput): Promise<Contract> {
    return inTransaction(ctx, async (tx) => {
      const readable = await requireWritableContract(tx, input.id);
      const predecessor = await lockRow(tx, Contract, readable.id);
      checkExpectedVersion(predecessor, input.expectedVersion);
      if (predecessor.status !== ContractStatus.ACTIVE && predecessor.status !== ContractStatus.EXPIRED) {
        throw ContractErrors.cannotRenew(predecessor.number, predecessor.status);
      }
      // A locking read as well: a plain one would show this transaction's snapshot, taken before the lock.
      const open = await forUpdate(
        tx,
        tx.em.createQueryBuilder(Contract, 'c').where('c.renewalOfId = :id AND c.status IN (:...open)', {
          id: predecessor.id,
          open: [ContractStatus.DRAFT, ContractStatus.PENDING_APPROVAL],
        }),
      ).getOne();
      if (open) throw ContractErrors.renewalOpen(predecessor.number, open.number);
      const startDate = input.startDate ?? addDays(predecessor.endDate, 1);
      const endDate = input.endDate ?? addDays(startDate, daysBetween(predecessor.startDate, predecessor.endDate));
      checkTerm(startDate, endDate);
      const renewal = stampNew(new Contract());
      Object.assign(renewal, {
        accountId: predecessor.accountId,
        number: await nextContractNumber(tx, startDate),
        title: input.title?.trim() || `${predecessor.title} (renewal)`.slice(0, 200),
        type: ContractType.RENEWAL,
        status: ContractStatus.DRAFT,
        startDate,
        endDate,
        signedAt: null,
        noticePeriodDays: predecessor.noticePeriodDays,
        noticeDeadline: addDays(endDate, -predecessor.noticePeriodDays),
        autoRenew: predecessor.autoRenew,
        valueCents: input.value?.amountCents ?? predecessor.valueCents,
        currency: input.value ? (input.value.currency ?? DEFAULT_CURRENCY) : predecessor.currency,
        ownerId: predecessor.ownerId,
        renewalOfId: predecessor.id,
        createdById: tx.viewer.id,
        submittedById: null,
        approvedById: null,
        approvedAt: null,
        terminationDate: null,
        terminationReason: null,
      });
      const saved = await tx.em.save(renewal);
      await recordAudit(tx, 'renewContract', saved, diffFields(undefined, snapshot(saved), AUDITED_FIELDS));
      return saved;
    });
  },
};

/**
 * Writes a DRAFT contract and its audit event inside the caller's transaction (`tx`): createContract,
 * and a won opportunity, whose contract commits or fails with it.
 */
export async function createDraftContract(tx: Context, input: CreateContractInput): Promise<Contract> {
  checkTerm(input.startDate, input.endDate);
  const account = await requireWritableAccount(tx, input.accountId, 'input.accountId');
  const contract = stampNew(new Contract());
  Object.assign(contract, {
    accountId: account.id,
    number: await nextContractNumber(tx, input.startDate),
    title: input.title.trim(),
    type: input.type,
    status: ContractStatus.DRAFT,
    startDate: input.startDate,
    endDate: input.endDate,
    signedAt: input.signedAt ?? null,
    noticePeriodDays: input.noticePeriodDays ?? DEFAULT_NOTICE_DAYS,
    autoRenew: input.autoRenew ?? false,
    valueCents: input.value.amountCents,
    currency: input.value.currency ?? DEFAULT_CURRENCY,
    ownerId: input.ownerId
      ? (await requireEligibleOwner(tx, input.ownerId, 'input.ownerId')).id
      : (account.ownerId ?? tx.viewer.id),
    renewalOfId: null,
    createdById: tx.viewer.id,
    submittedById: null,
    approvedById: null,
    approvedAt: null,
    terminationDate: null,
    terminationReason: null,
  });
  contract.noticeDeadline = addDays(contract.endDate, -contract.noticePeriodDays);
  const saved = await tx.em.save(contract);
  await recordAudit(tx, 'createContract', saved, diffFields(undefined, snapshot(saved), AUDITED_FIELDS));
  return saved;
}

function checkTerm(startDate: string, endDate: string, path = 'input.endDate'): void {
  if (endDate < startDate) throw ContractErrors.endBeforeStart(path);
}

/** C-<start year>-<4 digits>, sequential per year with no gaps. */
async function nextContractNumber(ctx: Context, startDate: string): Promise<string> {
  const year = startDate.slice(0, 4);
  const value = await nextSequenceValue(ctx, `contract-${year}`);
  return `C-${year}-${String(value).padStart(4, '0')}`;
}

/** A contract the viewer may read (its account in scope), or NOT_FOUND. */
export async function requireReadableContract(ctx: Context, globalId: string, path = 'input.id'): Promise<Contract> {
  const contract = await ctx.loaders.contractById.load(decodeGlobalId(globalId, 'Contract', path));
  if (!contract) throw new NotFoundError('Contract', globalId);
  return contract;
}

/** A contract whose account the viewer may change. */
export async function requireWritableContract(ctx: Context, globalId: string, path = 'input.id'): Promise<Contract> {
  const contract = await requireReadableContract(ctx, globalId, path);
  const account = await ctx.loaders.accountById.load(contract.accountId);
  await requireWritableAccount(ctx, account!.globalId, path);
  return contract;
}
