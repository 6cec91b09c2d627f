import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import type { LocalDate } from '../../common/dates';
import { centsTransformer, Money } from '../../common/money';
import { User } from '../user/user.entity';
import { GoalMetric, GoalPeriodKind, isMoneyMetric, periodOf } from './staff-goal.rules';

export { GoalMetric, GoalPeriodKind };

registerEnumType(GoalMetric, {
  name: 'GoalMetric',
  description: 'What a staff goal measures; progress is always counted from the records, never typed in.',
  valuesConfig: {
    REVENUE_BOOKED: {
      description:
        'Money: the value of contracts they own that were signed in the period and came into force (ACTIVE, later ' +
        'EXPIRED, TERMINATED or RENEWED), in the currency of the target.',
    },
    RENEWALS_CLOSED: {
      description: 'Count: RENEWAL contracts they own that were signed in the period and came into force.',
    },
    INVOICES_COLLECTED: {
      description:
        'Money: payments received in the period on invoices of the accounts they own, in the currency of the target.',
    },
    ISSUES_RESOLVED_WITHIN_SLA: {
      description:
        'Count: client issues assigned to them that were resolved in the period before their resolution deadline.',
    },
    OPPORTUNITIES_WON: {
      description: 'Count: opportunities they own that were won (WON) in the period.',
    },
    CLIENT_TOUCHES: {
      description:
        'Count: communications (meetings, calls, emails, presentations...) in the period that they logged or took ' +
        'part in, on accounts they own or are on the team of.',
    },
  },
});

registerEnumType(GoalPeriodKind, {
  name: 'GoalPeriodKind',
  description: 'How long the period of a staff goal is.',
  valuesConfig: {
    QUARTER: { description: 'A calendar quarter: January-March is Q1.' },
    YEAR: { description: 'A calendar year.' },
  },
});

/** The period a goal covers, as a dashboard shows it. */
@ObjectType({
  description: 'The calendar period a staff goal covers (UTC dates, both ends included).',
  simpleResolvers: true,
})
export class GoalPeriod {
  @Field(() => GoalPeriodKind, { description: 'A quarter or a year.' })
  kind!: GoalPeriodKind;

  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'The quarter, 1 to 4; null for a year.' })
  quarter!: number | null;

  @Field(() => GraphQLLocalDate, { description: 'The first day of the period.' })
  start!: LocalDate;

  @Field(() => GraphQLLocalDate, { description: 'The last day of the period.' })
  end!: LocalDate;

  @Field(() => String, { description: 'A label for the period, "2026-Q3" or "2026".' })
  label!: string;
}

/** A target for one member of staff, one metric and one period; progress is computed from the records. */
@NodeType('StaffGoal')
@ObjectType({
  implements: Node,
  description:
    'A target set for a member of staff by their senior or an executive: one metric over a quarter or a year, ' +
    'with its progress computed from the records.',
})
@Entity('staff_goal')
@Index(['userId', 'metric', 'periodStart', 'periodEnd', 'currency'], { unique: true })
@Index(['periodStart', 'periodEnd', 'id'])
@Index(['updatedAt', 'id'])
export class StaffGoal extends BaseRecord {
  @Column({ type: 'int' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Field(() => GoalMetric, { description: 'What it measures.' })
  @Column({ type: 'simple-enum', enum: GoalMetric })
  metric!: GoalMetric;

  @Column({ type: 'simple-enum', enum: GoalPeriodKind })
  periodKind!: GoalPeriodKind;

  @Column({ type: 'date' })
  periodStart!: LocalDate;

  @Column({ type: 'date' })
  periodEnd!: LocalDate;

  /** The target: minor units of `currency` for a money metric, a count otherwise. */
  @Column({ type: 'bigint', transformer: centsTransformer })
  target!: number;

  /** ISO 4217 currency of a money target; '' for a count, so that the unique index covers both kinds. */
  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'int' })
  setById!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'setById' })
  setBy?: Relation<User>;

  @Field(() => GoalPeriod, { description: 'The quarter or year it covers.' })
  get period(): GoalPeriod {
    return periodOf(this.periodKind, this.periodStart, this.periodEnd);
  }

  @Field(() => Money, { nullable: true, description: 'The target amount of a money metric; null for a count metric.' })
  get targetAmount(): Money | null {
    return isMoneyMetric(this.metric) ? Money.of(this.target, this.currency) : null;
  }

  @Field(() => Int, { nullable: true, description: 'The target number of a count metric; null for a money metric.' })
  get targetCount(): number | null {
    return isMoneyMetric(this.metric) ? null : this.target;
  }
}
