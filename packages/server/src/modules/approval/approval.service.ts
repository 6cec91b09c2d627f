import type { Context } from '../../common/context';
import { stampNew, type BaseRecord } from '../../common/base.entity';
import { ConflictError, ErrorReason } from '../../common/errors';
import { DEFAULT_CURRENCY, formatMoney } from '../../common/money';
import { transitionStatus } from '../../common/versioned';
import { diffFields, recordAudit } from '../audit/audit.service';
import { notify, NotificationKind } from '../notification/notification.service';
import {
  ApprovalDecision,
  ApprovalDecisionKind,
  ApprovalRequest,
  ApprovalRequestStatus,
  ApprovalSubjectType,
} from './approval.entity';
import { ApprovalErrors, describeLimit } from './approval.errors';
import { APPROVAL_AUTHORITY } from './approval.policy';

/** What the engine needs of a contract, change order or invoice. */
export interface Approvable extends BaseRecord {
  status: string;
  accountId: number;
  createdById: number;
  submittedById: number | null;
}

/** How one kind of item plugs into the engine. */
export interface ApprovalSubject<T extends Approvable> {
  type: ApprovalSubjectType;
  /** "contract C-2026-0012": how messages name the item. */
  label(item: T): string;
  /** The amount that decides who may approve, with its currency. */
  amount(item: T): { amountCents: number; currency: string };
  /** The mutation names, for the audit trail: { submit: 'submitContract', ... }. */
  actions: { submit: string; approve: string; reject: string; withdraw?: string };
}

export const PENDING_APPROVAL = 'PENDING_APPROVAL';

/** The most the viewer may approve of this kind, in USD cents: null means no limit, undefined none at all. */
export function approvalLimit(ctx: Context, type: ApprovalSubjectType): number | null | undefined {
  const authority = APPROVAL_AUTHORITY[ctx.viewer.role]?.[type];
  if (authority === undefined) return undefined;
  return authority === 'unlimited' ? null : ctx.config.approvalLimits[authority];
}

/** Names who may approve an amount of this kind, so that a refusal says where to go. */
function whoCanApprove(ctx: Context, type: ApprovalSubjectType, amountCents: number): string {
  const limits = ctx.config.approvalLimits;
  const finance =
    type === ApprovalSubjectType.INVOICE && amountCents <= limits.financeInvoiceCents
      ? `, finance (up to ${describeLimit(limits.financeInvoiceCents)})`
      : '';
  if (amountCents <= limits.accountManagerCents)
    return `An account manager, a senior account manager${finance} or an executive with the account in their scope`;
  if (amountCents <= limits.seniorAccountManagerCents)
    return `A senior account manager (up to ${describeLimit(limits.seniorAccountManagerCents)})${finance} or an executive`;
  return 'An executive or an admin';
}

/** Refuses a decision the viewer may not make: segregation of duties first, then authority. */
function checkAuthority<T extends Approvable>(ctx: Context, subject: ApprovalSubject<T>, item: T): void {
  const label = subject.label(item);
  if (item.createdById === ctx.viewer.id || item.submittedById === ctx.viewer.id) throw ApprovalErrors.ownWork(label);
  const { amountCents, currency } = subject.amount(item);
  const limit = approvalLimit(ctx, subject.type);
  if (limit === undefined)
    throw ApprovalErrors.cannotApprove(label, whoCanApprove(ctx, subject.type, Math.abs(amountCents)));
  if (limit === null) return;
  if (currency !== DEFAULT_CURRENCY) throw ApprovalErrors.foreignCurrency(label, currency);
  if (Math.abs(amountCents) > limit) {
    throw ApprovalErrors.overLimit(
      label,
      formatMoney(Math.abs(amountCents), currency),
      describeLimit(limit),
      whoCanApprove(ctx, subject.type, Math.abs(amountCents)),
    );
  }
}

/**
 * The one approval engine for contracts, change orders and invoices. Every step is a
 * compare-and-swap on (id, version, status) inside the caller's transaction, writes its audit
 * event there, and keeps the approval queue (approval_request) and the decision log in step.
 */
