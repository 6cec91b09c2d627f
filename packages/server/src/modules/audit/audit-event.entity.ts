import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { User } from '../user/user.entity';

/** Before and after of one changed field. */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** One change made through the API, written in the same transaction as the change. */
@NodeType('AuditEvent')
@ObjectType({
  implements: Node,
  description: 'One change made through the API, written in the same transaction as the change itself.',
})
@Entity('audit_event')
@Index(['entityType', 'entityId', 'id'])
@Index(['actorId', 'id'])
@Index(['deletion', 'occurredAt', 'id'])
export class AuditEvent extends BaseRecord {
  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actorId' })
  actor?: Relation<User> | null;

  @Field(() => String, { description: 'What was done, as the mutation\'s name: "updateAccount".' })
  @Index()
  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Field(() => String, { description: 'The GraphQL type of the changed record: "Account".' })
  @Column({ type: 'varchar', length: 100 })
  entityType!: string;

  @Field(() => String, { description: 'The global id of the changed record.' })
  @Column({ type: 'varchar', length: 200 })
  entityId!: string;

  /** The account the record belongs to (an account's own id); what scopes its tombstone in `deletions`. */
  @Column({ type: 'int', nullable: true })
  accountId!: number | null;

  /** True when the change deleted the record: `deletions` reads these as tombstones. */
  @Column({ type: 'boolean', default: false })
  deletion!: boolean;

  @Field(() => GraphQLJSONObject, {
    description: 'Per changed field: `{ "name": { "before": "Old", "after": "New" } }`.',
  })
  @Column({ type: 'simple-json' })
  changes!: Record<string, FieldChange>;

  @Field(() => Date, { description: 'When it happened (UTC).' })
  @Index()
  @Column({ type: 'datetime', precision: 3 })
  occurredAt!: Date;
}
