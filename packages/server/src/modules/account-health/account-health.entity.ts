import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, NodeType } from '../../common/base.entity';
import type { LocalDate } from '../../common/dates';
import { Account } from '../account/account.entity';
import { HealthBand, HealthComponent, healthBand } from './health.rules';

registerEnumType(HealthComponent, {
  name: 'HealthComponent',
  description: 'One part of the account health score.',
  valuesConfig: {
    DELIVERY: {
      description: "Delivery: the RAG of the account's active projects (each project's latest status update).",
    },
    ISSUES: { description: 'Client issues: the open ones by severity, breached ones counting far more.' },
    FINANCE: {
      description:
        'Finance: the overdue balance against the annual contract value, per currency; the worst currency counts.',
    },
    RENEWAL: {
      description:
        'Renewal: days to the notice deadline of the next contract up for renewal, and whether its renewal is in hand.',
    },
    ENGAGEMENT: { description: 'Engagement: days since the last communication with the client.' },
  },
});

registerEnumType(HealthBand, {
  name: 'HealthBand',
  description: 'How an account health score reads at a glance.',
  valuesConfig: {
    HEALTHY: { description: '75 to 100: nothing needs attention.' },
    WATCH: { description: '50 to 74: something needs attention soon.' },
    AT_RISK: { description: '0 to 49: the relationship is in trouble.' },
  },
});

/** One component's weight in the health score, as an admin set it; no rows means the defaults. */
@Entity('health_score_weight')
export class HealthScoreWeight extends BaseRecord {
  @Index({ unique: true })
  @Column({ type: 'simple-enum', enum: HealthComponent })
  component!: HealthComponent;

  @Column({ type: 'int' })
  weight!: number;
}

/**
 * The set of weights as the audit trail names it: one record, `HealthScoreWeights`, whatever rows
 * hold it (not a table, not a node).
 */
@NodeType('HealthScoreWeights')
export class HealthScoreWeightsRecord extends BaseRecord {}

/** An account's health as recorded on one day (UTC), for charts; one row per account per day. */
@ObjectType({ description: "An account's health score as recorded on one day (UTC), with its component scores." })
@Entity('account_health_snapshot')
@Index(['accountId', 'day'], { unique: true })
@Index(['day', 'id'])
export class AccountHealthSnapshot {
  /** Row id: the tie-breaker of the history's cursor. */
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Field(() => GraphQLLocalDate, { description: 'The day (UTC) the score was recorded for.' })
  @Column({ type: 'date' })
  day!: LocalDate;

  @Field(() => Int, { description: 'The overall score that day, 0 to 100.' })
  @Column({ type: 'int' })
  score!: number;

  @Field(() => HealthBand, { description: "The score's band." })
  get band(): HealthBand {
    return healthBand(this.score);
  }

  @Field(() => Int, { description: 'The DELIVERY component score that day, 0 to 100.' })
  @Column({ type: 'int' })
  delivery!: number;

  @Field(() => Int, { description: 'The ISSUES component score that day, 0 to 100.' })
  @Column({ type: 'int' })
  issues!: number;

  @Field(() => Int, { description: 'The FINANCE component score that day, 0 to 100.' })
  @Column({ type: 'int' })
  finance!: number;

  @Field(() => Int, { description: 'The RENEWAL component score that day, 0 to 100.' })
  @Column({ type: 'int' })
  renewal!: number;

  @Field(() => Int, { description: 'The ENGAGEMENT component score that day, 0 to 100.' })
  @Column({ type: 'int' })
  engagement!: number;

  @Field(() => Date, { description: 'When the row was last written (a second write on the same day replaces it).' })
  @Column({ type: 'datetime', precision: 3 })
  recordedAt!: Date;
}
