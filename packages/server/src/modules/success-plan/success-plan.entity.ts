import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import type { LocalDate } from '../../common/dates';
import { Account } from '../account/account.entity';
import { Communication } from '../communication/communication.entity';
import { Contact } from '../contact/contact.entity';
import { Offering } from '../offering/offering.entity';
import { Opportunity } from '../opportunity/opportunity.entity';
import { Project } from '../project/project.entity';
import { User } from '../user/user.entity';

export enum ClientGoalCategory {
  ADOPTION = 'ADOPTION',
  REGULATORY = 'REGULATORY',
  COST_SAVINGS = 'COST_SAVINGS',
  MEMBER_EXPERIENCE = 'MEMBER_EXPERIENCE',
  CLINICAL_QUALITY = 'CLINICAL_QUALITY',
  GROWTH = 'GROWTH',
  OPERATIONAL_EFFICIENCY = 'OPERATIONAL_EFFICIENCY',
  OTHER = 'OTHER',
}

export enum ClientGoalStatus {
  NOT_STARTED = 'NOT_STARTED',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  OFF_TRACK = 'OFF_TRACK',
  ACHIEVED = 'ACHIEVED',
  MISSED = 'MISSED',
  DROPPED = 'DROPPED',
}

export enum ClientGoalPriority {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

registerEnumType(ClientGoalCategory, {
  name: 'ClientGoalCategory',
  description: 'What kind of outcome a client goal is about.',
  valuesConfig: {
    ADOPTION: {
      description: 'Use of what we delivered: members or staff adopting a tool (e.g. the transparency tool).',
    },
    REGULATORY: { description: 'Meeting a regulatory or compliance obligation, usually by a fixed deadline.' },
    COST_SAVINGS: { description: 'Lowering cost: medical, pharmacy or administrative spend.' },
    MEMBER_EXPERIENCE: {
      description: "The members' experience: satisfaction, NPS, call volumes, digital self-service.",
    },
    CLINICAL_QUALITY: { description: 'Clinical quality: HEDIS and Star measures, care gaps closed.' },
    GROWTH: { description: "The client's own growth: membership, new markets or products." },
    OPERATIONAL_EFFICIENCY: {
      description: 'Running faster or leaner: turnaround times, automation, fewer manual steps.',
    },
    OTHER: { description: 'Any other goal.' },
  },
});

registerEnumType(ClientGoalStatus, {
  name: 'ClientGoalStatus',
  description:
    'Where a client goal stands, as last judged at a review. ACHIEVED, MISSED and DROPPED close a goal; a review may reopen it.',
  valuesConfig: {
    NOT_STARTED: {
      description: 'Agreed with the client; no work towards it yet. A reviewed goal cannot go back to it.',
    },
    ON_TRACK: { description: 'Progressing as planned; expected to reach its target by the target date.' },
    AT_RISK: { description: 'Progressing, but the target or the date is in doubt; needs attention.' },
    OFF_TRACK: { description: 'Will miss its target or date unless something changes; needs a recovery plan.' },
    ACHIEVED: { description: 'The target was reached (closed).' },
    MISSED: { description: 'The target date passed without reaching the target (closed).' },
    DROPPED: { description: 'The client no longer pursues it (closed).' },
  },
});

registerEnumType(ClientGoalPriority, {
  name: 'ClientGoalPriority',
  description: 'How much a goal matters to the client, relative to their other goals of the year.',
  valuesConfig: {
    HIGH: { description: "One of the client's top goals for the year; their executive sponsor follows it." },
    MEDIUM: { description: 'An important goal.' },
    LOW: { description: 'Worth tracking; not a priority.' },
  },
});

/** Sort weight of each priority: LOW 1 to HIGH 3, so descending puts HIGH first. */
export const PRIORITY_RANK: Record<ClientGoalPriority, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

/** Statuses that close a goal: it is no longer worked, and its fields no longer change. */
export const CLOSED_GOAL_STATUSES: readonly ClientGoalStatus[] = [
  ClientGoalStatus.ACHIEVED,
  ClientGoalStatus.MISSED,
  ClientGoalStatus.DROPPED,
];

/** What a client wants to achieve in a year (one goal of the account's success plan for that year). */
@NodeType('ClientGoal')
@ObjectType({
  implements: Node,
  description:
    "One goal of a client's success plan for a year: what the client wants to achieve, how it is measured, by when, " +
    'who owns it on each side, where it stands, and the projects that serve it.',
})
@Entity('client_goal')
@Index(['accountId', 'year', 'targetDate', 'id'])
@Index(['accountId', 'targetDate', 'id'])
@Index(['targetDate', 'id'])
@Index(['updatedAt', 'id'])
@Index(['priorityRank', 'id'])
export class ClientGoal extends BaseRecord {
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Field(() => Int, { description: "The year of the account's success plan this goal belongs to." })
  @Column({ type: 'int' })
  year!: number;

