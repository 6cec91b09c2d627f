import type { SelectQueryBuilder } from 'typeorm';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { addDays, todayUtc } from '../../common/dates';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { forUpdate, lockRow } from '../../common/locking';
import { formatMoney, lineAmountCents, MAX_CENTS } from '../../common/money';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { hasRole } from '../../common/policy';
import { nextSequenceValue } from '../../common/sequence';
import { notSql } from '../../common/sql-condition';
import { checkExpectedVersion, compareAndSwap, transitionStatus } from '../../common/versioned';
import type { Account } from '../account/account.entity';
import {
  ApprovalDecisionKind,
  ApprovalRequestStatus,
  ApprovalSubjectType,
  type ApprovalDecision,
} from '../approval/approval.entity';
import { ApprovalEngine, closeApprovalRequest, type ApprovalSubject } from '../approval/approval.service';
import { diffFields, recordAudit } from '../audit/audit.service';
import { Contract, ContractStatus } from '../contract/contract.entity';
import { requireReadableContract } from '../contract/contract.service';
import { formatQuantity, Invoice, InvoiceLine, InvoiceStatus, parseQuantity, Payment } from './invoice.entity';
import { InvoiceErrors } from './invoice.errors';
import { InvoicePolicy } from './invoice.policy';
import { countsAsInvoicedSql, overdueSql, PAYABLE_STATUSES, remainingValueCents } from './invoicing.rules';
import {
  InvoiceOrderField,
  type ApproveInvoiceInput,
  type CreateInvoiceInput,
  type InvoiceFilter,
  type InvoiceLineInput,
  type InvoiceOrder,
  type RecordPaymentInput,
  type RejectInvoiceInput,
  type SendInvoiceInput,
  type SubmitInvoiceInput,
  type UpdateInvoiceInput,
  type VoidInvoiceInput,
} from './invoice.inputs';

const AUDITED_FIELDS = [
  'accountId',
  'contractId',
  'number',
  'status',
  'issueDate',
  'dueDate',
  'currency',
  'totalCents',
] as const;
/** Net 30 unless the invoice says otherwise. */
const DEFAULT_PAYMENT_DAYS = 30;
/** How far ahead of the server's clock a payment date may be (clients' clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

const SORTS: Record<InvoiceOrderField, Omit<SortOrder, 'direction'>> = {
  [InvoiceOrderField.ISSUE_DATE]: { key: 'issueDate', property: 'issueDate', kind: 'string' },
  [InvoiceOrderField.DUE_DATE]: { key: 'dueDate', property: 'dueDate', kind: 'string' },
  [InvoiceOrderField.NUMBER]: { key: 'number', property: 'number', kind: 'string' },
  [InvoiceOrderField.CREATED_AT]: { key: 'createdAt', property: 'createdAt', kind: 'date' },
  [InvoiceOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

/** An invoice can be voided until money is received against it. */
const VOIDABLE_STATUSES = [
  InvoiceStatus.DRAFT,
  InvoiceStatus.PENDING_APPROVAL,
  InvoiceStatus.APPROVED,
  InvoiceStatus.SENT,
];

function snapshot(invoice: Invoice): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, invoice[field]]));
}

/** Lines as the audit trail shows them: "2.5 × 333 = 832 Implementation services". */
function describeLines(lines: readonly InvoiceLine[]): string[] {
  return lines.map(
    (line) =>
      `${formatQuantity(line.quantityThousandths)} × ${line.unitPriceCents} = ${line.amountCents} ${line.description}`,
  );
}

/** How invoices plug into the approval engine: approved on their total; finance may approve them too. */
export const invoiceApproval: ApprovalSubject<Invoice> = {
  type: ApprovalSubjectType.INVOICE,
  label: (invoice) => `invoice ${invoice.number}`,
  amount: (invoice) => ({ amountCents: invoice.totalCents, currency: invoice.currency }),
  actions: { submit: 'submitInvoice', approve: 'approveInvoice', reject: 'rejectInvoice', withdraw: 'voidInvoice' },
};

