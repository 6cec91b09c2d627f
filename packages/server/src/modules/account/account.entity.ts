import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { User } from '../user/user.entity';

export enum AccountKind {
  HEALTH_PLAN = 'HEALTH_PLAN',
  EMPLOYER = 'EMPLOYER',
  PROVIDER_GROUP = 'PROVIDER_GROUP',
  BROKER = 'BROKER',
  OTHER = 'OTHER',
}

export enum AccountTier {
  STRATEGIC = 'STRATEGIC',
  ENTERPRISE = 'ENTERPRISE',
  GROWTH = 'GROWTH',
}

export enum AccountStatus {
  PROSPECT = 'PROSPECT',
  ONBOARDING = 'ONBOARDING',
  ACTIVE = 'ACTIVE',
  AT_RISK = 'AT_RISK',
  CHURNED = 'CHURNED',
}

registerEnumType(AccountKind, {
  name: 'AccountKind',
  description: 'What kind of organisation the client is.',
  valuesConfig: {
    HEALTH_PLAN: { description: 'A health plan (payer), the core client type.' },
    EMPLOYER: { description: 'A self-insured employer.' },
    PROVIDER_GROUP: { description: 'A hospital system or provider group.' },
    BROKER: { description: 'A benefits broker or consultant.' },
    OTHER: { description: 'Any other organisation.' },
  },
});

registerEnumType(AccountTier, {
  name: 'AccountTier',
  description: 'How much attention the account gets; strategic accounts go to senior account managers.',
  valuesConfig: {
    STRATEGIC: { description: 'Largest and most complex accounts.' },
    ENTERPRISE: { description: 'Large accounts with several lines of business.' },
    GROWTH: { description: 'Smaller accounts with room to grow.' },
  },
});

registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  description: 'Where the relationship stands.',
  valuesConfig: {
    PROSPECT: { description: 'Not yet a client.' },
    ONBOARDING: { description: 'Signed; being implemented.' },
    ACTIVE: { description: 'Live client in good standing.' },
    AT_RISK: { description: 'Live client showing signs of churn.' },
    CHURNED: { description: 'No longer a client.' },
  },
});

/** A client organisation; health plans form parent/child families. */
@NodeType('Account')
@ObjectType({
  implements: Node,
  description: 'A client organisation (usually a health plan); health-plan families form a parent/child hierarchy.',
})
@Entity('account')
@Index(['updatedAt', 'id'])
@Index(['name', 'id'])
@Index(['membersReached', 'id'])
@Index(['createdAt', 'id'])
export class Account extends BaseRecord {
  @Field(() => String, { description: 'Legal or trading name.' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => AccountKind, { description: 'What kind of organisation it is.' })
  @Column({ type: 'simple-enum', enum: AccountKind })
  kind!: AccountKind;

  @Field(() => AccountTier, { description: 'How much attention the account gets.' })
  @Column({ type: 'simple-enum', enum: AccountTier })
  tier!: AccountTier;

  @Field(() => AccountStatus, { description: 'Where the relationship stands.' })
  @Index()
  @Column({ type: 'simple-enum', enum: AccountStatus, default: AccountStatus.PROSPECT })
  status!: AccountStatus;

  @Field(() => Int, { description: 'Members (people) the client reaches through the product.' })
  @Column({ type: 'int', default: 0 })
  membersReached!: number;

  @Field(() => String, { nullable: true, description: 'Sales region or state, for example "Pacific Northwest".' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  region!: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parentId' })
  parent?: Relation<Account> | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  ownerId!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ownerId' })
  owner?: Relation<User> | null;
}
