import { invoiceExports } from './invoice.exports';
import type { FeatureModule } from '../../common/feature-module';
import { Invoice, InvoiceLine, Payment } from './invoice.entity';
import { invoiceLoaders } from './invoice.loaders';
import { ContractInvoicingResolver, InvoiceLineResolver, InvoiceResolver, PaymentResolver } from './invoice.resolver';
import { InvoicePolicy } from './invoice.policy';

/** Invoices, their lines and the payments received against them. */
export const invoiceModule: FeatureModule = {
  name: 'invoice',
  policy: InvoicePolicy,
  entities: [Invoice, InvoiceLine, Payment],
  resolvers: [InvoiceResolver, InvoiceLineResolver, PaymentResolver, ContractInvoicingResolver],
  exports: invoiceExports,
  loaders: invoiceLoaders,
  nodes: [
    { type: Invoice, fetch: (ctx, id) => ctx.loaders.invoiceById.load(id) },
    { type: InvoiceLine, fetch: (ctx, id) => ctx.loaders.invoiceLineById.load(id) },
    { type: Payment, fetch: (ctx, id) => ctx.loaders.paymentById.load(id) },
  ],
};