  @Field(() => String, {
    description: 'What the client wants to achieve, in their words (1 to 200 characters).',
  })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Why it matters to the client, and any context.' })
  @Column({ type: 'varchar', length: 4000, nullable: true })
  description!: string | null;

  @Field(() => ClientGoalCategory, { description: 'What kind of outcome it is.' })
  @Column({ type: 'simple-enum', enum: ClientGoalCategory })
  category!: ClientGoalCategory;

  @Field(() => String, {
    description: 'What is measured and how, e.g. "Share of members who used the cost estimator in the quarter".',
  })
  @Column({ type: 'varchar', length: 500 })
  measure!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the measure stood when the goal was set, with its unit, e.g. "12% of members".',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  baseline!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The value that means achieved, with its unit, e.g. "25% of members" or "filed by 1 July".',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  target!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The latest measured value, with its unit, as recorded at the last review that gave one.',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  currentValue!: string | null;

  @Field(() => GraphQLLocalDate, { description: 'By when the client wants it achieved.' })
  @Column({ type: 'date' })
  targetDate!: LocalDate;

  @Field(() => ClientGoalStatus, { description: 'Where it stands, as judged at its last review.' })
  @Column({ type: 'simple-enum', enum: ClientGoalStatus })
  status!: ClientGoalStatus;

  @Field(() => ClientGoalPriority, { description: 'How much it matters to the client.' })
  @Column({ type: 'simple-enum', enum: ClientGoalPriority })
  priority!: ClientGoalPriority;

  /** PRIORITY_RANK of `priority`, kept in step with it, for sorting. */
  @Column({ type: 'int' })
  priorityRank!: number;

  /** The client's person who owns the goal on their side; null when not named (or the contact was deleted). */
  @Index()
  @Column({ type: 'int', nullable: true })
  clientOwnerId!: number | null;

  @ManyToOne(() => Contact, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'clientOwnerId' })
  clientOwner?: Relation<Contact> | null;

  /** Our member of staff who owns it. */
  @Index()
  @Column({ type: 'int' })
  ownerId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ownerId' })
  owner?: Relation<User>;

  @Column({ type: 'int' })
  createdById!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'createdById' })
  createdBy?: Relation<User>;

  @Field(() => Date, { nullable: true, description: 'When it was last reviewed; null until its first review.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastReviewedAt!: Date | null;

  @Field(() => Boolean, { description: 'True once ACHIEVED, MISSED or DROPPED.' })
  get closed(): boolean {
    return CLOSED_GOAL_STATUSES.includes(this.status);
  }
}

/**
 * A project that serves a client goal (same account). One link table per kind of thing that can
 * serve a goal (projects, offerings, opportunities), so adding a kind never alters another's.
 */
@Entity('client_goal_project')
@Unique(['goalId', 'projectId'])
@Index('IDX_client_goal_project_project_goal', ['projectId', 'goalId'])
export class ClientGoalProject {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  goalId!: number;

  @ManyToOne(() => ClientGoal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'goalId' })
  goal?: Relation<ClientGoal>;

  @Column({ type: 'int' })
  projectId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project>;

  @Column({ type: 'int' })
  linkedById!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'linkedById' })
  linkedBy?: Relation<User>;

  @Column({ type: 'datetime', precision: 3 })
  linkedAt!: Date;
}

