import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import type { LocalDate } from '../../common/dates';
import { Account } from '../account/account.entity';
import { User } from '../user/user.entity';
import { Communication } from './communication.entity';

/** Something promised in a communication: who does it, by when, and whether it is done. */
@NodeType('FollowUp')
@ObjectType({
  implements: Node,
  description: 'An action promised in a communication: what, who owns it, by when, and whether it is done.',
})
@Entity('follow_up')
@Index(['communicationId', 'dueOn', 'id'])
@Index(['ownerId', 'doneAt', 'dueOn', 'id'])
@Index(['accountId', 'dueOn', 'id'])
export class FollowUp extends BaseRecord {
  @Column({ type: 'int' })
  communicationId!: number;

  @ManyToOne(() => Communication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'communicationId' })
  communication?: Relation<Communication>;

  /** The communication's account, copied so that scoping needs no join. */
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Field(() => String, { description: 'What is to be done.' })
  @Column({ type: 'varchar', length: 2000 })
  description!: string;

  @Column({ type: 'int' })
  ownerId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ownerId' })
  owner?: Relation<User>;

  @Field(() => GraphQLLocalDate, { description: 'The day it is due.' })
  @Column({ type: 'date' })
  dueOn!: LocalDate;

  @Field(() => Date, { nullable: true, description: 'When it was marked done (UTC); null while open.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  doneById!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'doneById' })
  doneBy?: Relation<User> | null;

  /** Who added it. */
  @Column({ type: 'int' })
  createdById!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'createdById' })
  createdBy?: Relation<User>;
}
