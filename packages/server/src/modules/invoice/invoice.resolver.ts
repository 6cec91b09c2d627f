import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { tryDecodeGlobalId } from '../../common/global-id';
import { Money } from '../../common/money';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import type { ApprovalDecision } from '../approval/approval.entity';
import { Contract } from '../contract/contract.entity';
import { ApprovalDecisionConnection } from '../contract/contract.resolver';
import { User } from '../user/user.entity';
import { Invoice, InvoiceLine, Payment } from './invoice.entity';
import {
  ApproveInvoiceInput,
  CreateInvoiceInput,
  CreateInvoicePayload,
  InvoiceFilter,
  InvoiceOrder,
  PaymentFilter,
  PaymentOrder,
  RecordPaymentInput,
  RejectInvoiceInput,
  SendInvoiceInput,
  SendInvoicePayload,
  SubmitInvoiceInput,
  SubmitInvoicePayload,
  UpdateInvoiceInput,
  UpdateInvoicePayload,
  VoidInvoiceInput,
  VoidInvoicePayload,
} from './invoice.inputs';
import { ApproveInvoicePayload, RecordPaymentPayload, RejectInvoicePayload } from './invoice.types';
import { InvoiceService } from './invoice.service';
import { PaymentService } from './payment.service';
import { remainingValueCents } from './invoicing.rules';

