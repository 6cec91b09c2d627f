import { Field, ObjectType } from 'type-graphql';
import { ApprovalDecision } from '../approval/approval.entity';
import { Invoice, Payment } from './invoice.entity';

@ObjectType({ description: 'The result of approveInvoice.' })
export class ApproveInvoicePayload {
  @Field(() => Invoice, { description: 'The invoice, now APPROVED.' })
  invoice!: Invoice;

  @Field(() => ApprovalDecision, { description: 'The decision just recorded.' })
  decision!: ApprovalDecision;
}

@ObjectType({ description: 'The result of rejectInvoice.' })
export class RejectInvoicePayload {
  @Field(() => Invoice, { description: 'The invoice, back in DRAFT.' })
  invoice!: Invoice;

  @Field(() => ApprovalDecision, { description: 'The decision just recorded, with the reason as its note.' })
  decision!: ApprovalDecision;
}

@ObjectType({ description: 'The result of recordPayment.' })
export class RecordPaymentPayload {
  @Field(() => Invoice, { description: 'The invoice, now PARTIALLY_PAID or PAID, with its new balance.' })
  invoice!: Invoice;

  @Field(() => Payment, { description: 'The payment just recorded.' })
  payment!: Payment;
}
