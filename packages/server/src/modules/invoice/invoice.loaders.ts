import DataLoader from 'dataloader';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import { OrderDirection } from '../../common/pagination';
import { ApprovalDecision, ApprovalSubjectType } from '../approval/approval.entity';
import { INVOICED_STATUSES, Invoice, InvoiceLine, Payment } from './invoice.entity';

/** Narrows rows that hang off an invoice (`invoiceId`) to those whose invoice's account is readable. */
function throughInvoice(scope: AccessScope) {
  return <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): void => {
    if (scope.readsAll) return;
    qb.innerJoin(Invoice, 'scope_invoice', `scope_invoice.id = ${alias}.invoiceId`);
    scope.restrictByAccountId(qb, 'scope_invoice');
  };
}

export function createInvoiceLoaders(em: EntityManager, scope: AccessScope) {
  return {
    invoiceById: rowsById(em, Invoice, scope.restrictByAccountId.bind(scope)),
    invoiceLineById: rowsById(em, InvoiceLine, throughInvoice(scope)),
    paymentById: rowsById(em, Payment, throughInvoice(scope)),
    // The children of a row the viewer already reached through a scoped path, so not scoped again.
    contractInvoices: new ChildListLoader(em, {
      entity: Invoice,
      foreignKey: 'contractId',
      order: { key: 'issueDate', property: 'issueDate', direction: OrderDirection.DESC, kind: 'string' },
    }),
    invoiceLines: new ChildListLoader(em, {
      entity: InvoiceLine,
      foreignKey: 'invoiceId',
      order: { key: 'position', property: 'position', direction: OrderDirection.ASC, kind: 'number' },
    }),
    invoicePayments: new ChildListLoader(em, {
      entity: Payment,
      foreignKey: 'invoiceId',
      order: { key: 'paidAt', property: 'paidAt', direction: OrderDirection.DESC, kind: 'date' },
    }),
    invoiceApprovals: new ChildListLoader(em, {
      entity: ApprovalDecision,
      foreignKey: 'subjectId',
      order: { key: 'decided', property: 'id', direction: OrderDirection.DESC, kind: 'number' },
      filter: (qb, alias) => qb.andWhere(`${alias}.subjectType = :invoiceType`, { invoiceType: ApprovalSubjectType.INVOICE }),
    }),
    /** Cents invoiced under each contract (APPROVED, SENT, PARTIALLY_PAID, PAID): one grouped SUM per batch. */
    contractInvoicedCents: new DataLoader<number, number>(async (contractIds) => {
      const rows = await em
        .createQueryBuilder(Invoice, 'invoice')
        .select('invoice.contractId', 'contractId')
        .addSelect('SUM(invoice.totalCents)', 'invoiced')
        .where('invoice.contractId IN (:...contractIds)', { contractIds })
        .andWhere('invoice.status IN (:...invoicedStatuses)', { invoicedStatuses: INVOICED_STATUSES })
        .groupBy('invoice.contractId')
        .getRawMany<{ contractId: number | string; invoiced: number | string }>();
      const totals = new Map(rows.map((row) => [Number(row.contractId), Number(row.invoiced)]));
      return contractIds.map((id) => totals.get(id) ?? 0);
    }),
  };
}