export const InvoiceConnection = connectionType(Invoice);
export const InvoiceLineConnection = connectionType(InvoiceLine);
export const PaymentConnection = connectionType(Payment);

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => Invoice, {
    nullable: true,
    description: 'One invoice by id; null when it does not exist or its account is outside your portfolio.',
  })
  invoice(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The invoice's global id." }) id: string,
  ): Promise<Invoice | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'Invoice' ? ctx.loaders.invoiceById.load(decoded.rowId) : null;
  }

  @Query(() => InvoiceConnection, {
    description:
      'Invoices of the accounts you may see, filtered and sorted (latest issue date first when no order is given).',
  })
  invoices(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => InvoiceFilter, { nullable: true, description: 'Conditions the invoices must meet.' })
    filter?: InvoiceFilter,
    @Arg('orderBy', () => InvoiceOrder, { nullable: true, description: 'Sort order.' }) orderBy?: InvoiceOrder,
  ): Promise<Connection<Invoice>> {
    return InvoiceService.list(ctx, page, filter, orderBy);
  }

  @Query(() => PaymentConnection, {
    name: 'payments',
    description:
      'Payments received on invoices of the accounts you may see, filtered and sorted (oldest first when no order is given).',
  })
  paymentList(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PaymentFilter, { nullable: true, description: 'Conditions the payments must meet.' })
    filter?: PaymentFilter,
    @Arg('orderBy', () => PaymentOrder, { nullable: true, description: 'Sort order.' }) orderBy?: PaymentOrder,
  ): Promise<Connection<Payment>> {
    return PaymentService.list(ctx, page, filter, orderBy);
  }

  @Mutation(() => CreateInvoicePayload, {
    description:
      "Raises a numbered DRAFT invoice, with its lines, under an ACTIVE contract. The account's writers and finance.",
  })
  async createInvoice(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateInvoiceInput, { description: 'The contract, dates and lines.' })
    input: CreateInvoiceInput,
  ) {
    return { invoice: await InvoiceService.create(ctx, input) };
  }

  @Mutation(() => UpdateInvoicePayload, {
    description:
      "Changes a DRAFT invoice's dates or replaces its lines, if nobody changed it since you read `expectedVersion`.",
  })
  async updateInvoice(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateInvoiceInput, { description: 'The changes.' }) input: UpdateInvoiceInput,
  ) {
    return { invoice: await InvoiceService.update(ctx, input) };
  }

  @Mutation(() => SubmitInvoicePayload, {
    description: "Sends a DRAFT invoice for approval; it joins the approvers' queue.",
  })
  async submitInvoice(
    @Ctx() ctx: Context,
    @Arg('input', () => SubmitInvoiceInput, { description: 'The invoice.' }) input: SubmitInvoiceInput,
  ) {
    return { invoice: await InvoiceService.submit(ctx, input) };
  }

  @Mutation(() => ApproveInvoicePayload, {
    description:
      'Approves a pending invoice within your approval limit (finance may approve invoices too); someone else must have created and submitted it. ' +
      "Refused with CONFLICT when it would take the contract's invoiced total past the contract value.",
  })
  approveInvoice(
    @Ctx() ctx: Context,
    @Arg('input', () => ApproveInvoiceInput, { description: 'The invoice and an optional note.' })
    input: ApproveInvoiceInput,
  ): Promise<ApproveInvoicePayload> {
    return InvoiceService.approve(ctx, input);
  }

  @Mutation(() => RejectInvoicePayload, { description: 'Sends a pending invoice back to DRAFT with a reason.' })
  rejectInvoice(
    @Ctx() ctx: Context,
    @Arg('input', () => RejectInvoiceInput, { description: 'The invoice and the reason.' }) input: RejectInvoiceInput,
  ): Promise<RejectInvoicePayload> {
    return InvoiceService.reject(ctx, input);
  }

  @Mutation(() => SendInvoicePayload, {
    description: 'Marks an APPROVED invoice as sent to the client; from then its balance is due.',
  })
  async sendInvoice(
    @Ctx() ctx: Context,
    @Arg('input', () => SendInvoiceInput, { description: 'The invoice.' }) input: SendInvoiceInput,
  ) {
    return { invoice: await InvoiceService.send(ctx, input) };
  }

  @Mutation(() => RecordPaymentPayload, {
    description:
      'Records a payment against a SENT or PARTIALLY_PAID invoice, at most its balance; it becomes PARTIALLY_PAID or PAID.',
  })
  recordPayment(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordPaymentInput, { description: 'The invoice, amount, date and reference.' })
    input: RecordPaymentInput,
  ): Promise<RecordPaymentPayload> {
    return InvoiceService.recordPayment(ctx, input);
  }

  @Mutation(() => VoidInvoicePayload, {
    description:
      'Voids a DRAFT, PENDING_APPROVAL, APPROVED or SENT invoice on which nothing has been paid, with a reason.',
  })
  async voidInvoice(
    @Ctx() ctx: Context,
    @Arg('input', () => VoidInvoiceInput, { description: 'The invoice and the reason.' }) input: VoidInvoiceInput,
  ) {
    return { invoice: await InvoiceService.void(ctx, input) };
  }

  @FieldResolver(() => Account, { description: 'The client account billed.' })
  async account(@Root() invoice: Invoice, @Ctx() ctx: Context): Promise<Account> {
    return (await ctx.loaders.accountById.load(invoice.accountId)) as Account;
  }

  @FieldResolver(() => Contract, { description: 'The contract it bills under.' })
  async contract(@Root() invoice: Invoice, @Ctx() ctx: Context): Promise<Contract> {
    return (await ctx.loaders.contractById.load(invoice.contractId)) as Contract;
  }

  @FieldResolver(() => InvoiceLineConnection, {
    description: 'The lines, in order (at most 100, so one page of 100 holds them all).',
  })
  lines(
    @Root() invoice: Invoice,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<InvoiceLine>> {
    return ctx.loaders.invoiceLines.page(invoice.id, page);
  }

  @FieldResolver(() => PaymentConnection, { description: 'Payments recorded against it, latest first.' })
  payments(
    @Root() invoice: Invoice,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Payment>> {
    return ctx.loaders.invoicePayments.page(invoice.id, page);
  }

  @FieldResolver(() => ApprovalDecisionConnection, { description: 'Approval decisions on this invoice, newest first.' })
  approvals(
    @Root() invoice: Invoice,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ApprovalDecision>> {
    return ctx.loaders.invoiceApprovals.page(invoice.id, page);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who approved it.' })
  approvedBy(@Root() invoice: Invoice, @Ctx() ctx: Context): Promise<User | null> | null {
    return invoice.approvedById === null ? null : ctx.loaders.userById.load(invoice.approvedById);
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => Invoice, { description: 'The invoice this line is on.' })
  async invoice(@Root() line: InvoiceLine, @Ctx() ctx: Context): Promise<Invoice> {
    return (await ctx.loaders.invoiceById.load(line.invoiceId)) as Invoice;
  }
}

@Resolver(() => Payment)
export class PaymentResolver {
  @FieldResolver(() => Invoice, { description: 'The invoice paid.' })
  async invoice(@Root() payment: Payment, @Ctx() ctx: Context): Promise<Invoice> {
    return (await ctx.loaders.invoiceById.load(payment.invoiceId)) as Invoice;
  }

  @FieldResolver(() => User, { description: 'Who recorded it.' })
  async recordedBy(@Root() payment: Payment, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(payment.recordedById)) as User;
  }
}

/** What a contract has been invoiced: its invoices and the value left to bill. */
@Resolver(() => Contract)
export class ContractInvoicingResolver {
  @FieldResolver(() => Money, { description: 'The total of its APPROVED, SENT, PARTIALLY_PAID and PAID invoices.' })
  async invoicedToDate(@Root() contract: Contract, @Ctx() ctx: Context): Promise<Money> {
    return Money.of(await ctx.loaders.contractInvoicedCents.load(contract.id), contract.currency);
  }

  @FieldResolver(() => Money, { description: 'The value left to invoice: the contract value less `invoicedToDate`.' })
  async remainingValue(@Root() contract: Contract, @Ctx() ctx: Context): Promise<Money> {
    const invoiced = await ctx.loaders.contractInvoicedCents.load(contract.id);
    return Money.of(remainingValueCents(contract.valueCents, invoiced), contract.currency);
  }

  @FieldResolver(() => InvoiceConnection, { description: 'Invoices under this contract, latest issue date first.' })
  invoices(
    @Root() contract: Contract,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Invoice>> {
    return ctx.loaders.contractInvoices.page(contract.id, page);
  }
}
