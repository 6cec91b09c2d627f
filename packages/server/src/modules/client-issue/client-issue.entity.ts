import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { Account } from '../account/account.entity';
import { Contact } from '../contact/contact.entity';
import { User } from '../user/user.entity';
import { ClientIssueSeverity, SlaStatus, slaStatusAt } from './sla';

export { ClientIssueSeverity, SlaStatus };

export enum ClientIssueCategory {
  TECHNICAL = 'TECHNICAL',
  BILLING = 'BILLING',
  DELIVERY = 'DELIVERY',
  RELATIONSHIP = 'RELATIONSHIP',
}

export enum ClientIssueStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  ESCALATED = 'ESCALATED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

export enum ClientIssueEventKind {
  COMMENT = 'COMMENT',
  STATUS_CHANGE = 'STATUS_CHANGE',
  ASSIGNMENT = 'ASSIGNMENT',
  ESCALATION = 'ESCALATION',
  RESPONSE = 'RESPONSE',
}

registerEnumType(ClientIssueSeverity, {
  name: 'ClientIssueSeverity',
  description:
    'How bad a client issue is; sets its SLA (configurable with SLA_<SEVERITY>_RESPONSE and SLA_<SEVERITY>_RESOLUTION).',
  valuesConfig: {
    CRITICAL: {
      description:
        'Service down or patient-facing harm: respond within 1 hour, resolve within 24 hours (defaults). ' +
        'CRITICAL TECHNICAL issues escalate to the IT Director on report.',
    },
    HIGH: { description: 'Major function impaired: respond within 4 hours, resolve within 3 days (defaults).' },
    MEDIUM: {
      description: 'Impaired with a workaround: respond within 1 business day, resolve within 10 days (defaults).',
    },
    LOW: { description: 'Minor or cosmetic: respond within 3 business days, resolve within 30 days (defaults).' },
  },
});

registerEnumType(ClientIssueCategory, {
  name: 'ClientIssueCategory',
  description: 'What area a client issue is about.',
  valuesConfig: {
    TECHNICAL: { description: 'The platform, an integration or data.' },
    BILLING: { description: 'Invoices, payments or pricing.' },
    DELIVERY: { description: 'A project, a deliverable or its schedule.' },
    RELATIONSHIP: {
      description:
        'The relationship itself: a complaint or a conflict; resolving one needs a conflict resolution note.',
    },
  },
});

registerEnumType(ClientIssueStatus, {
  name: 'ClientIssueStatus',
  description:
    'Where a client issue is in its lifecycle: OPEN → IN_PROGRESS (first response) → RESOLVED → CLOSED, with ESCALATED on the way when needed.',
  valuesConfig: {
    OPEN: { description: 'Reported; nobody has responded to the client yet.' },
    IN_PROGRESS: { description: 'Responded to and being worked on (also where a reopened issue goes).' },
    ESCALATED: {
      description:
        'Escalated to the IT Director, by hand, on report (CRITICAL TECHNICAL) or after a HIGH or CRITICAL SLA breach.',
    },
    RESOLVED: { description: 'Resolved, with a resolution; can be reopened or closed.' },
    CLOSED: { description: 'Closed after resolution; final, cannot be reopened.' },
  },
});

registerEnumType(ClientIssueEventKind, {
  name: 'ClientIssueEventKind',
  description: "What happened in an entry of a client issue's timeline.",
  valuesConfig: {
    COMMENT: { description: 'A comment by staff.' },
    STATUS_CHANGE: {
      description: 'The status changed (`fromStatus` → `toStatus`); the body says why, or holds the resolution.',
    },
    ASSIGNMENT: { description: 'The issue was assigned; the body names the assignee.' },
    ESCALATION: { description: 'The issue was escalated to the IT Director; the body holds the reason.' },
    RESPONSE: { description: 'The first response to the client; the body holds what was said.' },
  },
});

registerEnumType(SlaStatus, {
  name: 'SlaStatus',
  description: 'Where a client issue stands against its SLA, from the stored deadlines and the current time.',
  valuesConfig: {
    ON_TRACK: {
      description: 'Every deadline met in time, or more than 20% of the window to the nearest open one left.',
    },
    AT_RISK: { description: 'An open deadline has 20% or less of its window (from report to deadline) left.' },
    BREACHED: { description: 'A deadline passed before it was met (a late response or resolution stays BREACHED).' },
  },
});

/** Sort weight of each severity: LOW 1 to CRITICAL 4, so descending puts CRITICAL first. */
export const SEVERITY_RANK: Record<ClientIssueSeverity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

/** Statuses in which an issue is still being worked: its SLA clock runs. */
export const OPEN_ISSUE_STATUSES: readonly ClientIssueStatus[] = [
  ClientIssueStatus.OPEN,
  ClientIssueStatus.IN_PROGRESS,
  ClientIssueStatus.ESCALATED,
];

/** A problem a client account raised, with its SLA clock, escalation and timeline. */
@NodeType('ClientIssue')
@ObjectType({
  implements: Node,
  description:
    'A problem a client account raised: its severity and SLA clock, who reported it, who works it, escalation to the IT Director, resolution and timeline.',
})
@Entity('client_issue')
@Index(['updatedAt', 'id'])
@Index(['accountId', 'reportedAt', 'id'])
@Index(['status', 'resolutionDueAt', 'id'])
@Index(['reportedAt', 'id'])
@Index(['resolutionDueAt', 'id'])
@Index(['severityRank', 'id'])
export class ClientIssue extends BaseRecord {
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  /** The project it concerns, once projects exist; no relation or field until then. */
  @Index()
  @Column({ type: 'int', nullable: true })
  projectId!: number | null;

