import { Column, Entity, Index } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { centsTransformer, Money } from '../../common/money';

/** The kinds of item that go through the approval engine. */
export enum ApprovalSubjectType {
  CONTRACT = 'CONTRACT',
  CHANGE_ORDER = 'CHANGE_ORDER',
  INVOICE = 'INVOICE',
}

export enum ApprovalRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum ApprovalDecisionKind {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(ApprovalSubjectType, {
  name: 'ApprovalSubjectType',
  description: 'The kind of item an approval is about.',
  valuesConfig: {
    CONTRACT: { description: 'A contract (or renewal) awaiting activation.' },
    CHANGE_ORDER: { description: "A change order that alters a contract's value or schedule." },
    INVOICE: { description: 'An invoice before it may be sent.' },
  },
});

registerEnumType(ApprovalRequestStatus, {
  name: 'ApprovalRequestStatus',
  description: 'Where a request for approval stands.',
  valuesConfig: {
    PENDING: { description: 'Awaiting a decision.' },
    APPROVED: { description: 'Approved.' },
    REJECTED: { description: 'Rejected; the item went back to its author.' },
    WITHDRAWN: { description: 'Withdrawn by its author before a decision.' },
  },
});

registerEnumType(ApprovalDecisionKind, {
  name: 'ApprovalDecisionKind',
  description: 'What an approver decided.',
  valuesConfig: { APPROVED: { description: 'Approved.' }, REJECTED: { description: 'Rejected, with a reason.' } },
});

/** One submission of an item for approval: the approver's queue is the pending ones. */
@NodeType('ApprovalRequest')
@ObjectType({
  implements: Node,
  description: 'One submission of an item for approval; the approval queue lists the pending ones.',
})
@Entity('approval_request')
@Index(['status', 'requestedAt', 'id'])
@Index(['subjectType', 'subjectId'])
export class ApprovalRequest extends BaseRecord {
  @Field(() => ApprovalSubjectType, { description: 'The kind of item.' })
  @Column({ type: 'simple-enum', enum: ApprovalSubjectType })
  subjectType!: ApprovalSubjectType;

  @Column({ type: 'int' })
  subjectId!: number;

  @Column({ type: 'int' })
  accountId!: number;

  @Column({ type: 'bigint', transformer: centsTransformer })
  amountCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Field(() => Money, {
    description: "The amount that decides who may approve (the contract value, the change's size, the invoice total).",
  })
  get amount(): Money {
    return Money.of(this.amountCents, this.currency);
  }

  @Column({ type: 'int' })
  requestedById!: number;

  @Column({ type: 'int' })
  createdById!: number;

  @Field(() => Date, { description: 'When it was submitted.' })
  @Column({ type: 'datetime', precision: 3 })
  requestedAt!: Date;

  @Field(() => ApprovalRequestStatus, { description: 'Where the request stands.' })
  @Column({ type: 'simple-enum', enum: ApprovalRequestStatus })
  status!: ApprovalRequestStatus;
}

/** A decision on an item: who decided what, when, about how much, and why. */
@NodeType('ApprovalDecision')
@ObjectType({
  implements: Node,
  description: 'A decision on an item: who approved or rejected it, when, for how much, and why.',
})
@Entity('approval_decision')
@Index(['updatedAt', 'id'])
@Index(['subjectType', 'subjectId', 'id'])
export class ApprovalDecision extends BaseRecord {
  @Field(() => ApprovalSubjectType, { description: 'The kind of item decided.' })
  @Column({ type: 'simple-enum', enum: ApprovalSubjectType })
  subjectType!: ApprovalSubjectType;

  @Column({ type: 'int' })
  subjectId!: number;

  @Column({ type: 'int' })
  requestId!: number;

  @Field(() => ApprovalDecisionKind, { description: 'Approved or rejected.' })
  @Column({ type: 'simple-enum', enum: ApprovalDecisionKind })
  decision!: ApprovalDecisionKind;

  @Column({ type: 'int' })
  actorId!: number;

  @Field(() => String, { nullable: true, description: "The approver's note; required when rejecting." })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  @Column({ type: 'bigint', transformer: centsTransformer })
  amountCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Field(() => Money, { description: 'The amount that was decided on.' })
  get amount(): Money {
    return Money.of(this.amountCents, this.currency);
  }

  @Field(() => Date, { description: 'When it was decided.' })
  @Column({ type: 'datetime', precision: 3 })
  decidedAt!: Date;
}
