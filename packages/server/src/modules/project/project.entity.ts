import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { todayUtc, type LocalDate } from '../../common/dates';
import { centsTransformer, Money } from '../../common/money';
import { Account } from '../account/account.entity';
import { Contact } from '../contact/contact.entity';
import { Contract } from '../contract/contract.entity';
import { User } from '../user/user.entity';

export enum ProjectStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  ON_HOLD = 'ON_HOLD',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum Health {
  GREEN = 'GREEN',
  AMBER = 'AMBER',
  RED = 'RED',
}

export enum CostCategory {
  LABOR = 'LABOR',
  VENDOR = 'VENDOR',
  OTHER = 'OTHER',
}

export enum MilestoneKind {
  MILESTONE = 'MILESTONE',
  DELIVERABLE = 'DELIVERABLE',
}

export enum MilestoneStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DELIVERED = 'DELIVERED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Where a delivery project is in its life.',
  valuesConfig: {
    PLANNED: { description: 'Agreed but not started.' },
    ACTIVE: { description: 'Under way.' },
    ON_HOLD: { description: 'Paused; expected to resume.' },
    COMPLETED: { description: 'Delivered and closed.' },
    CANCELLED: { description: 'Stopped for good before completion.' },
  },
});

registerEnumType(Health, {
  name: 'Health',
  description: 'A traffic-light rating in a status update.',
  valuesConfig: {
    GREEN: { description: 'On track.' },
    AMBER: { description: 'At risk: needs attention, recoverable by the team.' },
    RED: { description: 'Off track: needs escalation or a decision.' },
  },
});

registerEnumType(CostCategory, {
  name: 'CostCategory',
  description: 'What a project cost entry paid for.',
  valuesConfig: {
    LABOR: { description: "Our staff's time." },
    VENDOR: { description: 'Subcontractors, licences and other suppliers.' },
    OTHER: { description: 'Travel, hosting and everything else.' },
  },
});

registerEnumType(MilestoneKind, {
  name: 'MilestoneKind',
  description: 'Whether a dated item marks progress or hands something to the client.',
  valuesConfig: {
    MILESTONE: { description: 'A point of progress (go-live, kickoff); accepted without a quality review.' },
    DELIVERABLE: {
      description: 'Something handed to the client; it needs a passed quality review before the client can accept it.',
    },
  },
});

registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  description: 'Where a milestone or deliverable is.',
  valuesConfig: {
    PLANNED: { description: 'Not started.' },
    IN_PROGRESS: { description: 'Being worked on.' },
    DELIVERED: { description: "Handed over; awaiting review and the client's acceptance." },
    ACCEPTED: { description: 'Accepted by a client contact. Final.' },
    REJECTED: {
      description: 'Rejected by the client, with a reason; rework moves it back to IN_PROGRESS or DELIVERED.',
    },
  },
});

/** The budget share (in percent) past which the account owner is notified of a project's spend. */
export const BUDGET_ALERT_PERCENT = 85;

/** A delivery project for a client account, optionally under a contract: budget, cost, team and status. */
@NodeType('Project')
@ObjectType({
  implements: Node,
  description:
    'A delivery project for a client account, optionally under one of its contracts: its budget and cost, team, status updates and milestones.',
})
@Entity('project')
@Index(['updatedAt', 'id'])
@Index(['accountId', 'createdAt', 'id'])
@Index(['contractId', 'createdAt', 'id'])
@Index(['status', 'createdAt', 'id'])
@Index(['createdAt', 'id'])
@Index(['name', 'id'])
@Index(['targetEndDate', 'id'])
export class Project extends BaseRecord {
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Column({ type: 'int', nullable: true })
  contractId!: number | null;

