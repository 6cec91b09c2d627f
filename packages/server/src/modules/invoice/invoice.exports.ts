import { asCents, asDateTime, asGlobalId, asLocalDate, type ExportDataset } from '../../common/export-dataset';
import { InvoiceFilter, PaymentFilter } from './invoice.inputs';
import { PaymentService } from './payment.service';
import { InvoiceService } from './invoice.service';
import { balanceDueSql } from './invoicing.rules';

/** Invoices and payments as flat tables for BI tools (`GET /export/invoices.csv`, `/export/payments.csv`). */
export const invoiceExports: readonly ExportDataset[] = [
  {
    name: 'invoices',
    description: 'Every invoice you may read, one row each (the `invoices` list, with its filter).',
    filterType: InvoiceFilter,
    alias: 'invoice',
    query: (ctx, filter) => InvoiceService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'invoice.id', format: asGlobalId('Invoice') },
      { name: 'number', sql: 'invoice.number' },
      { name: 'status', sql: 'invoice.status' },
      { name: 'accountId', sql: 'invoice.accountId', format: asGlobalId('Account') },
      { name: 'contractId', sql: 'invoice.contractId', format: asGlobalId('Contract') },
      { name: 'issueDate', sql: 'invoice.issueDate', format: asLocalDate },
      { name: 'dueDate', sql: 'invoice.dueDate', format: asLocalDate },
      { name: 'currency', sql: 'invoice.currency' },
      { name: 'totalCents', sql: 'invoice.totalCents', format: asCents },
      { name: 'paidCents', sql: 'invoice.paidCents', format: asCents },
      { name: 'balanceDueCents', sql: balanceDueSql('invoice'), format: asCents },
      { name: 'sentAt', sql: 'invoice.sentAt', format: asDateTime },
      { name: 'createdAt', sql: 'invoice.createdAt', format: asDateTime },
      { name: 'updatedAt', sql: 'invoice.updatedAt', format: asDateTime },
    ],
  },
  {
    name: 'payments',
    description:
      'Every payment received on an invoice you may read, one row each (the `payments` list, with its filter).',
    filterType: PaymentFilter,
    alias: 'payment',
    query: (ctx, filter) => PaymentService.query(ctx, filter),
    columns: [
      { name: 'id', sql: 'payment.id', format: asGlobalId('Payment') },
      { name: 'invoiceId', sql: 'payment.invoiceId', format: asGlobalId('Invoice') },
      { name: 'invoiceNumber', sql: 'payment_invoice.number' },
      { name: 'accountId', sql: 'payment_invoice.accountId', format: asGlobalId('Account') },
      { name: 'paidAt', sql: 'payment.paidAt', format: asDateTime },
      { name: 'currency', sql: 'payment.currency' },
      { name: 'amountCents', sql: 'payment.amountCents', format: asCents },
      { name: 'reference', sql: 'payment.reference' },
    ],
  },
];
