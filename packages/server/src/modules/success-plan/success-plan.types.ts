import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Account } from '../account/account.entity';
import { Offering } from '../offering/offering.entity';
import { Opportunity } from '../opportunity/opportunity.entity';
import { Project } from '../project/project.entity';
import { ClientGoal, ClientGoalReview, ClientGoalStatus } from './success-plan.entity';

@ObjectType({ description: 'The result of reviewClientGoal.' })
export class ReviewClientGoalPayload {
  @Field(() => ClientGoal, { description: 'The goal, with its new status.' })
  clientGoal!: ClientGoal;

  @Field(() => ClientGoalReview, { description: "The review, now the newest entry of the goal's history." })
  review!: ClientGoalReview;
}

@ObjectType({ description: 'The result of linkClientGoal.' })
export class LinkClientGoalPayload {
  @Field(() => ClientGoal, {
    description: 'The goal, with what was linked among its `projects`, `offerings` or `opportunities`.',
  })
  clientGoal!: ClientGoal;

  @Field(() => Project, { nullable: true, description: 'The project linked, when a project was.' })
  project!: Project | null;

  @Field(() => Offering, { nullable: true, description: 'The offering linked, when an offering was.' })
  offering!: Offering | null;

  @Field(() => Opportunity, { nullable: true, description: 'The opportunity linked, when an opportunity was.' })
  opportunity!: Opportunity | null;
}

@ObjectType({ description: 'The result of unlinkClientGoal.' })
export class UnlinkClientGoalPayload {
  @Field(() => ClientGoal, { description: 'The goal, without what was unlinked.' })
  clientGoal!: ClientGoal;

  @Field(() => Project, { nullable: true, description: 'The project unlinked, when a project was.' })
  project!: Project | null;

  @Field(() => Offering, { nullable: true, description: 'The offering unlinked, when an offering was.' })
  offering!: Offering | null;

  @Field(() => Opportunity, { nullable: true, description: 'The opportunity unlinked, when an opportunity was.' })
  opportunity!: Opportunity | null;
}

@ObjectType({ description: 'The result of deleteClientGoal.' })
export class DeleteClientGoalPayload {
  @Field(() => ID, { description: 'The id of the goal that was removed.' })
  deletedClientGoalId!: string;

  @Field(() => Account, { description: 'The account whose success plan it was in.' })
  account!: Account;
}

@ObjectType({ description: 'How many goals of a success plan are at one status.' })
export class ClientGoalStatusCount {
  @Field(() => ClientGoalStatus, { description: 'The status.' })
  status!: ClientGoalStatus;

  @Field(() => Int, { description: 'How many goals of the plan are at it.' })
  count!: number;
}

/** An account's goals for one year; not stored: the goals carry their year. */
@ObjectType({
  description: "An account's success plan for one year: the client's goals for that year and where they stand.",
})
export class SuccessPlan {
  /** The account's row id. */
  accountId!: number;

  @Field(() => Int, { description: 'The plan year.' })
  year!: number;
}
