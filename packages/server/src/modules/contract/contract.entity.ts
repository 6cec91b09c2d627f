import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { daysBetween, todayUtc, type LocalDate } from '../../common/dates';
import { centsTransformer, Money } from '../../common/money';
import { Account } from '../account/account.entity';
import { User } from '../user/user.entity';

export enum ContractType {
  MASTER_SERVICES = 'MASTER_SERVICES',
  STATEMENT_OF_WORK = 'STATEMENT_OF_WORK',
  RENEWAL = 'RENEWAL',
  AMENDMENT = 'AMENDMENT',
}

export enum ContractStatus {
  DRAFT = 'DRAFT',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
  RENEWED = 'RENEWED',
}

registerEnumType(ContractType, {
  name: 'ContractType',
  description: 'What kind of agreement a contract is.',
  valuesConfig: {
    MASTER_SERVICES: { description: 'The master services agreement with the client.' },
    STATEMENT_OF_WORK: { description: 'A statement of work for new work under the master agreement.' },
    RENEWAL: { description: 'A renewal of an earlier contract for a new term.' },
    AMENDMENT: { description: 'An amendment to an earlier contract.' },
  },
});

registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: 'Where a contract is in its lifecycle.',
  valuesConfig: {
    DRAFT: { description: 'Being written; can be changed.' },
    PENDING_APPROVAL: { description: 'Submitted; awaiting an approver.' },
    ACTIVE: { description: 'Approved and in force.' },
    EXPIRED: { description: 'Its term ended without a renewal.' },
    TERMINATED: { description: 'Ended early, with a reason.' },
    RENEWED: { description: 'Succeeded by an activated renewal.' },
  },
});

/** A contract with a client account: term, value, notice, and the renewal chain. */
@NodeType('Contract')
@ObjectType({
  implements: Node,
  description: 'A contract with a client account: its term, value, notice period and renewal chain.',
})
@Entity('contract')
@Index(['updatedAt', 'id'])
@Index(['accountId', 'endDate', 'id'])
@Index(['status', 'noticeDeadline', 'id'])
@Index(['endDate', 'id'])
export class Contract extends BaseRecord {
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Field(() => String, { description: 'Human-readable number, unique: "C-2026-0042".' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 30 })
  number!: string;

  @Field(() => String, { description: 'Title, for example "Provider transparency platform, 2026-2028".' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => ContractType, { description: 'What kind of agreement it is.' })
  @Column({ type: 'simple-enum', enum: ContractType })
  type!: ContractType;

  @Field(() => ContractStatus, { description: 'Where it is in its lifecycle.' })
  @Column({ type: 'simple-enum', enum: ContractStatus })
  status!: ContractStatus;

  @Field(() => GraphQLLocalDate, { description: 'First day of the term.' })
  @Column({ type: 'date' })
  startDate!: LocalDate;

  @Field(() => GraphQLLocalDate, { description: 'Last day of the term.' })
  @Column({ type: 'date' })
  endDate!: LocalDate;

  @Field(() => Date, { nullable: true, description: 'When the client signed it.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  signedAt!: Date | null;

  @Field(() => Int, { description: 'Days of notice either side must give before the end date to stop a renewal.' })
  @Column({ type: 'int' })
  noticePeriodDays!: number;

  @Field(() => GraphQLLocalDate, { description: 'The last day to give notice: end date minus the notice period.' })
  @Column({ type: 'date' })
  noticeDeadline!: LocalDate;

  @Field(() => Boolean, { description: 'Renews by itself at the end of the term unless notice is given.' })
  @Column({ type: 'boolean', default: false })
  autoRenew!: boolean;

  @Column({ type: 'bigint', transformer: centsTransformer })
  valueCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Field(() => Money, { description: 'Contracted value, including approved change orders.' })
  get value(): Money {
    return Money.of(this.valueCents, this.currency);
  }

  @Index()
  @Column({ type: 'int' })
  ownerId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ownerId' })
  owner?: Relation<User>;

  @Index()
  @Column({ type: 'int', nullable: true })
  renewalOfId!: number | null;

  @ManyToOne(() => Contract, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'renewalOfId' })
  renewalOf?: Relation<Contract> | null;

  @Column({ type: 'int' })
  createdById!: number;

  @Column({ type: 'int', nullable: true })
  submittedById!: number | null;

  @Column({ type: 'int', nullable: true })
  approvedById!: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was approved and became active.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  approvedAt!: Date | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When a terminated contract ended.' })
  @Column({ type: 'date', nullable: true })
  terminationDate!: LocalDate | null;

  @Field(() => String, { nullable: true, description: 'Why it was terminated.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  terminationReason!: string | null;

  @Field(() => Int, { description: 'Days from today (UTC) to the end date; negative once it has passed.' })
  get daysToExpiry(): number {
    return daysBetween(todayUtc(), this.endDate);
  }
}
