import type { SelectQueryBuilder } from 'typeorm';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { addDays } from '../../common/dates';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { lockRow } from '../../common/locking';
import { DEFAULT_CURRENCY, formatMoney, MAX_CENTS, type MoneyInput } from '../../common/money';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { nextSequenceValue } from '../../common/sequence';
import { cleanText } from '../../common/validation';
import { checkExpectedVersion, compareAndSwap, transitionStatus } from '../../common/versioned';
import { requireWritableAccount } from '../account/account.service';
import { ApprovalDecisionKind, ApprovalSubjectType, type ApprovalDecision } from '../approval/approval.entity';
import { ApprovalEngine, type ApprovalSubject } from '../approval/approval.service';
import { diffFields, recordAudit } from '../audit/audit.service';
import { Contract, ContractStatus } from '../contract/contract.entity';
import { requireWritableContract } from '../contract/contract.service';
import { requireReadableProject } from '../project/project.access';
import { applyApprovedChangeOrderToProject } from '../project/project.service';
import { ChangeOrder, ChangeOrderStatus } from './change-order.entity';
import { ChangeOrderErrors } from './change-order.errors';
import {
  ChangeOrderOrderField,
  type ApproveChangeOrderInput,
  type ChangeOrderFilter,
  type ChangeOrderOrder,
  type CreateChangeOrderInput,
  type RejectChangeOrderInput,
  type SubmitChangeOrderInput,
  type UpdateChangeOrderInput,
  type WithdrawChangeOrderInput,
} from './change-order.inputs';

const AUDITED_FIELDS = [
  'contractId',
  'accountId',
  'number',
  'title',
  'description',
  'amountDeltaCents',
  'currency',
  'scheduleImpactDays',
  'status',
] as const;

const SORTS: Record<ChangeOrderOrderField, Omit<SortOrder, 'direction'>> = {
  [ChangeOrderOrderField.CREATED_AT]: { key: 'createdAt', property: 'createdAt', kind: 'date' },
  [ChangeOrderOrderField.NUMBER]: { key: 'number', property: 'number', kind: 'string' },
  [ChangeOrderOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

function snapshot(changeOrder: ChangeOrder): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, changeOrder[field]]));
}

/**
 * How change orders plug into the approval engine: the approver's limit is checked against the size
 * of the change, |amountDelta| (a cut needs the same authority as a rise); the decision records the signed delta.
 */
export const changeOrderApproval: ApprovalSubject<ChangeOrder> = {
  type: ApprovalSubjectType.CHANGE_ORDER,
  label: (changeOrder) => `change order ${changeOrder.number}`,
  amount: (changeOrder) => ({ amountCents: changeOrder.amountDeltaCents, currency: changeOrder.currency }),
  actions: {
    submit: 'submitChangeOrder',
    approve: 'approveChangeOrder',
    reject: 'rejectChangeOrder',
    withdraw: 'withdrawChangeOrder',
  },
};

