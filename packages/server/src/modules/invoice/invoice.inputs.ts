import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MoneyInput } from '../../common/money';
import { OrderDirection } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { IsName } from '../../common/validation';
import { Invoice, InvoiceStatus } from './invoice.entity';
import {
  ApprovalNote,
  ExpectedVersion,
  MoneyAtLeast,
  RejectionReason,
  UPDATED_AT_ORDER,
  UpdatedSince,
} from '../../common/inputs';

/** The most lines one invoice may have: one page of `lines` holds them all. */
export const MAX_INVOICE_LINES = 100;

/** A positive decimal with at most 9 digits before the point and 3 after: "2", "2.5", "2.125". */
export const QUANTITY_PATTERN = /^(?=.*[1-9])\d{1,9}(\.\d{1,3})?$/;

@InputType({ description: 'One line of an invoice.' })
export class InvoiceLineInput {
  @Field(() => String, { description: 'What is billed (1 to 500 characters).' })
  @IsName(500)
  description!: string;

  @Field(() => String, {
    description:
      'How many units: a decimal string more than zero with up to 9 digits before the point and 3 after, such as "2.125".',
  })
  @Matches(QUANTITY_PATTERN, {
    message:
      'quantity must be a decimal more than zero with at most 9 digits before the point and 3 after, such as "2.125"',
  })
  quantity!: string;

  @MoneyAtLeast(
    0,
    'a unit price cannot be negative',
    "The price of one unit, zero or more, in the contract's currency (which it takes when the currency is omitted).",
  )
  unitPrice!: MoneyInput;
}

@InputType({ description: 'A new invoice under an ACTIVE contract, created as a DRAFT.' })
export class CreateInvoiceInput {
  @Field(() => ID, { description: 'The contract it bills; it must be ACTIVE.' })
  @MaxLength(200)
  contractId!: string;

  @Field(() => ID, { nullable: true, description: "The client account; when given it must be the contract's account." })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The date of issue; today (UTC) when omitted. Its year is the year in the number.',
  })
  @IsOptional()
  issueDate?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'When payment is due, on or after the issue date; 30 days after it when omitted.',
  })
  @IsOptional()
  dueDate?: string | null;

  @Field(() => [InvoiceLineInput], { description: `The lines, 1 to ${MAX_INVOICE_LINES}, in order.` })
  @ArrayMinSize(1, { message: 'an invoice needs at least one line' })
  @ArrayMaxSize(MAX_INVOICE_LINES, { message: `an invoice has at most ${MAX_INVOICE_LINES} lines` })
  @ValidateNested()
  lines!: InvoiceLineInput[];
}

@InputType({ description: 'Changes to a DRAFT invoice; omitted fields stay as they are.' })
export class UpdateInvoiceInput {
  @Field(() => ID, { description: 'The invoice.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'New issue date, in the same year as before (the year is part of the number).',
  })
  @IsOptional()
  issueDate?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New due date, on or after the issue date.' })
  @IsOptional()
  dueDate?: string | null;

  @Field(() => [InvoiceLineInput], {
    nullable: true,
    description: `New lines, 1 to ${MAX_INVOICE_LINES}: they replace all the current lines, and the total follows.`,
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'an invoice needs at least one line' })
  @ArrayMaxSize(MAX_INVOICE_LINES, { message: `an invoice has at most ${MAX_INVOICE_LINES} lines` })
  @ValidateNested()
  lines?: InvoiceLineInput[] | null;
}

/**
 * The invoice a lifecycle step is about, and optionally the version the client last read of it
 * (registered so its fields are inherited; never in the schema itself).
 */
