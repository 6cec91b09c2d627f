import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { todayUtc, type LocalDate } from '../../common/dates';
import { centsTransformer, Money } from '../../common/money';
import { Account } from '../account/account.entity';
import { Contract } from '../contract/contract.entity';
import { User } from '../user/user.entity';
import { balanceDueCents, InvoiceStatus, isOverdue } from './invoicing.rules';

export { InvoiceStatus };

registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'Where an invoice is in its lifecycle.',
  valuesConfig: {
    DRAFT: { description: 'Being written; its dates and lines can be changed.' },
    PENDING_APPROVAL: { description: 'Submitted; awaiting an approver.' },
    APPROVED: { description: 'Approved; ready to be sent to the client.' },
    SENT: { description: 'Sent to the client; nothing paid yet.' },
    PARTIALLY_PAID: { description: 'Sent, with payments that do not yet cover the total.' },
    PAID: { description: 'Paid in full.' },
    VOID: { description: 'Cancelled, with a reason; keeps its number but bills nothing.' },
  },
});

/** Formats a quantity held in thousandths as the decimal clients send: 2125 is "2.125", 2500 "2.5". */
export function formatQuantity(thousandths: number): string {
  const whole = Math.trunc(thousandths / 1000);
  const fraction = String(thousandths % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Parses "2.125" into 2125 thousandths; the input is already checked against QUANTITY_PATTERN. */
export function parseQuantity(quantity: string): number {
  const [whole, fraction = ''] = quantity.split('.');
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
}

/** An invoice to a client account under one of its contracts: numbered, approved, sent and paid. */
@NodeType('Invoice')
@ObjectType({
  implements: Node,
  description:
    'An invoice to a client account under one of its contracts: its lines, total, approval, payments and balance.',
})
@Entity('invoice')
@Index(['updatedAt', 'id'])
@Index(['accountId', 'issueDate', 'id'])
@Index(['contractId', 'issueDate', 'id'])
@Index(['status', 'dueDate', 'id'])
// An account's open receivables by due date: the health score's finance component reads them per account.
@Index(['accountId', 'status', 'dueDate'])
@Index(['issueDate', 'id'])
@Index(['dueDate', 'id'])
export class Invoice extends BaseRecord {
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Column({ type: 'int' })
  contractId!: number;

  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contractId' })
  contract?: Relation<Contract>;

  @Field(() => String, {
    description: 'Human-readable number, unique and sequential per year of issue: "INV-2026-00042".',
  })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 30 })
  number!: string;

  @Field(() => InvoiceStatus, { description: 'Where it is in its lifecycle.' })
  @Column({ type: 'simple-enum', enum: InvoiceStatus })
  status!: InvoiceStatus;

  @Field(() => GraphQLLocalDate, { description: 'The date of issue; its year is the year in the number.' })
  @Column({ type: 'date' })
  issueDate!: LocalDate;

  @Field(() => GraphQLLocalDate, { description: 'The date payment is due; on or after the issue date.' })
  @Column({ type: 'date' })
  dueDate!: LocalDate;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  /** The sum of the line amounts, kept in step with the lines in the same transaction. */
  @Column({ type: 'bigint', transformer: centsTransformer })
  totalCents!: number;

  /** The sum of the payments, kept in step with them in the same transaction (lists filter on it). */
  @Column({ type: 'bigint', transformer: centsTransformer, default: 0 })
  paidCents!: number;

  @Field(() => Money, { description: "The sum of the line amounts, in the contract's currency." })
  get total(): Money {
    return Money.of(this.totalCents, this.currency);
  }

  @Field(() => Money, { description: 'The sum of the payments recorded.' })
  get amountPaid(): Money {
    return Money.of(this.paidCents, this.currency);
  }

  @Field(() => Money, {
    description:
      'What the client owes: the total less the payments once the invoice is sent (SENT, PARTIALLY_PAID); zero for drafts, invoices pending or approved but not sent, paid and void ones.',
  })
  get balanceDue(): Money {
    return Money.of(balanceDueCents(this), this.currency);
  }

  @Field(() => Boolean, {
    description: 'Sent (or partly paid) with a balance still due, and the due date is before today (UTC).',
  })
  get isOverdue(): boolean {
    return isOverdue(this, todayUtc());
  }

  @Column({ type: 'int' })
  createdById!: number;

  @Column({ type: 'int', nullable: true })
  submittedById!: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  approvedById!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approvedById' })
  approvedBy?: Relation<User> | null;

  @Field(() => Date, { nullable: true, description: 'When it was approved.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  approvedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was sent to the client.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was voided.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  voidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was voided.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  voidReason!: string | null;
}

/** One line of an invoice: quantity (to three decimals) times unit price, rounded half-even to a cent. */
@NodeType('InvoiceLine')
@ObjectType({
  implements: Node,
  description:
    'One line of an invoice: a quantity (up to three decimals) times a unit price, rounded half-even to a cent.',
})
@Entity('invoice_line')
@Index(['invoiceId', 'position'], { unique: true })
export class InvoiceLine extends BaseRecord {
  @Column({ type: 'int' })
  invoiceId!: number;

  @ManyToOne(() => Invoice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoiceId' })
  invoice?: Relation<Invoice>;

  @Field(() => Int, { description: 'Its place on the invoice, from 1.' })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => String, { description: 'What is billed, for example "Implementation services, March 2026".' })
  @Column({ type: 'varchar', length: 500 })
  description!: string;

  /** The quantity in thousandths: "2.125" is 2125. BIGINT because the largest quantity accepted, 999999999.999, passes INT. */
  @Column({ type: 'bigint', transformer: centsTransformer })
  quantityThousandths!: number;

  @Column({ type: 'bigint', transformer: centsTransformer })
  unitPriceCents!: number;

  /** quantity × unit price rounded half-even, fixed when the line is written. */
  @Column({ type: 'bigint', transformer: centsTransformer })
  amountCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Field(() => String, { description: 'How many units, as a decimal string with up to three decimals: "2.125".' })
  get quantity(): string {
    return formatQuantity(this.quantityThousandths);
  }

  @Field(() => Money, { description: 'The price of one unit.' })
  get unitPrice(): Money {
    return Money.of(this.unitPriceCents, this.currency);
  }

  @Field(() => Money, { description: "Quantity times unit price, rounded half-even (banker's rounding) to a cent." })
  get amount(): Money {
    return Money.of(this.amountCents, this.currency);
  }
}

/** A payment received against an invoice. */
@NodeType('Payment')
@ObjectType({ implements: Node, description: 'A payment received against an invoice.' })
@Entity('invoice_payment')
@Index(['updatedAt', 'id'])
@Index(['invoiceId', 'paidAt', 'id'])
export class Payment extends BaseRecord {
  @Column({ type: 'int' })
  invoiceId!: number;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoiceId' })
  invoice?: Relation<Invoice>;

  @Column({ type: 'bigint', transformer: centsTransformer })
  amountCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Field(() => Money, { description: 'How much was paid; more than zero.' })
  get amount(): Money {
    return Money.of(this.amountCents, this.currency);
  }

  @Field(() => Date, { description: 'When the money was received.' })
  @Column({ type: 'datetime', precision: 3 })
  paidAt!: Date;

  @Field(() => String, { description: "The client's reference for it, for example a remittance or wire id." })
  @Column({ type: 'varchar', length: 200 })
  reference!: string;

  @Index()
  @Column({ type: 'int' })
  recordedById!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recordedById' })
  recordedBy?: Relation<User>;
}
