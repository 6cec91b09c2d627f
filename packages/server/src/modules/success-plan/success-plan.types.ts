import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Account } from '../account/account.entity';
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
  @Field(() => ClientGoal, { description: 'The goal, with the project among its `projects`.' })
  clientGoal!: ClientGoal;

  @Field(() => Project, { description: 'The project, with the goal among its `clientGoals`.' })
  project!: Project;
}

@ObjectType({ description: 'The result of unlinkClientGoal.' })
export class UnlinkClientGoalPayload {
  @Field(() => ClientGoal, { description: 'The goal, without the project.' })
  clientGoal!: ClientGoal;

  @Field(() => Project, { description: 'The project, which no longer serves the goal.' })
  project!: Project;
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