@InputType('InvoiceRefInput', { description: 'Names an invoice.' })
abstract class InvoiceRefInput {
  @Field(() => ID, { description: 'The invoice.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

@InputType({ description: 'Sends a DRAFT invoice for approval.' })
export class SubmitInvoiceInput extends InvoiceRefInput {}

@InputType({ description: 'Approves a pending invoice, which becomes APPROVED and may be sent.' })
export class ApproveInvoiceInput extends InvoiceRefInput {
  @ApprovalNote()
  note?: string | null;
}

@InputType({ description: 'Sends a pending invoice back to DRAFT, with a reason.' })
export class RejectInvoiceInput extends InvoiceRefInput {
  @RejectionReason()
  reason!: string;
}

@InputType({ description: 'Marks an APPROVED invoice as sent to the client.' })
export class SendInvoiceInput extends InvoiceRefInput {}

@InputType({ description: 'Cancels an invoice on which nothing has been paid.' })
export class VoidInvoiceInput extends InvoiceRefInput {
  @Field(() => String, { description: 'Why it is voided.' })
  @IsName(2000)
  reason!: string;
}

@InputType({ description: 'A payment received against a SENT or PARTIALLY_PAID invoice.' })
export class RecordPaymentInput {
  @Field(() => ID, { description: 'The invoice paid.' })
  @MaxLength(200)
  invoiceId!: string;

  @ExpectedVersion({ of: "The invoice's" })
  expectedVersion?: number | null;

  @MoneyAtLeast(
    1,
    'a payment must be more than zero',
    "How much was received: more than zero and at most the balance due, in the invoice's currency (which it takes when the currency is omitted).",
  )
  amount!: MoneyInput;

  @Field(() => Date, {
    nullable: true,
    description: 'When the money was received; now when omitted. Not in the future.',
  })
  @IsOptional()
  paidAt?: Date | null;

  @Field(() => String, {
    description: "The client's reference for the payment (1 to 200 characters), for example a remittance or wire id.",
  })
  @IsName(200)
  reference!: string;
}

export enum InvoiceOrderField {
  ISSUE_DATE = 'ISSUE_DATE',
  DUE_DATE = 'DUE_DATE',
  NUMBER = 'NUMBER',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(InvoiceOrderField, {
  name: 'InvoiceOrderField',
  description: 'What to sort invoices by.',
  valuesConfig: {
    ISSUE_DATE: { description: 'Date of issue.' },
    DUE_DATE: { description: 'Date payment is due.' },
    NUMBER: { description: 'Invoice number.' },
    CREATED_AT: { description: 'When the invoice was created.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort invoices; ties break on id.' })
export class InvoiceOrder {
  @Field(() => InvoiceOrderField, { description: 'What to sort by.' })
  field!: InvoiceOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of invoices; all given conditions must hold.' })
export class InvoiceFilter {
  @Field(() => ID, { nullable: true, description: 'Invoices of this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Invoices under this contract.' })
  @IsOptional()
  @MaxLength(200)
  contractId?: string | null;

  @Field(() => [InvoiceStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(7)
  status?: InvoiceStatus[] | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Issued on or after this date.' })
  @IsOptional()
  issuedOnOrAfter?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Issued on or before this date.' })
  @IsOptional()
  issuedOnOrBefore?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Due on or after this date.' })
  @IsOptional()
  dueOnOrAfter?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Due on or before this date.' })
  @IsOptional()
  dueOnOrBefore?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only overdue invoices (see `isOverdue`); false: only those that are not.',
  })
  @IsOptional()
  overdue?: boolean | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export const CreateInvoicePayload = payloadType(
  'createInvoice',
  'invoice',
  Invoice,
  'The new DRAFT invoice, numbered.',
);
export const UpdateInvoicePayload = payloadType('updateInvoice', 'invoice', Invoice, 'The invoice as it is now.');
export const SubmitInvoicePayload = payloadType(
  'submitInvoice',
  'invoice',
  Invoice,
  'The invoice, now PENDING_APPROVAL.',
);
export const SendInvoicePayload = payloadType('sendInvoice', 'invoice', Invoice, 'The invoice, now SENT.');
export const VoidInvoicePayload = payloadType('voidInvoice', 'invoice', Invoice, 'The invoice, now VOID.');

export enum PaymentOrderField {
  PAID_AT = 'PAID_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(PaymentOrderField, {
  name: 'PaymentOrderField',
  description: 'What to sort payments by.',
  valuesConfig: { PAID_AT: { description: 'When the money was received.' }, UPDATED_AT: UPDATED_AT_ORDER },
});

@InputType({ description: 'How to sort payments; ties break on id.' })
export class PaymentOrder {
  @Field(() => PaymentOrderField, { description: 'What to sort by.' })
  field!: PaymentOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of payments; all given conditions must hold.' })
export class PaymentFilter {
  @Field(() => ID, { nullable: true, description: 'Payments of invoices of this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Payments against this invoice.' })
  @IsOptional()
  @MaxLength(200)
  invoiceId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Received at or after this time.' })
  @IsOptional()
  paidFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Received before this time.' })
  @IsOptional()
  paidBefore?: Date | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}