/** Invoices under contracts: raised by the account's writers or finance, approved through the engine, paid down to zero. */
export const InvoiceService = {
  /** A page of the invoices of accounts the viewer may read; latest issue date first when no order is given. */
  /** The invoices the viewer may read that meet `filter`: the list's rows and its export's. */
  query(ctx: Context, filter: InvoiceFilter | null | undefined): SelectQueryBuilder<Invoice> {
    const qb = ctx.em.createQueryBuilder(Invoice, 'invoice');
    ctx.scope.restrictByAccountId(qb, 'invoice');
    if (filter?.accountId)
      qb.andWhere('invoice.accountId = :accountId', {
        accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
      });
    if (filter?.contractId)
      qb.andWhere('invoice.contractId = :contractId', {
        contractId: decodeGlobalId(filter.contractId, 'Contract', 'filter.contractId'),
      });
    if (filter?.status?.length) qb.andWhere('invoice.status IN (:...statuses)', { statuses: filter.status });
    if (filter?.issuedOnOrAfter)
      qb.andWhere('invoice.issueDate >= :issuedOnOrAfter', { issuedOnOrAfter: filter.issuedOnOrAfter });
    if (filter?.issuedOnOrBefore)
      qb.andWhere('invoice.issueDate <= :issuedOnOrBefore', { issuedOnOrBefore: filter.issuedOnOrBefore });
    if (filter?.dueOnOrAfter) qb.andWhere('invoice.dueDate >= :dueOnOrAfter', { dueOnOrAfter: filter.dueOnOrAfter });
    if (filter?.dueOnOrBefore)
      qb.andWhere('invoice.dueDate <= :dueOnOrBefore', { dueOnOrBefore: filter.dueOnOrBefore });
    if (filter?.overdue != null) {
      const overdue = overdueSql('invoice', todayUtc());
      qb.andWhere(filter.overdue ? overdue.sql : notSql(overdue).sql, overdue.params);
    }
    whereUpdatedSince(qb, 'invoice', filter?.updatedSince);
    return qb;
  },

  async list(
    ctx: Context,
    args: PageArgs,
    filter: InvoiceFilter | null | undefined,
    orderBy: InvoiceOrder | null | undefined,
  ): Promise<Connection<Invoice>> {
    const order: SortOrder = orderBy
      ? { ...SORTS[orderBy.field], direction: orderBy.direction }
      : { ...SORTS[InvoiceOrderField.ISSUE_DATE], direction: OrderDirection.DESC };
    const qb = this.query(ctx, filter);
    return paginate(qb, 'invoice', order, args);
  },

  /** Raises a numbered DRAFT invoice under an ACTIVE contract, with its lines and total. */
  async create(ctx: Context, input: CreateInvoiceInput): Promise<Invoice> {
    const issueDate = input.issueDate ?? todayUtc();
    const dueDate = input.dueDate ?? addDays(issueDate, DEFAULT_PAYMENT_DAYS);
    if (dueDate < issueDate) throw InvoiceErrors.dueBeforeIssue(input.dueDate ? 'input.dueDate' : 'input.issueDate');
    return inTransaction(ctx, async (tx) => {
      const contract = await requireReadableContract(tx, input.contractId, 'input.contractId');
      if (input.accountId && decodeGlobalId(input.accountId, 'Account', 'input.accountId') !== contract.accountId)
        throw InvoiceErrors.accountNotContracts();
      await requireInvoiceWriter(tx, (await tx.loaders.accountById.load(contract.accountId))!);
      if (contract.status !== ContractStatus.ACTIVE)
        throw InvoiceErrors.contractNotActive(contract.number, contract.status);
      const invoice = stampNew(new Invoice());
      Object.assign(invoice, {
        accountId: contract.accountId,
        contractId: contract.id,
        number: await nextInvoiceNumber(tx, issueDate),
        status: InvoiceStatus.DRAFT,
        issueDate,
        dueDate,
        currency: contract.currency,
        paidCents: 0,
        createdById: tx.viewer.id,
        submittedById: null,
        approvedById: null,
        approvedAt: null,
        sentAt: null,
        voidedAt: null,
        voidReason: null,
      });
      // The lines are checked against the contract's currency here, after the number is taken: a bad
      // line rolls the whole transaction back, number included, so numbering keeps no gaps.
      const lines = buildLines(input.lines, contract.currency);
      invoice.totalCents = totalOf(lines);
      const saved = await tx.em.save(invoice);
      await insertLines(tx, saved, lines);
      await recordAudit(tx, 'createInvoice', saved, {
        ...diffFields(undefined, snapshot(saved), AUDITED_FIELDS),
        lines: { before: null, after: describeLines(lines) },
      });
      return saved;
    });
  },

  /** Changes a DRAFT invoice's dates or replaces its lines, if `expectedVersion` is still current. */
  async update(ctx: Context, input: UpdateInvoiceInput): Promise<Invoice> {
    return inTransaction(ctx, async (tx) => {
      const invoice = await requireWritableInvoice(tx, input.id);
      if (invoice.status !== InvoiceStatus.DRAFT) throw InvoiceErrors.notDraft(invoice.number, invoice.status);
      const before = snapshot(invoice);
      if (input.issueDate != null) {
        if (input.issueDate.slice(0, 4) !== invoice.issueDate.slice(0, 4))
          throw InvoiceErrors.issueYearChanged(invoice.number);
        invoice.issueDate = input.issueDate;
      }
      if (input.dueDate != null) invoice.dueDate = input.dueDate;
      if (invoice.dueDate < invoice.issueDate)
        throw InvoiceErrors.dueBeforeIssue(input.dueDate != null ? 'input.dueDate' : 'input.issueDate');
      const lines = input.lines ? buildLines(input.lines, invoice.currency) : null;
      if (lines) invoice.totalCents = totalOf(lines);
      const changes = diffFields(before, snapshot(invoice), AUDITED_FIELDS);
      await compareAndSwap(tx, invoice, input.expectedVersion, Object.keys(changes));
      if (lines) {
        const previous = await tx.em.find(InvoiceLine, {
          where: { invoiceId: invoice.id },
          order: { position: 'ASC' },
        });
        await tx.em.delete(InvoiceLine, { invoiceId: invoice.id });
        await insertLines(tx, invoice, lines);
        changes.lines = { before: describeLines(previous), after: describeLines(lines) };
      }
      await recordAudit(tx, 'updateInvoice', invoice, changes);
      return invoice;
    });
  },

  async submit(ctx: Context, input: SubmitInvoiceInput): Promise<Invoice> {
    return inTransaction(ctx, async (tx) => {
      const invoice = await requireWritableInvoice(tx, input.id);
      checkExpectedVersion(invoice, input.expectedVersion);
      return ApprovalEngine.submit(tx, invoiceApproval, invoice, [InvoiceStatus.DRAFT]);
    });
  },

  /**
   * Approves a pending invoice within the approver's limit. Revenue compliance: the contract's
   * invoiced total (APPROVED, SENT, PARTIALLY_PAID, PAID) with this invoice must stay within the
   * contract's value; beyond it a change order must raise the value first. The contract row is
   * locked first, so concurrent approvals under one contract are checked one after the other.
   */
  async approve(ctx: Context, input: ApproveInvoiceInput): Promise<{ invoice: Invoice; decision: ApprovalDecision }> {
    return inTransaction(ctx, async (tx) => {
      const invoice = await requireReadableInvoice(tx, input.id);
      checkExpectedVersion(invoice, input.expectedVersion);
      const contract = await lockRow(tx, Contract, invoice.contractId);
      const decision = await ApprovalEngine.decide(
        tx,
        invoiceApproval,
        invoice,
        ApprovalDecisionKind.APPROVED,
        InvoiceStatus.APPROVED,
        input.note?.trim() || null,
        {
          approvedById: tx.viewer.id,
          approvedAt: new Date(),
        },
      );
      const invoiced = await invoicedUnderContract(tx, contract.id);
      if (remainingValueCents(contract.valueCents, invoiced) < 0) {
        throw InvoiceErrors.overContract(
          invoice.number,
          contract.number,
          formatMoney(invoiced - invoice.totalCents, contract.currency),
          formatMoney(invoice.totalCents, invoice.currency),
          formatMoney(contract.valueCents, contract.currency),
        );
      }
      return { invoice, decision };
    });
  },

  async reject(ctx: Context, input: RejectInvoiceInput): Promise<{ invoice: Invoice; decision: ApprovalDecision }> {
    return inTransaction(ctx, async (tx) => {
      const invoice = await requireReadableInvoice(tx, input.id);
      checkExpectedVersion(invoice, input.expectedVersion);
      const decision = await ApprovalEngine.decide(
        tx,
        invoiceApproval,
        invoice,
        ApprovalDecisionKind.REJECTED,
        InvoiceStatus.DRAFT,
        input.reason.trim(),
        { submittedById: null },
      );
      return { invoice, decision };
    });
  },

  /** Marks an APPROVED invoice as sent to the client: from now its balance is owed. */
  async send(ctx: Context, input: SendInvoiceInput): Promise<Invoice> {
    return inTransaction(ctx, async (tx) => {
      const invoice = await requireWritableInvoice(tx, input.id);
      checkExpectedVersion(invoice, input.expectedVersion);
      await transitionStatus(
        tx,
        invoice,
        [InvoiceStatus.APPROVED],
        InvoiceStatus.SENT,
        { sentAt: new Date() },
        invoiceApproval.label(invoice),
      );
      await recordAudit(tx, 'sendInvoice', invoice, {
        status: { before: InvoiceStatus.APPROVED, after: InvoiceStatus.SENT },
      });
      return invoice;
    });
  },

  /**
   * Records a payment of at most the balance due. The invoice row is updated with a guarded
   * UPDATE (`… WHERE paidCents + amount <= totalCents`), so of concurrent payments that together
   * exceed the balance only those that fit get through; the rest get CONFLICT.
   */
  async recordPayment(ctx: Context, input: RecordPaymentInput): Promise<{ invoice: Invoice; payment: Payment }> {
    const amount = input.amount.amountCents;
    const paidAt = input.paidAt ?? new Date();
    if (paidAt.getTime() > Date.now() + CLOCK_SKEW_MS) throw InvoiceErrors.paymentInFuture();
    return inTransaction(ctx, async (tx) => {
      const invoice = await requireWritableInvoice(tx, input.invoiceId, 'input.invoiceId');
      checkExpectedVersion(invoice, input.expectedVersion);
      if ((input.amount.currency ?? invoice.currency) !== invoice.currency)
        throw InvoiceErrors.wrongCurrency('input.amount.currency', invoice.currency);
      if (!PAYABLE_STATUSES.includes(invoice.status)) throw InvoiceErrors.notPayable(invoice.number, invoice.status);
      const balance = invoice.totalCents - invoice.paidCents;
      if (amount > balance)
        throw InvoiceErrors.overBalance(
          invoice.number,
          formatMoney(amount, invoice.currency),
          formatMoney(balance, invoice.currency),
        );
      const before = { status: invoice.status, paidCents: invoice.paidCents };
      const now = new Date();
      // `status` comes first: MySQL evaluates SET assignments left to right (SQLite all at once), so
      // both must read paidCents before it changes.
      const result = await tx.em
        .createQueryBuilder()
        .update(Invoice)
        .set({
          status: () =>
            `CASE WHEN paidCents + :amount >= totalCents THEN '${InvoiceStatus.PAID}' ELSE '${InvoiceStatus.PARTIALLY_PAID}' END`,
          paidCents: () => 'paidCents + :amount',
          version: () => 'version + 1',
          updatedAt: now,
        })
        .where('id = :id AND status IN (:...payable) AND paidCents + :amount <= totalCents', {
          id: invoice.id,
          payable: PAYABLE_STATUSES,
          amount,
        })
        .execute();
      const current = await lockRow(tx, Invoice, invoice.id);
      if (result.affected !== 1) {
        // Another payment (or a void) got in first: say what stands now.
        if (!PAYABLE_STATUSES.includes(current.status)) throw InvoiceErrors.notPayable(current.number, current.status);
        throw InvoiceErrors.overBalance(
          current.number,
          formatMoney(amount, current.currency),
          formatMoney(current.totalCents - current.paidCents, current.currency),
        );
      }
      Object.assign(invoice, {
        status: current.status,
        paidCents: current.paidCents,
        version: current.version,
        updatedAt: current.updatedAt,
      });
      const payment = stampNew(new Payment(), now);
      Object.assign(payment, {
        invoiceId: invoice.id,
        amountCents: amount,
        currency: invoice.currency,
        paidAt,
        reference: input.reference.trim(),
        recordedById: tx.viewer.id,
      });
      await tx.em.save(payment);
      await recordAudit(tx, 'recordPayment', invoice, {
        ...diffFields(before, { status: invoice.status, paidCents: invoice.paidCents }, ['status', 'paidCents']),
        payment: {
          before: null,
          after: {
            id: payment.globalId,
            amountCents: amount,
            paidAt: paidAt.toISOString(),
            reference: payment.reference,
          },
        },
      });
      return { invoice, payment };
    });
  },

  /** Voids an invoice nothing has been paid on; a pending one leaves the approval queue. */
  async void(ctx: Context, input: VoidInvoiceInput): Promise<Invoice> {
    return inTransaction(ctx, async (tx) => {
      const invoice = await requireWritableInvoice(tx, input.id);
      checkExpectedVersion(invoice, input.expectedVersion);
      if (invoice.paidCents > 0)
        throw InvoiceErrors.paidCannotVoid(invoice.number, formatMoney(invoice.paidCents, invoice.currency));
      const before = invoice.status;
      const reason = input.reason.trim();
      const now = new Date();
      // The compare-and-swap on version also catches a payment recorded since the invoice was read.
      await transitionStatus(
        tx,
        invoice,
        VOIDABLE_STATUSES,
        InvoiceStatus.VOID,
        { voidReason: reason, voidedAt: now },
        invoiceApproval.label(invoice),
      );
      if (before === InvoiceStatus.PENDING_APPROVAL)
        await closeApprovalRequest(tx, ApprovalSubjectType.INVOICE, invoice.id, ApprovalRequestStatus.WITHDRAWN);
      await recordAudit(tx, 'voidInvoice', invoice, {
        status: { before, after: InvoiceStatus.VOID },
        voidReason: { before: null, after: reason },
      });
      return invoice;
    });
  },
};

