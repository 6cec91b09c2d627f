import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../common/dates';
import { Money } from '../../common/money';
import { User } from '../user/user.entity';

/** Where a goal stands today, computed from the records. */
@ObjectType({
  description: 'Where a goal stands, counted from the records as of today (UTC); never typed in.',
  simpleResolvers: true,
})
export class StaffGoalProgress {
  @Field(() => Money, {
    nullable: true,
    description: 'What a money metric has reached, in the currency of its target.',
  })
  actualAmount!: Money | null;

  @Field(() => Int, { nullable: true, description: 'What a count metric has reached.' })
  actualCount!: number | null;

  @Field(() => Float, { description: 'Actual as a percent of the target (one decimal); over 100 when exceeded.' })
  percentOfTarget!: number;

  @Field(() => Float, {
    description:
      'The pace: the percent of the target expected by today if it were reached evenly over the period (0 before it, 100 after).',
  })
  expectedPercentByNow!: number;

  @Field(() => Boolean, { description: 'True when the percent of target is at least the pace.' })
  onTrack!: boolean;

  @Field(() => GraphQLLocalDate, { description: 'The day the progress is counted to (today, UTC).' })
  asOf!: LocalDate;
}

@ObjectType({ description: 'The result of deleteStaffGoal.' })
export class DeleteStaffGoalPayload {
  @Field(() => ID, { description: 'Global id of the removed goal.' })
  deletedGoalId!: string;

  @Field(() => User, { description: 'The member of staff the goal was for.' })
  user!: User;
}
