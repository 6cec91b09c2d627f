import { IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ExpectedVersion, OptionalMoneyAtLeast, UPDATED_AT_ORDER, UpdatedSince } from '../../common/inputs';
import type { MoneyInput } from '../../common/money';
import { OrderDirection } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { GoalMetric, GoalPeriodKind, StaffGoal } from './staff-goal.entity';

/** The largest count target: far above what a quarter or a year of work can reach. */
const MAX_COUNT_TARGET = 1_000_000;

@InputType({ description: 'A quarter or a calendar year (UTC).' })
export class GoalPeriodInput {
  @Field(() => GoalPeriodKind, { description: 'A quarter or a year.' })
  kind!: GoalPeriodKind;

  @Field(() => Int, { description: 'The calendar year, 2000 to 2100.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => Int, { nullable: true, description: 'The quarter, 1 to 4: required for QUARTER, left out for YEAR.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number | null;
}

const TARGET_AMOUNT =
  'The target of a money metric (REVENUE_BOOKED, INVOICES_COLLECTED), more than zero; progress counts this currency only.';
const TARGET_COUNT = `The target of a count metric, 1 to ${MAX_COUNT_TARGET.toLocaleString('en-US')}.`;

@InputType({ description: 'A new goal for a member of staff: one metric, one period, one target.' })
export class SetStaffGoalInput {
  @Field(() => ID, { description: 'The member of staff the goal is for (not yourself).' })
  @MaxLength(200)
  userId!: string;

  @Field(() => GoalMetric, { description: 'What it measures.' })
  metric!: GoalMetric;

  @Field(() => GoalPeriodInput, { description: 'The quarter or year it covers.' })
  @ValidateNested()
  period!: GoalPeriodInput;

  @OptionalMoneyAtLeast(1, 'a target amount must be more than zero', TARGET_AMOUNT)
  targetAmount?: MoneyInput | null;

  @Field(() => Int, { nullable: true, description: TARGET_COUNT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_COUNT_TARGET)
  targetCount?: number | null;
}

@InputType({ description: 'A new target for a goal; its person, metric and period stay (set a new goal for another).' })
export class UpdateStaffGoalInput {
  @Field(() => ID, { description: 'The goal.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @OptionalMoneyAtLeast(1, 'a target amount must be more than zero', TARGET_AMOUNT)
  targetAmount?: MoneyInput | null;

  @Field(() => Int, { nullable: true, description: TARGET_COUNT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_COUNT_TARGET)
  targetCount?: number | null;
}

@InputType({ description: 'A goal to remove.' })
export class DeleteStaffGoalInput {
  @Field(() => ID, { description: 'The goal.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

@InputType({ description: 'Narrows a list of staff goals; all given conditions must hold.' })
export class StaffGoalFilter {
  @Field(() => ID, { nullable: true, description: 'Goals of this member of staff.' })
  @IsOptional()
  @MaxLength(200)
  userId?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Goals whose period contains this day (the quarter and the year around it).',
  })
  @IsOptional()
  periodContaining?: string | null;

  @Field(() => GoalMetric, { nullable: true, description: 'Goals on this metric.' })
  @IsOptional()
  metric?: GoalMetric | null;

  @Field(() => GoalPeriodKind, { nullable: true, description: 'Quarterly or yearly goals only.' })
  @IsOptional()
  periodKind?: GoalPeriodKind | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export enum StaffGoalOrderField {
  PERIOD_START = 'PERIOD_START',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(StaffGoalOrderField, {
  name: 'StaffGoalOrderField',
  description: 'What to sort staff goals by.',
  valuesConfig: {
    PERIOD_START: { description: 'The first day of the period.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort staff goals; ties break on id.' })
export class StaffGoalOrder {
  @Field(() => StaffGoalOrderField, { description: 'What to sort by.' })
  field!: StaffGoalOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.DESC;
}

export const SetStaffGoalPayload = payloadType('setStaffGoal', 'goal', StaffGoal, 'The new goal.');
export const UpdateStaffGoalPayload = payloadType('updateStaffGoal', 'goal', StaffGoal, 'The goal as it is now.');
