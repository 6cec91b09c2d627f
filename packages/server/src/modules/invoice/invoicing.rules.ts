/**
 * The invoicing rules, each in TypeScript and, where a query filters or sums by it, in SQL beside
 * it: what counts as invoiced against a contract, what is left of its value, what the client owes
 * on an invoice, and when an invoice is overdue. Pure (no database, no GraphQL); the SQL twins build text only.
 * test/rule-twins.e2e.ts checks that both forms agree row by row on SQLite and MariaDB.
 */
import type { LocalDate } from '../../common/dates';
import type { SqlCondition } from '../../common/sql-condition';

export enum InvoiceStatus {
  DRAFT = 'DRAFT',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  APPROVED = 'APPROVED',
  SENT = 'SENT',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
  VOID = 'VOID',
}

/** The statuses whose totals count as invoiced against the contract (REVENUE COMPLIANCE). */
export const INVOICED_STATUSES: readonly InvoiceStatus[] = [
  InvoiceStatus.APPROVED,
  InvoiceStatus.SENT,
  InvoiceStatus.PARTIALLY_PAID,
  InvoiceStatus.PAID,
];

/** The statuses in which the client owes the balance. */
export const PAYABLE_STATUSES: readonly InvoiceStatus[] = [InvoiceStatus.SENT, InvoiceStatus.PARTIALLY_PAID];

/** A list of statuses as SQL literals: they are this file's own enum values, never client text. */
function statusList(statuses: readonly InvoiceStatus[]): string {
  return statuses.map((status) => `'${status}'`).join(', ');
}

/** What the invoiced-to-date rule reads of an invoice. */
export interface InvoicedFacts {
  status: InvoiceStatus;
  totalCents: number;
}

/** Invoiced to date: the totals of a contract's APPROVED, SENT, PARTIALLY_PAID and PAID invoices. */
export function invoicedToDateCents(invoices: readonly InvoicedFacts[]): number {
  return invoices.reduce((sum, invoice) => (countsAsInvoiced(invoice) ? sum + invoice.totalCents : sum), 0);
}

/** Whether an invoice's total counts toward its contract's invoiced-to-date. */
export function countsAsInvoiced(invoice: Pick<InvoicedFacts, 'status'>): boolean {
  return INVOICED_STATUSES.includes(invoice.status);
}

/** `countsAsInvoiced` in SQL, on the invoice aliased `alias` (for a grouped or locking SUM over invoices). */
export function countsAsInvoicedSql(alias: string): string {
  return `${alias}.status IN (${statusList(INVOICED_STATUSES)})`;
}

/** `invoicedToDateCents` in SQL: the cents invoiced under the contract whose id is the expression `contractId`. */
export function invoicedToDateSql(contractId: string): string {
  return `(SELECT COALESCE(SUM(itd.totalCents), 0) FROM invoice itd WHERE itd.contractId = ${contractId} AND ${countsAsInvoicedSql('itd')})`;
}

/**
 * The value left to invoice: the contract value less invoiced to date. Negative only if the value
 * was lowered below what was already invoiced; approving an invoice never makes it so.
 */
export function remainingValueCents(valueCents: number, invoicedCents: number): number {
  return valueCents - invoicedCents;
}

/** What the balance-due rule reads of an invoice. */
export interface BalanceFacts {
  status: InvoiceStatus;
  paidCents: number;
  totalCents: number;
}

/**
 * What the client owes on an invoice: the total less payments once it is sent (SENT or
 * PARTIALLY_PAID), and nothing otherwise: a draft, a pending or approved invoice not yet sent, a
 * paid or a void one is owed by nobody. Every receivable figure adds this up.
 */
export function balanceDueCents(invoice: BalanceFacts): number {
  return PAYABLE_STATUSES.includes(invoice.status) ? Math.max(invoice.totalCents - invoice.paidCents, 0) : 0;
}

/** The invoices with a balance due (`balanceDueCents` > 0) in SQL, on the invoice aliased `alias`. */
export function receivableSql(alias: string): string {
  return `(${alias}.status IN (${statusList(PAYABLE_STATUSES)}) AND ${alias}.paidCents < ${alias}.totalCents)`;
}

/** `balanceDueCents` in SQL, on the invoice aliased `alias` (for SUMs of receivables). */
export function balanceDueSql(alias: string): string {
  return `(CASE WHEN ${receivableSql(alias)} THEN ${alias}.totalCents - ${alias}.paidCents ELSE 0 END)`;
}

/** What the overdue rule reads of an invoice. */
export interface OverdueFacts {
  status: InvoiceStatus;
  paidCents: number;
  totalCents: number;
  dueDate: LocalDate;
}

/** Overdue: sent (or partly paid) with a balance still due, and the due date is before `today` (UTC). */
export function isOverdue(invoice: OverdueFacts, today: LocalDate): boolean {
  return PAYABLE_STATUSES.includes(invoice.status) && invoice.paidCents < invoice.totalCents && invoice.dueDate < today;
}

/** `isOverdue` in SQL, on the invoice aliased `alias`; its columns are never NULL, so NOT is its complement. */
export function overdueSql(alias: string, today: LocalDate): SqlCondition {
  return {
    sql: `(${alias}.status IN (${statusList(PAYABLE_STATUSES)}) AND ${alias}.paidCents < ${alias}.totalCents AND ${alias}.dueDate < :overdueToday)`,
    params: { overdueToday: today },
  };
}