/** Checks and prices the lines (positions from 1); errors name the line's input path. */
function buildLines(inputs: readonly InvoiceLineInput[], currency: string): InvoiceLine[] {
  return inputs.map((input, index) => {
    if ((input.unitPrice.currency ?? currency) !== currency)
      throw InvoiceErrors.wrongCurrency(`input.lines.${index}.unitPrice.currency`, currency);
    const quantityThousandths = parseQuantity(input.quantity);
    let amountCents: number;
    try {
      amountCents = lineAmountCents(quantityThousandths, input.unitPrice.amountCents);
    } catch {
      throw InvoiceErrors.lineTooLarge(index);
    }
    return Object.assign(new InvoiceLine(), {
      position: index + 1,
      description: input.description.trim(),
      quantityThousandths,
      unitPriceCents: input.unitPrice.amountCents,
      amountCents,
      currency,
    });
  });
}

function totalOf(lines: readonly InvoiceLine[]): number {
  const total = lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (total > MAX_CENTS) throw InvoiceErrors.totalTooLarge();
  return total;
}

/** Writes an invoice's lines in one INSERT. */
async function insertLines(tx: Context, invoice: Invoice, lines: InvoiceLine[]): Promise<void> {
  const now = invoice.updatedAt;
  for (const line of lines) Object.assign(stampNew(line, now), { invoiceId: invoice.id });
  await tx.em.insert(InvoiceLine, lines);
}

