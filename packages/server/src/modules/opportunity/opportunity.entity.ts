import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import type { LocalDate } from '../../common/dates';
import { centsTransformer, Money } from '../../common/money';
import { Account } from '../account/account.entity';
import { ClientIssue } from '../client-issue/client-issue.entity';
import { Communication } from '../communication/communication.entity';
import { Contract } from '../contract/contract.entity';
import { Project } from '../project/project.entity';
import { User } from '../user/user.entity';
import { Offering } from '../offering/offering.entity';

export enum OpportunityStage {
  PROSPECTING = 'PROSPECTING',
  QUALIFIED = 'QUALIFIED',
  PROPOSAL = 'PROPOSAL',
  NEGOTIATION = 'NEGOTIATION',
  WON = 'WON',
  LOST = 'LOST',
}

registerEnumType(OpportunityStage, {
  name: 'OpportunityStage',
  description: 'Where an opportunity is in the sales pipeline; WON and LOST are final.',
  valuesConfig: {
    PROSPECTING: { description: 'A need spotted; not yet confirmed with the client (10% by default).' },
    QUALIFIED: { description: 'The client confirmed the need, budget and a sponsor (25% by default).' },
    PROPOSAL: { description: 'A proposal or quote is with the client (50% by default).' },
    NEGOTIATION: { description: 'Terms and price are being agreed (75% by default).' },
    WON: { description: 'The client said yes; a DRAFT contract was created for it. Final.' },
    LOST: { description: 'The client said no or the need went away, with a reason. Final.' },
  },
});

/** A chance of new work with a client: what, how much, how likely, by when, and where it came from. */
@NodeType('Opportunity')
@ObjectType({
  implements: Node,
  description:
    'A chance of new work with a client account: the offering, amount, stage, probability and expected close, and what revealed it.',
})
@Entity('opportunity')
@Index(['accountId', 'expectedCloseDate', 'id'])
@Index(['ownerId', 'expectedCloseDate', 'id'])
@Index(['status', 'expectedCloseDate', 'id'])
@Index(['expectedCloseDate', 'id'])
@Index(['amountCents', 'id'])
@Index(['updatedAt', 'id'])
export class Opportunity extends BaseRecord {
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Index()
  @Column({ type: 'int', nullable: true })
  offeringId!: number | null;

  @ManyToOne(() => Offering, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offeringId' })
  offering?: Relation<Offering> | null;

  @Field(() => String, { description: 'Title, for example "Cost Estimator for the Medicare Advantage plans".' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The need, the people involved and what comes next.' })
  @Column({ type: 'varchar', length: 4000, nullable: true })
  description!: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  sourceProjectId!: number | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sourceProjectId' })
  sourceProject?: Relation<Project> | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  sourceCommunicationId!: number | null;

  @ManyToOne(() => Communication, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sourceCommunicationId' })
  sourceCommunication?: Relation<Communication> | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  sourceClientIssueId!: number | null;

  @ManyToOne(() => ClientIssue, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sourceClientIssueId' })
  sourceClientIssue?: Relation<ClientIssue> | null;

  /** The stage; named `status` in the table so that transitionStatus moves it (GraphQL calls it `stage`). */
  @Field(() => OpportunityStage, { name: 'stage', description: 'Where it is in the pipeline.' })
  @Column({ type: 'simple-enum', enum: OpportunityStage })
  status!: OpportunityStage;

  @Column({ type: 'bigint', transformer: centsTransformer })
  amountCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Field(() => Money, { description: 'What the client would pay: the value of the contract it would become.' })
  get amount(): Money {
    return Money.of(this.amountCents, this.currency);
  }

  @Field(() => Int, { description: 'Chance of winning, in percent (0 to 100); the stage’s default unless set.' })
  @Column({ type: 'int' })
  probability!: number;

  @Field(() => GraphQLLocalDate, { description: 'When it is expected to close (won or lost).' })
  @Column({ type: 'date' })
  expectedCloseDate!: LocalDate;

  @Column({ type: 'int' })
  ownerId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ownerId' })
  owner?: Relation<User>;

  @Field(() => Date, { nullable: true, description: 'When it was won or lost.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was lost.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  lostReason!: string | null;

  /** The DRAFT contract created when it was won; one opportunity per contract. */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  contractId!: number | null;

  @ManyToOne(() => Contract, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contractId' })
  contract?: Relation<Contract> | null;

  @Column({ type: 'int' })
  createdById!: number;
}