/** Change orders on active contracts: raised by the account team, approved within authority, added to the contract's value. */
export const ChangeOrderService = {
  /** The change orders the viewer may read that meet `filter`: the list's rows and its export's. */
  query(ctx: Context, filter: ChangeOrderFilter | null | undefined): SelectQueryBuilder<ChangeOrder> {
    const qb = ctx.em.createQueryBuilder(ChangeOrder, 'co');
    ctx.scope.restrictByAccountId(qb, 'co');
    if (filter?.accountId)
      qb.andWhere('co.accountId = :accountId', {
        accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
      });
    if (filter?.contractId)
      qb.andWhere('co.contractId = :contractId', {
        contractId: decodeGlobalId(filter.contractId, 'Contract', 'filter.contractId'),
      });
    if (filter?.status?.length) qb.andWhere('co.status IN (:...statuses)', { statuses: filter.status });
    if (filter?.createdOnOrAfter)
      qb.andWhere('co.createdAt >= :createdFrom', { createdFrom: startOfDay(filter.createdOnOrAfter) });
    if (filter?.createdOnOrBefore)
      qb.andWhere('co.createdAt < :createdUntil', { createdUntil: startOfDay(addDays(filter.createdOnOrBefore, 1)) });
    whereUpdatedSince(qb, 'co', filter?.updatedSince);
    return qb;
  },

  async list(
    ctx: Context,
    args: PageArgs,
    filter: ChangeOrderFilter | null | undefined,
    orderBy: ChangeOrderOrder | null | undefined,
  ): Promise<Connection<ChangeOrder>> {
    const order: SortOrder = orderBy
      ? { ...SORTS[orderBy.field], direction: orderBy.direction ?? OrderDirection.ASC }
      : { ...SORTS[ChangeOrderOrderField.CREATED_AT], direction: OrderDirection.DESC };
    const qb = this.query(ctx, filter);
    return paginate(qb, 'co', order, args);
  },

  async create(ctx: Context, input: CreateChangeOrderInput): Promise<ChangeOrder> {
    return inTransaction(ctx, async (tx) => {
      const contract = await requireWritableContract(tx, input.contractId, 'input.contractId');
      if (contract.status !== ContractStatus.ACTIVE)
        throw ChangeOrderErrors.contractNotActive(contract.number, contract.status);
      const amount = checkedAmount(contract, input.amountDelta);
      const project = input.projectId ? await requireReadableProject(tx, input.projectId, 'input.projectId') : null;
      if (project && project.contractId !== contract.id) throw ChangeOrderErrors.projectNotOnContract(contract.number);
      const changeOrder = stampNew(new ChangeOrder());
      Object.assign(changeOrder, {
        contractId: contract.id,
        accountId: contract.accountId,
        projectId: project?.id ?? null,
        number: await nextChangeOrderNumber(tx, changeOrder.createdAt),
        title: input.title.trim(),
        description: cleanText(input.description) ?? null,
        amountDeltaCents: amount.amountCents,
        currency: amount.currency,
        scheduleImpactDays: input.scheduleImpactDays ?? 0,
        status: ChangeOrderStatus.DRAFT,
        createdById: tx.viewer.id,
        submittedById: null,
        decidedAt: null,
      });
      const saved = await tx.em.save(changeOrder);
      await recordAudit(tx, 'createChangeOrder', saved, diffFields(undefined, snapshot(saved), AUDITED_FIELDS));
      return saved;
    });
  },

  async update(ctx: Context, input: UpdateChangeOrderInput): Promise<ChangeOrder> {
    return inTransaction(ctx, async (tx) => {
      const changeOrder = await requireWritableChangeOrder(tx, input.id);
      if (changeOrder.status !== ChangeOrderStatus.DRAFT)
        throw ChangeOrderErrors.notDraft(changeOrder.number, changeOrder.status);
      const before = snapshot(changeOrder);
      if (input.title != null) changeOrder.title = input.title.trim();
      if (input.description !== undefined) changeOrder.description = cleanText(input.description) ?? null;
      if (input.amountDelta != null) {
        const contract = (await tx.loaders.contractById.load(changeOrder.contractId)) as Contract;
        const amount = checkedAmount(contract, input.amountDelta);
        changeOrder.amountDeltaCents = amount.amountCents;
        changeOrder.currency = amount.currency;
      }
      if (input.scheduleImpactDays != null) changeOrder.scheduleImpactDays = input.scheduleImpactDays;
      const changes = diffFields(before, snapshot(changeOrder), AUDITED_FIELDS);
      await compareAndSwap(tx, changeOrder, input.expectedVersion, Object.keys(changes));
      await recordAudit(tx, 'updateChangeOrder', changeOrder, changes);
      return changeOrder;
    });
  },

  async submit(ctx: Context, input: SubmitChangeOrderInput): Promise<ChangeOrder> {
    return inTransaction(ctx, async (tx) => {
      const changeOrder = await requireWritableChangeOrder(tx, input.id);
      checkExpectedVersion(changeOrder, input.expectedVersion);
      if (changeOrder.status !== ChangeOrderStatus.DRAFT)
        throw ChangeOrderErrors.notDraft(changeOrder.number, changeOrder.status);
      const contract = (await tx.loaders.contractById.load(changeOrder.contractId)) as Contract;
      if (contract.status !== ContractStatus.ACTIVE)
        throw ChangeOrderErrors.contractNotActive(contract.number, contract.status);
      return ApprovalEngine.submit(tx, changeOrderApproval, changeOrder, [ChangeOrderStatus.DRAFT]);
    });
  },

  /**
   * Approves a pending change order and, in the same transaction, adds its amount to the contract's
   * value. Either both happen or neither: a contract that is no longer ACTIVE, or whose value would
   * go below zero, refuses the approval with CONFLICT and leaves everything as it was.
   */
  async approve(
    ctx: Context,
    input: ApproveChangeOrderInput,
  ): Promise<{ changeOrder: ChangeOrder; decision: ApprovalDecision }> {
    return inTransaction(ctx, async (tx) => {
      const changeOrder = await requireReadableChangeOrder(tx, input.id);
      checkExpectedVersion(changeOrder, input.expectedVersion);
      const decision = await ApprovalEngine.decide(
        tx,
        changeOrderApproval,
        changeOrder,
        ApprovalDecisionKind.APPROVED,
        ChangeOrderStatus.APPROVED,
        input.note?.trim() || null,
        {
          decidedAt: new Date(),
        },
      );
      await addToContractValue(tx, changeOrder);
      await applyApprovedChangeOrderToProject(tx, changeOrder);
      return { changeOrder, decision };
    });
  },

  async reject(
    ctx: Context,
    input: RejectChangeOrderInput,
  ): Promise<{ changeOrder: ChangeOrder; decision: ApprovalDecision }> {
    return inTransaction(ctx, async (tx) => {
      const changeOrder = await requireReadableChangeOrder(tx, input.id);
      checkExpectedVersion(changeOrder, input.expectedVersion);
      const decision = await ApprovalEngine.decide(
        tx,
        changeOrderApproval,
        changeOrder,
        ApprovalDecisionKind.REJECTED,
        ChangeOrderStatus.REJECTED,
        input.reason.trim(),
        {
          decidedAt: new Date(),
        },
      );
      return { changeOrder, decision };
    });
  },

  /** Takes back a DRAFT or pending change order; a pending one leaves the approval queue without a decision. */
  async withdraw(ctx: Context, input: WithdrawChangeOrderInput): Promise<ChangeOrder> {
    return inTransaction(ctx, async (tx) => {
      const changeOrder = await requireWritableChangeOrder(tx, input.id);
      checkExpectedVersion(changeOrder, input.expectedVersion);
      if (changeOrder.status === ChangeOrderStatus.PENDING_APPROVAL) {
        return ApprovalEngine.withdraw(tx, changeOrderApproval, changeOrder, ChangeOrderStatus.WITHDRAWN);
      }
      if (changeOrder.status !== ChangeOrderStatus.DRAFT)
        throw ChangeOrderErrors.cannotWithdraw(changeOrder.number, changeOrder.status);
      await transitionStatus(tx, changeOrder, [ChangeOrderStatus.DRAFT], ChangeOrderStatus.WITHDRAWN);
      await recordAudit(tx, 'withdrawChangeOrder', changeOrder, {
        status: { before: ChangeOrderStatus.DRAFT, after: ChangeOrderStatus.WITHDRAWN },
      });
      return changeOrder;
    });
  },
};

