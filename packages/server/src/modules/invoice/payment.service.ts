import type { SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../common/context';
import { decodeGlobalId } from '../../common/global-id';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { Invoice, Payment } from './invoice.entity';
import { PaymentOrderField, type PaymentFilter, type PaymentOrder } from './invoice.inputs';

const SORTS: Record<PaymentOrderField, Omit<SortOrder, 'direction'>> = {
  [PaymentOrderField.PAID_AT]: { key: 'paidAt', property: 'paidAt', kind: 'date' },
  [PaymentOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

/** Payments across invoices: cash received, for tools that chart it without walking every invoice. */
export const PaymentService = {
  /** Payments on invoices of accounts the viewer may read (as the invoices list scopes); oldest first by default. */
  /** The payments the viewer may read that meet `filter` (the invoice aliased payment_invoice): the list's rows and its export's. */
  query(ctx: Context, filter: PaymentFilter | null | undefined): SelectQueryBuilder<Payment> {
    const qb = ctx.em
      .createQueryBuilder(Payment, 'payment')
      .innerJoin(Invoice, 'payment_invoice', 'payment_invoice.id = payment.invoiceId');
    ctx.scope.restrictByAccountId(qb, 'payment_invoice');
    if (filter?.accountId)
      qb.andWhere('payment_invoice.accountId = :accountId', {
        accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
      });
    if (filter?.invoiceId)
      qb.andWhere('payment.invoiceId = :invoiceId', {
        invoiceId: decodeGlobalId(filter.invoiceId, 'Invoice', 'filter.invoiceId'),
      });
    if (filter?.paidFrom) qb.andWhere('payment.paidAt >= :paidFrom', { paidFrom: filter.paidFrom });
    if (filter?.paidBefore) qb.andWhere('payment.paidAt < :paidBefore', { paidBefore: filter.paidBefore });
    whereUpdatedSince(qb, 'payment', filter?.updatedSince);
    return qb;
  },

  async list(
    ctx: Context,
    args: PageArgs,
    filter: PaymentFilter | null | undefined,
    orderBy: PaymentOrder | null | undefined,
  ): Promise<Connection<Payment>> {
    const order: SortOrder = {
      ...SORTS[orderBy?.field ?? PaymentOrderField.PAID_AT],
      direction: orderBy?.direction ?? OrderDirection.ASC,
    };
    const qb = this.query(ctx, filter);
    return paginate(qb, 'payment', order, args);
  },
};
