import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { Account } from '../account/account.entity';
import { User } from '../user/user.entity';

export enum CommunicationType {
  MEETING = 'MEETING',
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  PRESENTATION = 'PRESENTATION',
  QUARTERLY_BUSINESS_REVIEW = 'QUARTERLY_BUSINESS_REVIEW',
  SITE_VISIT = 'SITE_VISIT',
  WORKSHOP = 'WORKSHOP',
  OTHER = 'OTHER',
}

export enum CommunicationDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}

registerEnumType(CommunicationType, {
  name: 'CommunicationType',
  description: 'What kind of contact with the client a communication records.',
  valuesConfig: {
    MEETING: { description: 'A meeting, in person or by video.' },
    CALL: { description: 'A phone call.' },
    EMAIL: { description: 'An email or an email thread.' },
    PRESENTATION: { description: 'A presentation or demonstration to the client.' },
    QUARTERLY_BUSINESS_REVIEW: {
      description: "A quarterly business review: results, the client's goals and the plan for the next quarter.",
    },
    SITE_VISIT: { description: "A visit to the client's offices." },
    WORKSHOP: { description: 'A working session with the client: requirements, training or planning.' },
    OTHER: { description: 'Any other contact.' },
  },
});

registerEnumType(CommunicationDirection, {
  name: 'CommunicationDirection',
  description: 'Who started a communication.',
  valuesConfig: {
    INBOUND: { description: 'The client reached out to us.' },
    OUTBOUND: { description: 'We reached out to the client.' },
  },
});

/** A meeting, call, email or presentation with a client: what was said and what was promised. */
@NodeType('Communication')
@ObjectType({
  implements: Node,
  description: 'A meeting, call, email or presentation with a client, and what was said and promised in it.',
})
@Entity('communication')
@Index(['accountId', 'occurredAt', 'id'])
@Index(['occurredAt', 'id'])
@Index(['updatedAt', 'id'])
export class Communication extends BaseRecord {
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Field(() => CommunicationType, { description: 'What kind of contact this was.' })
  @Column({ type: 'simple-enum', enum: CommunicationType })
  type!: CommunicationType;

  @Field(() => CommunicationDirection, { description: 'Who started it.' })
  @Column({ type: 'simple-enum', enum: CommunicationDirection })
  direction!: CommunicationDirection;

  @Field(() => Date, { description: 'When it took place (UTC, ISO 8601).' })
  @Column({ type: 'datetime', precision: 3 })
  occurredAt!: Date;

  @Field(() => String, { description: 'A one-line subject.' })
  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'What was discussed, agreed and promised.' })
  @Column({ type: 'varchar', length: 8000, nullable: true })
  summary!: string | null;

  /** The member of staff who logged it. */
  @Column({ type: 'int' })
  loggedById!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'loggedById' })
  loggedBy?: Relation<User>;
}
