import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { Account } from '../account/account.entity';

export enum ContactRole {
  EXECUTIVE_SPONSOR = 'EXECUTIVE_SPONSOR',
  DECISION_MAKER = 'DECISION_MAKER',
  IT_CONTACT = 'IT_CONTACT',
  BILLING = 'BILLING',
  CLINICAL = 'CLINICAL',
  OTHER = 'OTHER',
}

registerEnumType(ContactRole, {
  name: 'ContactRole',
  description: 'The part a client-side person plays in the relationship.',
  valuesConfig: {
    EXECUTIVE_SPONSOR: { description: 'Senior client executive who owns the relationship on their side.' },
    DECISION_MAKER: { description: 'Signs off purchases, renewals and change orders.' },
    IT_CONTACT: { description: 'Technical counterpart for integrations and issues.' },
    BILLING: { description: 'Receives invoices and handles payment.' },
    CLINICAL: { description: 'Clinical or medical lead.' },
    OTHER: { description: 'Any other part.' },
  },
});

/** A person at a client account. */
@NodeType('Contact')
@ObjectType({ implements: Node, description: 'A person at a client account.' })
@Entity('contact')
@Index(['accountId', 'name', 'id'])
export class Contact extends BaseRecord {
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Field(() => String, { description: 'Full name.' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Job title at the client.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number as the client gave it.' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  phone!: string | null;

  @Field(() => [ContactRole], { description: 'The parts they play; at least one.' })
  @Column({ type: 'simple-array' })
  roles!: ContactRole[];

  @Field(() => Boolean, { description: 'The main person to talk to at this account; at most one per account.' })
  @Column({ type: 'boolean', default: false })
  isPrimary!: boolean;
}