  @ManyToOne(() => Contract, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contractId' })
  contract?: Relation<Contract> | null;

  @Field(() => String, { description: 'Name, for example "Provider directory rebuild".' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the project delivers and why, up to 5,000 characters.' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => ProjectStatus, { description: 'Where it is in its life.' })
  @Column({ type: 'simple-enum', enum: ProjectStatus })
  status!: ProjectStatus;

  @Field(() => GraphQLLocalDate, { description: 'First day of work.' })
  @Column({ type: 'date' })
  startDate!: LocalDate;

  @Field(() => GraphQLLocalDate, { description: 'The day it is planned to finish.' })
  @Column({ type: 'date' })
  targetEndDate!: LocalDate;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The day it actually finished; set when it is COMPLETED or CANCELLED.',
  })
  @Column({ type: 'date', nullable: true })
  actualEndDate!: LocalDate | null;

  @Column({ type: 'bigint', transformer: centsTransformer })
  budgetCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  /** The sum of the project's cost entries, kept in the same transaction as each entry. */
  @Column({ type: 'bigint', transformer: centsTransformer, default: 0 })
  actualCostCents!: number;

  @Index()
  @Column({ type: 'int', nullable: true })
  leadId!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leadId' })
  lead?: Relation<User> | null;

  /** The overall health of the latest status update, kept in the same transaction as each update. */
  @Field(() => Health, {
    nullable: true,
    description: 'The overall health of the latest status update; null before the first one.',
  })
  @Column({ type: 'simple-enum', enum: Health, nullable: true })
  health!: Health | null;

  @Column({ type: 'int' })
  createdById!: number;

  @Field(() => Money, { description: 'The budget, including approved change orders linked to the project.' })
  get budget(): Money {
    return Money.of(this.budgetCents, this.currency);
  }

  @Field(() => Money, {
    description: 'What has been spent: the sum of its cost entries. Recording a cost does not change `version`.',
  })
  get actualCost(): Money {
    return Money.of(this.actualCostCents, this.currency);
  }

  @Field(() => Float, {
    nullable: true,
    description:
      'Actual cost as a percentage of the budget (100 is fully spent, above 100 over budget); null when the budget is zero.',
  })
  get budgetConsumedPercent(): number | null {
    return this.budgetCents === 0 ? null : (this.actualCostCents * 100) / this.budgetCents;
  }
}

/** A member of staff on a project's team: they see the project and post its updates, costs and milestone progress. */
@NodeType('ProjectMember')
@ObjectType({
  implements: Node,
  description:
    "A member of staff on a project's team: they see the project and may post its status updates, costs and milestone progress.",
})
@Entity('project_member')
@Index(['projectId', 'userId'], { unique: true })
@Index(['userId'])
export class ProjectMember extends BaseRecord {
  @Column({ type: 'int' })
  projectId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project>;