  @Field(() => String, { description: 'A short summary (1 to 200 characters).' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => String, { description: 'What the client reported, in full.' })
  @Column({ type: 'varchar', length: 4000 })
  description!: string;

  @Field(() => ClientIssueSeverity, { description: 'How bad it is; sets the SLA deadlines.' })
  @Column({ type: 'simple-enum', enum: ClientIssueSeverity })
  severity!: ClientIssueSeverity;

  /** SEVERITY_RANK of `severity`, kept in step with it, for sorting. */
  @Column({ type: 'int' })
  severityRank!: number;

  @Field(() => ClientIssueCategory, { description: 'What area it is about.' })
  @Column({ type: 'simple-enum', enum: ClientIssueCategory })
  category!: ClientIssueCategory;

  @Field(() => ClientIssueStatus, { description: 'Where it is in its lifecycle.' })
  @Column({ type: 'simple-enum', enum: ClientIssueStatus })
  status!: ClientIssueStatus;

  /** The contact at the account who reported it; null when staff reported it (or the contact was deleted). */
  @Index()
  @Column({ type: 'int', nullable: true })
  reportedByContactId!: number | null;

  @ManyToOne(() => Contact, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reportedByContactId' })
  reportedByContact?: Relation<Contact> | null;

  /** The member of staff who reported it, when no contact did. */
  @Column({ type: 'int', nullable: true })
  reportedByUserId!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reportedByUserId' })
  reportedByUser?: Relation<User> | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  assigneeId!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigneeId' })
  assignee?: Relation<User> | null;

  @Column({ type: 'int' })
  createdById!: number;

  @Field(() => Date, { description: 'When the client reported it; the SLA clock starts here.' })
  @Column({ type: 'datetime', precision: 3 })
  reportedAt!: Date;

  @Field(() => Date, {
    description: "When the first response to the client is due (from `reportedAt` and the severity's SLA).",
  })
  @Column({ type: 'datetime', precision: 3 })
  responseDueAt!: Date;

  @Field(() => Date, { description: "When the resolution is due (from `reportedAt` and the severity's SLA)." })
  @Column({ type: 'datetime', precision: 3 })
  resolutionDueAt!: Date;

  /** When the response deadline has 20% of its window left: stored so that the SLA filter is plain SQL. */
  @Column({ type: 'datetime', precision: 3 })
  responseAtRiskAt!: Date;

  /** When the resolution deadline has 20% of its window left. */
  @Column({ type: 'datetime', precision: 3 })
  resolutionAtRiskAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When staff first responded to the client; null until then.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  firstResponseAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was resolved; null while open (and again once reopened).',
  })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'How it was resolved.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  resolution!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a RELATIONSHIP issue: how the conflict with the client was settled (required to resolve one).',
  })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  conflictResolutionNote!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was (last) escalated to the IT Director; null if never.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  escalatedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was escalated: the reason given, or the SLA breach that escalated it.',
  })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  escalationReason!: string | null;

  @Field(() => SlaStatus, {
    description:
      'ON_TRACK, AT_RISK or BREACHED now, computed from the stored deadlines. Reading never escalates: a breached HIGH or CRITICAL issue ' +
      'is escalated by the next write to it or by `escalateBreachedClientIssues`.',
  })
  get slaStatus(): SlaStatus {
    return slaStatusAt(this, new Date());
  }
}

/** One entry of a client issue's timeline: comments, responses, assignments, escalations, status changes. */
@NodeType('ClientIssueEvent')
@ObjectType({
  implements: Node,
  description:
    "One entry of a client issue's timeline: a comment, the first response, an assignment, an escalation or a status change.",
})
@Entity('client_issue_event')
@Index(['issueId', 'at', 'id'])
export class ClientIssueEvent extends BaseRecord {
  @Column({ type: 'int' })
  issueId!: number;

  @ManyToOne(() => ClientIssue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issueId' })
  issue?: Relation<ClientIssue>;

  @Field(() => ClientIssueEventKind, { description: 'What happened.' })
  @Column({ type: 'simple-enum', enum: ClientIssueEventKind })
  kind!: ClientIssueEventKind;

  @Index()
  @Column({ type: 'int' })
  actorId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actorId' })
  actor?: Relation<User>;

  @Field(() => String, {
    nullable: true,
    description: 'The comment, response, reason or resolution; null when there is nothing to say.',
  })
  @Column({ type: 'varchar', length: 4000, nullable: true })
  body!: string | null;

  @Field(() => ClientIssueStatus, {
    nullable: true,
    description: 'The status before, for a status change or an escalation.',
  })
  @Column({ type: 'simple-enum', enum: ClientIssueStatus, nullable: true })
  fromStatus!: ClientIssueStatus | null;

  @Field(() => ClientIssueStatus, {
    nullable: true,
    description: 'The status after, for a status change or an escalation.',
  })
  @Column({ type: 'simple-enum', enum: ClientIssueStatus, nullable: true })
  toStatus!: ClientIssueStatus | null;

  @Field(() => Date, { description: 'When it happened.' })
  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}