/** An offering of the catalogue that serves a client goal (one the client has, or could buy). */
@Entity('client_goal_offering')
@Unique(['goalId', 'offeringId'])
@Index('IDX_client_goal_offering_offering_goal', ['offeringId', 'goalId'])
export class ClientGoalOffering {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  goalId!: number;

  @ManyToOne(() => ClientGoal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'goalId' })
  goal?: Relation<ClientGoal>;

  @Column({ type: 'int' })
  offeringId!: number;

  @ManyToOne(() => Offering, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offeringId' })
  offering?: Relation<Offering>;

  @Column({ type: 'int' })
  linkedById!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'linkedById' })
  linkedBy?: Relation<User>;

  @Column({ type: 'datetime', precision: 3 })
  linkedAt!: Date;
}

/** An opportunity of the same account that serves a client goal: new work the goal calls for. */
@Entity('client_goal_opportunity')
@Unique(['goalId', 'opportunityId'])
@Index('IDX_client_goal_opportunity_opportunity_goal', ['opportunityId', 'goalId'])
export class ClientGoalOpportunity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  goalId!: number;

  @ManyToOne(() => ClientGoal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'goalId' })
  goal?: Relation<ClientGoal>;

  @Column({ type: 'int' })
  opportunityId!: number;

  @ManyToOne(() => Opportunity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunityId' })
  opportunity?: Relation<Opportunity>;

  @Column({ type: 'int' })
  linkedById!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'linkedById' })
  linkedBy?: Relation<User>;

  @Column({ type: 'datetime', precision: 3 })
  linkedAt!: Date;
}

/** One review of a client goal: the status it was judged at, and why; the goal's history. */
@NodeType('ClientGoalReview')
@ObjectType({
  implements: Node,
  description:
    "One review of a client goal, usually at a business review with the client: the status before and after, what was said, and the measure's value then.",
})
@Entity('client_goal_review')
@Index(['goalId', 'reviewedAt', 'id'])
export class ClientGoalReview extends BaseRecord {
  @Column({ type: 'int' })
  goalId!: number;

  @ManyToOne(() => ClientGoal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'goalId' })
  goal?: Relation<ClientGoal>;

  @Field(() => ClientGoalStatus, { description: 'The status before the review.' })
  @Column({ type: 'simple-enum', enum: ClientGoalStatus })
  fromStatus!: ClientGoalStatus;

  @Field(() => ClientGoalStatus, { description: 'The status the review set (may equal `fromStatus`: still on track).' })
  @Column({ type: 'simple-enum', enum: ClientGoalStatus })
  toStatus!: ClientGoalStatus;

  @Field(() => String, { description: 'What was concluded, and why.' })
  @Column({ type: 'varchar', length: 2000 })
  note!: string;

  @Field(() => String, {
    nullable: true,
    description: "The measure's value at the review, with its unit; null when none was given.",
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  measuredValue!: string | null;

  @Field(() => Date, { description: 'When the review took place (the business review, when it was held at one).' })
  @Column({ type: 'datetime', precision: 3 })
  reviewedAt!: Date;

  @Index()
  @Column({ type: 'int' })
  reviewedById!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewedById' })
  reviewedBy?: Relation<User>;

  /** The communication (a business review, a call) it was reviewed at; null when reviewed outside one. */
  @Index()
  @Column({ type: 'int', nullable: true })
  communicationId!: number | null;

  @ManyToOne(() => Communication, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'communicationId' })
  communication?: Relation<Communication> | null;
}