  @Column({ type: 'int' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;
}

/** Money spent on a project; entries are never changed, and their sum is the project's actual cost. */
@NodeType('ProjectCost')
@ObjectType({
  implements: Node,
  description: "Money spent on a project. Entries are append-only; their sum is the project's actual cost.",
})
@Entity('project_cost')
@Index(['updatedAt', 'id'])
@Index(['projectId', 'date', 'id'])
export class ProjectCost extends BaseRecord {
  @Column({ type: 'int' })
  projectId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project>;

  @Field(() => GraphQLLocalDate, { description: 'The day the cost was incurred.' })
  @Column({ type: 'date' })
  date!: LocalDate;

  @Field(() => CostCategory, { description: 'What it paid for.' })
  @Column({ type: 'simple-enum', enum: CostCategory })
  category!: CostCategory;

  @Column({ type: 'bigint', transformer: centsTransformer })
  amountCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Field(() => Money, { description: "The amount spent; more than zero, in the project's currency." })
  get amount(): Money {
    return Money.of(this.amountCents, this.currency);
  }

  @Field(() => String, { nullable: true, description: 'What it was for, up to 1,000 characters.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ type: 'int' })
  recordedById!: number;
}

/** A project status report: overall and per-dimension health with a narrative. Append-only; a mistake is fixed by a correction. */
@NodeType('StatusUpdate')
@ObjectType({
  implements: Node,
  description:
    'A project status report: overall and per-dimension health with a narrative. Append-only: a ' +
    'mistake is fixed by posting a correction that names the update it corrects.',
})
@Entity('status_update')
@Index(['updatedAt', 'id'])
@Index(['projectId', 'postedAt', 'id'])
@Index(['correctsId'])
export class StatusUpdate extends BaseRecord {
  @Column({ type: 'int' })
  projectId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project>;

  @Column({ type: 'int' })
  authorId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorId' })
  author?: Relation<User>;

  @Field(() => Date, { description: 'When it was posted (UTC).' })
  @Column({ type: 'datetime', precision: 3 })
  postedAt!: Date;

  @Field(() => Health, { description: 'Overall health.' })
  @Column({ type: 'simple-enum', enum: Health })
  overall!: Health;

  @Field(() => Health, { description: 'Health of the schedule: dates and milestones.' })
  @Column({ type: 'simple-enum', enum: Health })
  schedule!: Health;

  @Field(() => Health, { description: 'Health of the budget: spend against plan.' })
  @Column({ type: 'simple-enum', enum: Health })
  budget!: Health;

  @Field(() => Health, { description: 'Health of the scope: what is being delivered against what was agreed.' })
  @Column({ type: 'simple-enum', enum: Health })
  scope!: Health;

  @Field(() => Health, { description: "Health of quality: defects, reviews and the client's satisfaction." })
  @Column({ type: 'simple-enum', enum: Health })
  quality!: Health;

  @Field(() => String, { description: 'What happened since the last update.' })
  @Column({ type: 'text' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Risks and issues, if any.' })
  @Column({ type: 'text', nullable: true })
  risks!: string | null;

  @Field(() => String, { nullable: true, description: 'What happens next.' })
  @Column({ type: 'text', nullable: true })
  nextSteps!: string | null;

  @Column({ type: 'int', nullable: true })
  correctsId!: number | null;

  @ManyToOne(() => StatusUpdate, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'correctsId' })
  corrects?: Relation<StatusUpdate> | null;
}

/** A dated milestone or deliverable of a project, with its quality review and the client's acceptance. */
@NodeType('Milestone')
@ObjectType({
  implements: Node,
  description: "A dated milestone or deliverable of a project, with its quality review and the client's acceptance.",
})
@Entity('milestone')
@Index(['projectId', 'dueDate', 'id'])
@Index(['status', 'dueDate', 'id'])
export class Milestone extends BaseRecord {
  @Column({ type: 'int' })
  projectId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project>;

  @Field(() => MilestoneKind, {
    description: 'A milestone, or a deliverable that needs a quality review before acceptance.',
  })
  @Column({ type: 'simple-enum', enum: MilestoneKind })
  kind!: MilestoneKind;

  @Field(() => String, { description: 'Title, for example "Provider search live in production".' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => GraphQLLocalDate, { description: 'The day it is due.' })
  @Column({ type: 'date' })
  dueDate!: LocalDate;

  @Field(() => MilestoneStatus, { description: 'Where it is.' })
  @Column({ type: 'simple-enum', enum: MilestoneStatus })
  status!: MilestoneStatus;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The outcome of the latest quality review of this delivery; null when not reviewed since it was delivered.',
  })
  @Column({ type: 'boolean', nullable: true })
  qualityPassed!: boolean | null;

  @Column({ type: 'int', nullable: true })
  qualityReviewerId!: number | null;

  @Field(() => String, { nullable: true, description: "The reviewer's notes." })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  qualityNotes!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the latest quality review was recorded.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  qualityReviewedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  acceptedByContactId!: number | null;

  @ManyToOne(() => Contact, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'acceptedByContactId' })
  acceptedByContact?: Relation<Contact> | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The day the client accepted it.' })
  @Column({ type: 'date', nullable: true })
  acceptedOn!: LocalDate | null;

  @Field(() => String, { nullable: true, description: 'Why the client rejected it, when it is REJECTED.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  rejectionReason!: string | null;

  /** When the account owner was told it is late; cleared when the due date moves. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lateNotifiedAt!: Date | null;

  @Field(() => Boolean, {
    description: 'True when it is not DELIVERED or ACCEPTED and its due date is before today (UTC).',
  })
  get isLate(): boolean {
    return (
      this.status !== MilestoneStatus.DELIVERED && this.status !== MilestoneStatus.ACCEPTED && this.dueDate < todayUtc()
    );
  }
}
