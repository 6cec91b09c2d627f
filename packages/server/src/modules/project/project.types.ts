import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { User } from '../user/user.entity';
import { Health, Project, ProjectCost, StatusUpdate } from './project.entity';

@ObjectType({ description: "One week of one health dimension in a project's health history." })
export class HealthPoint {
  @Field(() => GraphQLLocalDate, { description: 'The Monday (UTC) the week starts on.' })
  weekOf!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the update shown for this week was posted (the latest of the week); null in a gap.',
  })
  postedAt!: Date | null;

  @Field(() => Health, {
    nullable: true,
    description:
      'The health that update gave; null in a gap: no status update was posted that week, so the ' +
      'health is unknown (not unchanged). Charts should break the line there.',
  })
  health!: Health | null;
}

@ObjectType({
  description:
    "A project's health week by week, one series per dimension, for charts. Every series has one " +
    'point per week (Monday to Sunday, UTC) from the week of `from` to the week of `to`, oldest first. ' +
    'A week shows the latest update posted in it, leaving out updates that a later correction ' +
    'replaced; a week without an update is a gap (postedAt and health null).',
})
export class HealthHistory {
  @Field(() => [HealthPoint], { description: 'Overall health, week by week.' })
  overall!: HealthPoint[];

  @Field(() => [HealthPoint], { description: 'Schedule health, week by week.' })
  schedule!: HealthPoint[];

  @Field(() => [HealthPoint], { description: 'Budget health, week by week.' })
  budget!: HealthPoint[];

  @Field(() => [HealthPoint], { description: 'Scope health, week by week.' })
  scope!: HealthPoint[];

  @Field(() => [HealthPoint], { description: 'Quality health, week by week.' })
  quality!: HealthPoint[];
}

@ObjectType({ description: 'The result of addProjectMember.' })
export class AddProjectMemberPayload {
  @Field(() => Project, { description: 'The project.' })
  project!: Project;

  @Field(() => User, { description: 'The member of staff now on its team.' })
  user!: User;
}

@ObjectType({ description: 'The result of removeProjectMember.' })
export class RemoveProjectMemberPayload {
  @Field(() => Project, { description: 'The project.' })
  project!: Project;

  @Field(() => User, { description: 'The member of staff no longer on its team.' })
  user!: User;
}

@ObjectType({ description: 'The result of recordProjectCost.' })
export class RecordProjectCostPayload {
  @Field(() => Project, { description: 'The project, with its new actual cost.' })
  project!: Project;

  @Field(() => ProjectCost, { description: 'The cost entry just recorded.' })
  cost!: ProjectCost;
}

@ObjectType({ description: 'The result of postStatusUpdate.' })
export class PostStatusUpdatePayload {
  @Field(() => Project, { description: 'The project, with its new health.' })
  project!: Project;

  @Field(() => StatusUpdate, { description: 'The update just posted.' })
  statusUpdate!: StatusUpdate;
}
