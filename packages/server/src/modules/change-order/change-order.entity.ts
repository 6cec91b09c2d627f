import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { centsTransformer, Money } from '../../common/money';
import { Account } from '../account/account.entity';
import { Contract } from '../contract/contract.entity';

export enum ChangeOrderStatus {
  DRAFT = 'DRAFT',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ChangeOrderStatus, {
  name: 'ChangeOrderStatus',
  description: 'Where a change order is in its lifecycle.',
  valuesConfig: {
    DRAFT: { description: 'Being written; can be changed, submitted or withdrawn.' },
    PENDING_APPROVAL: { description: "Submitted; in the approvers' queue until approved, rejected or withdrawn." },
    APPROVED: { description: "Approved: its amount is now part of the contract's value. Final." },
    REJECTED: { description: 'Rejected by an approver, with a reason. Final: raise a new change order instead.' },
    WITHDRAWN: { description: 'Taken back by the account team before a decision. Final.' },
  },
});

/** A change to an active contract's value or schedule, approved through the approval engine. */
@NodeType('ChangeOrder')
@ObjectType({
  implements: Node,
  description:
    "A change to an ACTIVE contract's value or schedule; once approved, its amount is added to the contract's value.",
})
@Entity('change_order')
@Index(['updatedAt', 'id'])
@Index(['contractId', 'id'])
@Index(['accountId', 'createdAt', 'id'])
@Index(['status', 'createdAt', 'id'])
@Index(['createdAt', 'id'])
export class ChangeOrder extends BaseRecord {
  @Column({ type: 'int' })
  contractId!: number;

  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contractId' })
  contract?: Relation<Contract>;

  /** The contract's account, copied at creation: row scoping and the approval queue filter on it. */
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  /** The project the change is for, on the same contract; approval adjusts its budget (ChangeOrder.project). */
  @Column({ type: 'int', nullable: true })
  projectId!: number | null;

  @Field(() => String, { description: 'Human-readable number, unique: "CO-2026-0007" (year of creation).' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 30 })
  number!: string;

  @Field(() => String, { description: 'Title, for example "Add dental network to the provider directory".' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What changes and why, up to 5,000 characters.' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'bigint', transformer: centsTransformer })
  amountDeltaCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Field(() => Money, {
    description: "What approval adds to the contract's value, in its currency; negative for a reduction in scope.",
  })
  get amountDelta(): Money {
    return Money.of(this.amountDeltaCents, this.currency);
  }

  @Field(() => Int, {
    description: 'Days the change moves the delivery schedule: positive is later, negative earlier, 0 none.',
  })
  @Column({ type: 'int', default: 0 })
  scheduleImpactDays!: number;

  @Field(() => ChangeOrderStatus, { description: 'Where it is in its lifecycle.' })
  @Column({ type: 'simple-enum', enum: ChangeOrderStatus })
  status!: ChangeOrderStatus;

  /** Who raised it; exposed as `requestedBy`. */
  @Column({ type: 'int' })
  createdById!: number;

  @Column({ type: 'int', nullable: true })
  submittedById!: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was approved or rejected; null before a decision and when withdrawn.',
  })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  decidedAt!: Date | null;
}
