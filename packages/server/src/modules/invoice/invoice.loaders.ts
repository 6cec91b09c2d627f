import DataLoader from 'dataloader';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { ApprovalDecision, ApprovalSubjectType } from '../approval/approval.entity';
import { Invoice, InvoiceLine, Payment } from './invoice.entity';
import { invoicedToDateSql } from './invoicing.rules';

/** Narrows rows that hang off an invoice (`invoiceId`) to those whose invoice's account is readable. */
function throughInvoice(scope: AccessScope) {
  return <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): void => {
    if (scope.readsAll) return;
    qb.innerJoin(Invoice, 'scope_invoice', `scope_invoice.id = ${alias}.invoiceId`);
    scope.restrictByAccountId(qb, 'scope_invoice');
  };
}

export const invoiceLoaders = {
  invoiceById: (em, scope) => rowsById(em, Invoice, scope.restrictByAccountId.bind(scope)),
  invoiceLineById: (em, scope) => rowsById(em, InvoiceLine, throughInvoice(scope)),
  paymentById: (em, scope) => rowsById(em, Payment, throughInvoice(scope)),
  // The children of a row the viewer already reached through a scoped path, so not scoped again.
  contractInvoices: (em) =>
    new ChildListLoader(em, {
      entity: Invoice,
      foreignKey: 'contractId',
      order: { key: 'issueDate', property: 'issueDate', direction: OrderDirection.DESC, kind: 'string' },
    }),
  invoiceLines: (em) =>
    new ChildListLoader(em, {
      entity: InvoiceLine,
      foreignKey: 'invoiceId',
      order: { key: 'position', property: 'position', direction: OrderDirection.ASC, kind: 'number' },
    }),
  invoicePayments: (em) =>
    new ChildListLoader(em, {
      entity: Payment,
      foreignKey: 'invoiceId',
      order: { key: 'paidAt', property: 'paidAt', direction: OrderDirection.DESC, kind: 'date' },
    }),
  invoiceApprovals: (em) =>
    new ChildListLoader(em, {
      entity: ApprovalDecision,
      foreignKey: 'subjectId',
      order: { key: 'decided', property: 'id', direction: OrderDirection.DESC, kind: 'number' },
      filter: (qb, alias) =>
        qb.andWhere(`${alias}.subjectType = :invoiceType`, { invoiceType: ApprovalSubjectType.INVOICE }),
    }),
  /** Cents invoiced to date under each contract (invoicing.rules.ts): one statement per batch. */
  contractInvoicedCents: (em) =>
    new DataLoader<number, number>(async (contractIds) => {
      const rows = await em
        .createQueryBuilder()
        .select('c.id', 'contractId')
        .addSelect(invoicedToDateSql('c.id'), 'invoiced')
        .from('contract', 'c')
        .where('c.id IN (:...contractIds)', { contractIds })
        .getRawMany<{ contractId: number | string; invoiced: number | string }>();
      const totals = new Map(rows.map((row) => [Number(row.contractId), Number(row.invoiced)]));
      return contractIds.map((id) => totals.get(id) ?? 0);
    }),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof invoiceLoaders> {}
}