/**
 * Adds an approved change order's amount to its contract's value in one guarded UPDATE: the
 * contract must still be ACTIVE and its value stay within 0..MAX_CENTS. Zero rows means one of
 * those failed; the caller's transaction then rolls back the approval with it.
 */
async function addToContractValue(tx: Context, changeOrder: ChangeOrder): Promise<void> {
  const delta = changeOrder.amountDeltaCents;
  const result = await tx.em
    .createQueryBuilder()
    .update(Contract)
    .set({ valueCents: () => 'valueCents + :delta', version: () => 'version + 1', updatedAt: new Date() })
    .where('id = :id AND status = :active AND valueCents + :delta >= 0 AND valueCents + :delta <= :max', {
      id: changeOrder.contractId,
      active: ContractStatus.ACTIVE,
      delta,
      max: MAX_CENTS,
    })
    .execute();
  const contract = await lockRow(tx, Contract, changeOrder.contractId); // as it is now, not as this transaction first saw it
  if (result.affected !== 1) {
    if (contract.status !== ContractStatus.ACTIVE)
      throw ChangeOrderErrors.contractChanged(changeOrder.number, contract.number, contract.status);
    if (contract.valueCents + delta < 0) {
      throw ChangeOrderErrors.valueWouldBeNegative(
        changeOrder.number,
        contract.number,
        formatMoney(contract.valueCents, contract.currency),
        formatMoney(delta, contract.currency),
      );
    }
    throw ChangeOrderErrors.valueTooLarge(changeOrder.number, contract.number);
  }
  await recordAudit(tx, 'approveChangeOrder', contract, {
    valueCents: { before: contract.valueCents - delta, after: contract.valueCents },
    changeOrder: { before: null, after: changeOrder.globalId },
  });
}

/** The amount of a new or changed change order, checked against its contract. */
function checkedAmount(contract: Contract, input: MoneyInput): { amountCents: number; currency: string } {
  const currency = input.currency ?? DEFAULT_CURRENCY;
  if (currency !== contract.currency) throw ChangeOrderErrors.currencyMismatch(contract.currency);
  if (contract.valueCents + input.amountCents < 0)
    throw ChangeOrderErrors.reductionTooLarge(formatMoney(contract.valueCents, contract.currency));
  return { amountCents: input.amountCents, currency };
}

function startOfDay(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** CO-<year of creation>-<4 digits>, sequential per year with no gaps. */
async function nextChangeOrderNumber(ctx: Context, createdAt: Date): Promise<string> {
  const year = String(createdAt.getUTCFullYear());
  const value = await nextSequenceValue(ctx, `change-order-${year}`);
  return `CO-${year}-${String(value).padStart(4, '0')}`;
}

/** A change order the viewer may read (its account in scope), or NOT_FOUND. */
export async function requireReadableChangeOrder(
  ctx: Context,
  globalId: string,
  path = 'input.id',
): Promise<ChangeOrder> {
  const changeOrder = await ctx.loaders.changeOrderById.load(decodeGlobalId(globalId, 'ChangeOrder', path));
  if (!changeOrder) throw new NotFoundError('ChangeOrder', globalId);
  return changeOrder;
}

/** A change order whose account the viewer may change. */
export async function requireWritableChangeOrder(
  ctx: Context,
  globalId: string,
  path = 'input.id',
): Promise<ChangeOrder> {
  const changeOrder = await requireReadableChangeOrder(ctx, globalId, path);
  await requireWritableAccountById(ctx, changeOrder.accountId, path);
  return changeOrder;
}

async function requireWritableAccountById(ctx: Context, accountId: number, path: string): Promise<void> {
  const account = await ctx.loaders.accountById.load(accountId);
  await requireWritableAccount(ctx, account!.globalId, path);
}