export const ApprovalEngine = {
  /** Sends an item for approval: its status becomes PENDING_APPROVAL and it joins the queue. */
  async submit<T extends Approvable>(
    tx: Context,
    subject: ApprovalSubject<T>,
    item: T,
    from: readonly string[],
  ): Promise<T> {
    const before = item.status;
    await transitionStatus(tx, item, from, PENDING_APPROVAL, { submittedById: tx.viewer.id }, subject.label(item));
    const { amountCents, currency } = subject.amount(item);
    const request = stampNew(new ApprovalRequest());
    Object.assign(request, {
      subjectType: subject.type,
      subjectId: item.id,
      accountId: item.accountId,
      amountCents: Math.abs(amountCents),
      currency,
      requestedById: tx.viewer.id,
      createdById: item.createdById,
      requestedAt: request.createdAt,
      status: ApprovalRequestStatus.PENDING,
    });
    await tx.em.save(request);
    await recordAudit(tx, subject.actions.submit, item, { status: { before, after: PENDING_APPROVAL } });
    // The submitter's senior hears of it; everyone who may decide sees it in approvalQueue.
    const submitter = tx.viewer;
    const manager = submitter.managerId === null ? null : await tx.loaders.userById.load(submitter.managerId);
    if (manager?.active) {
      await notify(tx, {
        recipientId: manager.id,
        kind: NotificationKind.APPROVAL_REQUESTED,
        subject: item,
        message: `${submitter.name} submitted ${subject.label(item)} (${formatMoney(Math.abs(amountCents), currency)}) for approval.`,
      });
    }
    return item;
  },

  /**
   * Approves or rejects a pending item: checks authority and segregation of duties, moves the
   * item to `to` (with `set`), closes its request and records the decision. Of many concurrent
   * deciders exactly one gets through; the rest get CONFLICT.
   */
  async decide<T extends Approvable>(
    tx: Context,
    subject: ApprovalSubject<T>,
    item: T,
    decision: ApprovalDecisionKind,
    to: string,
    note: string | null,
    set: Record<string, unknown> = {},
  ): Promise<ApprovalDecision> {
    // State first: deciding an item that is no longer pending is a conflict, whoever tries.
    if (item.status !== PENDING_APPROVAL)
      throw new ConflictError(
        ErrorReason.INVALID_TRANSITION,
        `${subject.label(item)} is ${item.status}; only a pending item can be approved or rejected.`,
      );
    checkAuthority(tx, subject, item);
    const submittedById = item.submittedById;
    const before = {
      status: item.status,
      ...Object.fromEntries(Object.keys(set).map((k) => [k, (item as Record<string, unknown>)[k]])),
    };
    await transitionStatus(tx, item, [PENDING_APPROVAL], to, set, subject.label(item));
    const requestId = await closeApprovalRequest(
      tx,
      subject.type,
      item.id,
      decision === ApprovalDecisionKind.APPROVED ? ApprovalRequestStatus.APPROVED : ApprovalRequestStatus.REJECTED,
    );
    const { amountCents, currency } = subject.amount(item);
    const record = stampNew(new ApprovalDecision());
    Object.assign(record, {
      subjectType: subject.type,
      subjectId: item.id,
      requestId,
      decision,
      actorId: tx.viewer.id,
      note,
      amountCents,
      currency,
      decidedAt: record.createdAt,
    });
    await tx.em.save(record);
    const changes = diffFields(before, { status: to, ...set }, Object.keys(before));
    await recordAudit(
      tx,
      decision === ApprovalDecisionKind.APPROVED ? subject.actions.approve : subject.actions.reject,
      item,
      { ...changes, ...(note ? { note: { before: null, after: note } } : {}) },
    );
    if (submittedById !== null && submittedById !== tx.viewer.id) {
      const verdict = decision === ApprovalDecisionKind.APPROVED ? 'approved' : 'rejected';
      await notify(tx, {
        recipientId: submittedById,
        kind: NotificationKind.APPROVAL_DECIDED,
        subject: item,
        message: `${tx.viewer.name} ${verdict} ${subject.label(item)}${note ? `: ${note}` : '.'}`,
      });
    }
    return record;
  },

  /** Takes a pending item back (its author's choice): it leaves the queue without a decision. */
  async withdraw<T extends Approvable>(tx: Context, subject: ApprovalSubject<T>, item: T, to: string): Promise<T> {
    const before = item.status;
    await transitionStatus(tx, item, [PENDING_APPROVAL], to, {}, subject.label(item));
    await closeApprovalRequest(tx, subject.type, item.id, ApprovalRequestStatus.WITHDRAWN);
    await recordAudit(tx, subject.actions.withdraw ?? 'withdraw', item, { status: { before, after: to } });
    return item;
  },
};

/** Takes an item's pending request out of the queue with its outcome; returns the request's id. */
export async function closeApprovalRequest(
  tx: Context,
  type: ApprovalSubjectType,
  subjectId: number,
  status: ApprovalRequestStatus,
): Promise<number> {
  const request = await tx.em.findOneByOrFail(ApprovalRequest, {
    subjectType: type,
    subjectId,
    status: ApprovalRequestStatus.PENDING,
  });
  await tx.em
    .createQueryBuilder()
    .update(ApprovalRequest)
    .set({ status, version: () => 'version + 1', updatedAt: new Date() })
    .where('id = :id', { id: request.id })
    .execute();
  return request.id;
}
