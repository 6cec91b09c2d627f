import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { Contact } from '../contact/contact.entity';
import { User } from '../user/user.entity';
import { Communication } from './communication.entity';

/** One person who took part in a communication: a contact of the account, or a member of our staff. */
@NodeType('CommunicationParticipant')
@ObjectType({
  implements: Node,
  description: "Someone who took part in a communication: one of the account's contacts, or a member of our staff.",
})
@Entity('communication_participant')
@Index(['communicationId', 'id'])
@Index(['contactId', 'communicationId'])
@Index(['userId'])
export class CommunicationParticipant extends BaseRecord {
  @Column({ type: 'int' })
  communicationId!: number;

  @ManyToOne(() => Communication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'communicationId' })
  communication?: Relation<Communication>;

  /** Set for a client-side participant (then userId is null). */
  @Column({ type: 'int', nullable: true })
  contactId!: number | null;

  @ManyToOne(() => Contact, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contactId' })
  contact?: Relation<Contact> | null;

  /** Set for one of our staff (then contactId is null). */
  @Column({ type: 'int', nullable: true })
  userId!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User> | null;
}

/** A link to a document that belongs with a communication: the deck, the minutes, the email thread. */
@NodeType('CommunicationDocument')
@ObjectType({
  implements: Node,
  description: 'A link to a document that belongs with a communication: the deck, the minutes, the shared folder.',
})
@Entity('communication_document')
@Index(['communicationId', 'id'])
export class CommunicationDocument extends BaseRecord {
  @Column({ type: 'int' })
  communicationId!: number;

  @ManyToOne(() => Communication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'communicationId' })
  communication?: Relation<Communication>;

  @Field(() => String, { description: 'What the document is, in a few words.' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => String, { description: 'Where it is: an http or https URL.' })
  @Column({ type: 'varchar', length: 2000 })
  url!: string;
}
