import { Column, Entity, Index } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';

/** Why someone is told something. */
export enum NotificationKind {
  APPROVAL_REQUESTED = 'APPROVAL_REQUESTED',
  APPROVAL_DECIDED = 'APPROVAL_DECIDED',
  ISSUE_ESCALATED = 'ISSUE_ESCALATED',
  ISSUE_ASSIGNED = 'ISSUE_ASSIGNED',
  PROJECT_BUDGET_ALERT = 'PROJECT_BUDGET_ALERT',
  PROJECT_HEALTH_RED = 'PROJECT_HEALTH_RED',
  MILESTONE_LATE = 'MILESTONE_LATE',
  FOLLOW_UP_ASSIGNED = 'FOLLOW_UP_ASSIGNED',
  ACCOUNTS_REASSIGNED = 'ACCOUNTS_REASSIGNED',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'Why a notification was sent.',
  valuesConfig: {
    APPROVAL_REQUESTED: { description: 'An item you may approve was submitted.' },
    APPROVAL_DECIDED: { description: 'An item you submitted was approved or rejected.' },
    ISSUE_ESCALATED: { description: 'A client issue was escalated to you.' },
    ISSUE_ASSIGNED: { description: 'A client issue was assigned to you.' },
    PROJECT_BUDGET_ALERT: { description: 'A project passed 85% of its budget.' },
    PROJECT_HEALTH_RED: { description: "A project's health turned RED." },
    MILESTONE_LATE: { description: 'A project milestone passed its due date undelivered.' },
    FOLLOW_UP_ASSIGNED: { description: 'Someone else made you the owner of a follow-up action promised to a client.' },
    ACCOUNTS_REASSIGNED: { description: 'Accounts were moved into or out of your portfolio.' },
  },
});

/** Something a member of staff is told: written in the same transaction as the event behind it. */
@NodeType('Notification')
@ObjectType({
  implements: Node,
  description: 'Something a member of staff is told, written in the same transaction as the event behind it.',
})
@Entity('notification')
@Index(['recipientId', 'id'])
@Index(['recipientId', 'readAt', 'id'])
export class Notification extends BaseRecord {
  @Column({ type: 'int' })
  recipientId!: number;

  @Field(() => NotificationKind, { description: 'Why it was sent.' })
  @Column({ type: 'simple-enum', enum: NotificationKind })
  kind!: NotificationKind;

  @Field(() => String, { description: 'The GraphQL type of what it is about, for example "Contract".' })
  @Column({ type: 'varchar', length: 100 })
  subjectType!: string;

  @Field(() => String, { description: 'The global id of what it is about; fetch it with `node(id:)`.' })
  @Column({ type: 'varchar', length: 200 })
  subjectId!: string;

  @Field(() => String, { description: 'What happened, in a sentence.' })
  @Column({ type: 'varchar', length: 1000 })
  message!: string;

  @Field(() => Date, { nullable: true, description: 'When the recipient marked it read; null while unread.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  readAt!: Date | null;
}

/**
 * The transactional outbox: every notification (and later every domain event) is also written here
 * in the producer's transaction, so that webhooks and subscriptions can be delivered from it later
 * without touching the producers, and nothing is announced that did not commit.
 */
@Entity('outbox_event')
@Index(['publishedAt', 'id'])
export class OutboxEvent extends BaseRecord {
  @Column({ type: 'varchar', length: 100 })
  topic!: string;

  @Column({ type: 'simple-json' })
  payload!: Record<string, unknown>;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  publishedAt!: Date | null;
}