/** INV-<issue year>-<5 digits>, sequential per year with no gaps. */
async function nextInvoiceNumber(ctx: Context, issueDate: string): Promise<string> {
  const year = issueDate.slice(0, 4);
  const value = await nextSequenceValue(ctx, `invoice-${year}`);
  return `INV-${year}-${String(value).padStart(5, '0')}`;
}

/**
 * Cents invoiced to date under a contract, read past the transaction's snapshot: a locking read of
 * the invoice rows themselves on MySQL (a subquery inside a locking read would not lock them), so
 * it sums over invoices with the rule's condition rather than calling invoicedToDateSql.
 */
async function invoicedUnderContract(tx: Context, contractId: number): Promise<number> {
  const qb = tx.em
    .createQueryBuilder(Invoice, 'invoice')
    .select('COALESCE(SUM(invoice.totalCents), 0)', 'invoiced')
    .where('invoice.contractId = :contractId', { contractId })
    .andWhere(countsAsInvoicedSql('invoice'));
  const row = await forUpdate(tx, qb).getRawOne<{ invoiced: number | string }>();
  return Number(row?.invoiced ?? 0);
}

/** Finance raises and collects invoices on every account; otherwise the account's writers do. */
async function requireInvoiceWriter(ctx: Context, account: Account): Promise<void> {
  if (hasRole(InvoicePolicy.rules.invoicesEveryAccount, ctx.viewer.role)) return;
  if (!(await ctx.scope.canWriteAccount(ctx.em, account.id))) throw InvoiceErrors.cannotWrite(account.name);
}

/** An invoice the viewer may read (its account in scope), or NOT_FOUND. */
export async function requireReadableInvoice(ctx: Context, globalId: string, path = 'input.id'): Promise<Invoice> {
  const invoice = await ctx.loaders.invoiceById.load(decodeGlobalId(globalId, 'Invoice', path));
  if (!invoice) throw new NotFoundError('Invoice', globalId);
  return invoice;
}

/** An invoice the viewer may change: the account's writers, or finance. */
export async function requireWritableInvoice(ctx: Context, globalId: string, path = 'input.id'): Promise<Invoice> {
  const invoice = await requireReadableInvoice(ctx, globalId, path);
  await requireInvoiceWriter(ctx, (await ctx.loaders.accountById.load(invoice.accountId))!);
  return invoice;
}
