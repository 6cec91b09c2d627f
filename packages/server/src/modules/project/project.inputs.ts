import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { LocalDate } from '../../common/dates';
import { MoneyInput } from '../../common/money';
import { OrderDirection } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { IsName } from '../../common/validation';
import {
  CostCategory,
  Health,
  Milestone,
  MilestoneKind,
  MilestoneStatus,
  Project,
  ProjectStatus,
} from './project.entity';
import {
  ExpectedVersion,
  MoneyAtLeast,
  OptionalMoneyAtLeast,
  UPDATED_AT_ORDER,
  UpdatedSince,
} from '../../common/inputs';

export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_TEXT_LENGTH = 10000;

@InputType({ description: 'A new project on an account you may change.' })
export class CreateProjectInput {
  @Field(() => ID, { description: 'The client account.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The account's contract it delivers, if any; its revenue comes from that contract's invoices.",
  })
  @IsOptional()
  @MaxLength(200)
  contractId?: string | null;

  @Field(() => String, { description: 'Name (1 to 200 characters).' })
  @IsName()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: `What it delivers and why (up to ${MAX_DESCRIPTION_LENGTH} characters).`,
  })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION_LENGTH, { message: `description must be at most ${MAX_DESCRIPTION_LENGTH} characters` })
  description?: string | null;

  @Field(() => ProjectStatus, { nullable: true, description: 'Where it starts; PLANNED when omitted.' })
  @IsOptional()
  status?: ProjectStatus | null;

  @Field(() => GraphQLLocalDate, { description: 'First day of work.' })
  startDate!: string;

  @Field(() => GraphQLLocalDate, { description: 'The day it is planned to finish; on or after the start date.' })
  targetEndDate!: string;

  @MoneyAtLeast(
    0,
    'a budget cannot be negative',
    "The budget; zero or more, in the contract's currency when there is a contract.",
  )
  budget!: MoneyInput;

  @Field(() => ID, {
    nullable: true,
    description: 'The project lead: an active member of staff. They join the team too.',
  })
  @IsOptional()
  @MaxLength(200)
  leadId?: string | null;
}

@InputType({ description: 'Changes to a project; omitted fields stay as they are.' })
export class UpdateProjectInput {
  @Field(() => ID, { description: 'The project.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @IsName()
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; an empty string clears it.' })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION_LENGTH, { message: `description must be at most ${MAX_DESCRIPTION_LENGTH} characters` })
  description?: string | null;

  @Field(() => ProjectStatus, {
    nullable: true,
    description: 'New status. COMPLETED or CANCELLED sets the actual end date to today (UTC) unless one is given.',
  })
  @IsOptional()
  status?: ProjectStatus | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New start date.' })
  @IsOptional()
  startDate?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New target end date.' })
  @IsOptional()
  targetEndDate?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The day it actually finished.' })
  @IsOptional()
  actualEndDate?: string | null;

  @OptionalMoneyAtLeast(0, 'a budget cannot be negative', "New budget; zero or more, in the project's currency.")
  budget?: MoneyInput | null;

  @Field(() => ID, { nullable: true, description: 'New lead: an active member of staff. They join the team too.' })
  @IsOptional()
  @MaxLength(200)
  leadId?: string | null;
}

@InputType({ description: "Adds a member of staff to a project's team." })
export class AddProjectMemberInput {
  @Field(() => ID, { description: 'The project.' })
  @MaxLength(200)
  projectId!: string;

  @Field(() => ID, { description: 'The member of staff: active, and not a BI reader.' })
  @MaxLength(200)
  userId!: string;
}

@InputType({ description: "Takes a member of staff off a project's team." })
export class RemoveProjectMemberInput {
  @Field(() => ID, { description: 'The project.' })
  @MaxLength(200)
  projectId!: string;

  @Field(() => ID, { description: 'The member of staff.' })
  @MaxLength(200)
  userId!: string;
}

@InputType({ description: 'Money spent on a project.' })
export class RecordProjectCostInput {
  @Field(() => ID, { description: 'The project.' })
  @MaxLength(200)
  projectId!: string;

  @Field(() => GraphQLLocalDate, { description: 'The day it was incurred.' })
  date!: string;

  @Field(() => CostCategory, { description: 'What it paid for.' })
  category!: CostCategory;

  @MoneyAtLeast(1, 'a cost must be more than zero', "The amount: more than zero, in the project's currency.")
  amount!: MoneyInput;

  @Field(() => String, { nullable: true, description: 'What it was for (up to 1,000 characters).' })
  @IsOptional()
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string | null;
}

@InputType({ description: 'A status report on a project.' })
export class PostStatusUpdateInput {
  @Field(() => ID, { description: 'The project.' })
  @MaxLength(200)
  projectId!: string;

  @Field(() => Health, { description: 'Overall health. Turning RED tells the account owner.' })
  overall!: Health;

  @Field(() => Health, { description: 'Health of the schedule.' })
  schedule!: Health;

  @Field(() => Health, { description: 'Health of the budget.' })
  budget!: Health;

  @Field(() => Health, { description: 'Health of the scope.' })
  scope!: Health;

  @Field(() => Health, { description: 'Health of quality.' })
  quality!: Health;

  @Field(() => String, { description: `What happened since the last update (1 to ${MAX_TEXT_LENGTH} characters).` })
  @IsName(MAX_TEXT_LENGTH)
  summary!: string;

  @Field(() => String, { nullable: true, description: `Risks and issues (up to ${MAX_TEXT_LENGTH} characters).` })
  @IsOptional()
  @MaxLength(MAX_TEXT_LENGTH, { message: `risks must be at most ${MAX_TEXT_LENGTH} characters` })
  risks?: string | null;

  @Field(() => String, { nullable: true, description: `What happens next (up to ${MAX_TEXT_LENGTH} characters).` })
  @IsOptional()
  @MaxLength(MAX_TEXT_LENGTH, { message: `nextSteps must be at most ${MAX_TEXT_LENGTH} characters` })
  nextSteps?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The earlier update of the same project that this one corrects, if it is a correction.',
  })
  @IsOptional()
  @MaxLength(200)
  correctsId?: string | null;
}

@InputType({ description: 'A new milestone or deliverable of a project.' })
export class CreateMilestoneInput {
  @Field(() => ID, { description: 'The project.' })
  @MaxLength(200)
  projectId!: string;

  @Field(() => MilestoneKind, {
    description: 'A milestone, or a deliverable (which needs a passed quality review before acceptance).',
  })
  kind!: MilestoneKind;

  @Field(() => String, { description: 'Title (1 to 200 characters).' })
  @IsName()
  title!: string;

  @Field(() => GraphQLLocalDate, { description: 'The day it is due.' })
  dueDate!: string;
}

@InputType({ description: 'Progress on a milestone; omitted fields stay as they are.' })
export class UpdateMilestoneInput {
  @Field(() => ID, { description: 'The milestone.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @IsName()
  title?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New due date.' })
  @IsOptional()
  dueDate?: string | null;

  @Field(() => MilestoneStatus, {
    nullable: true,
    description:
      "New status: PLANNED, IN_PROGRESS or DELIVERED (ACCEPTED and REJECTED are the client's, through " +
      'acceptMilestone and rejectMilestone). Delivering again clears the earlier quality review.',
  })
  @IsOptional()
  status?: MilestoneStatus | null;
}

/**
 * The milestone a lifecycle step is about, and optionally the version the client last read of it
 * (registered so its fields are inherited; never in the schema itself).
 */
@InputType('MilestoneRefInput', { description: 'Names a milestone.' })
abstract class MilestoneRefInput {
  @Field(() => ID, { description: 'The milestone.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

@InputType({ description: 'The quality review of a DELIVERED milestone or deliverable.' })
export class ReviewMilestoneQualityInput extends MilestoneRefInput {
  @Field(() => Boolean, { description: 'Whether it passed.' })
  passed!: boolean;

  @Field(() => String, { nullable: true, description: "The reviewer's notes (up to 2,000 characters)." })
  @IsOptional()
  @MaxLength(2000, { message: 'notes must be at most 2000 characters' })
  notes?: string | null;
}

@InputType({ description: "The client's acceptance of a DELIVERED milestone or deliverable." })
export class AcceptMilestoneInput extends MilestoneRefInput {
  @Field(() => ID, { description: "The client contact who accepted it: a contact of the project's account." })
  @MaxLength(200)
  contactId!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The day they accepted it; today (UTC) when omitted.' })
  @IsOptional()
  acceptedOn?: string | null;
}

@InputType({ description: "The client's rejection of a DELIVERED milestone or deliverable." })
export class RejectMilestoneInput extends MilestoneRefInput {
  @Field(() => String, { description: 'Why the client rejected it: what must change.' })
  @IsName(2000)
  reason!: string;
}

export enum ProjectOrderField {
  NAME = 'NAME',
  TARGET_END_DATE = 'TARGET_END_DATE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ProjectOrderField, {
  name: 'ProjectOrderField',
  description: 'What to sort projects by.',
  valuesConfig: {
    NAME: { description: 'Project name.' },
    TARGET_END_DATE: { description: 'Planned end date.' },
    CREATED_AT: { description: 'When the project was created.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort projects; ties break on id.' })
export class ProjectOrder {
  @Field(() => ProjectOrderField, { description: 'What to sort by.' })
  field!: ProjectOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of projects; all given conditions must hold.' })
export class ProjectFilter {
  @Field(() => ID, { nullable: true, description: 'Projects of this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Projects under this contract.' })
  @IsOptional()
  @MaxLength(200)
  contractId?: string | null;

  @Field(() => [ProjectStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(5)
  status?: ProjectStatus[] | null;

  @Field(() => [Health], {
    nullable: true,
    description:
      'Whose latest status update has any of these overall healths (projects without an update never match).',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  health?: Health[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only projects that are not profitable (`isProfitable` false: margin zero or below). False: only profitable ones.',
  })
  @IsOptional()
  unprofitable?: boolean | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export const CreateProjectPayload = payloadType('createProject', 'project', Project, 'The new project.');
export const UpdateProjectPayload = payloadType('updateProject', 'project', Project, 'The project as it is now.');
export const CreateMilestonePayload = payloadType(
  'createMilestone',
  'milestone',
  Milestone,
  'The new milestone, PLANNED.',
);
export const UpdateMilestonePayload = payloadType(
  'updateMilestone',
  'milestone',
  Milestone,
  'The milestone as it is now.',
);
export const ReviewMilestoneQualityPayload = payloadType(
  'reviewMilestoneQuality',
  'milestone',
  Milestone,
  'The milestone with its review.',
);
export const AcceptMilestonePayload = payloadType(
  'acceptMilestone',
  'milestone',
  Milestone,
  'The milestone, now ACCEPTED.',
);
export const RejectMilestonePayload = payloadType(
  'rejectMilestone',
  'milestone',
  Milestone,
  'The milestone, now REJECTED.',
);

export enum ProjectCostOrderField {
  DATE = 'DATE',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ProjectCostOrderField, {
  name: 'ProjectCostOrderField',
  description: 'What to sort cost entries by.',
  valuesConfig: { DATE: { description: 'The day the cost was incurred.' }, UPDATED_AT: UPDATED_AT_ORDER },
});

@InputType({ description: 'How to sort cost entries; ties break on id.' })
export class ProjectCostOrder {
  @Field(() => ProjectCostOrderField, { description: 'What to sort by.' })
  field!: ProjectCostOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of project cost entries; all given conditions must hold.' })
export class ProjectCostFilter {
  @Field(() => ID, { nullable: true, description: 'Costs of projects of this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Costs of this project.' })
  @IsOptional()
  @MaxLength(200)
  projectId?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Incurred on or after this day.' })
  @IsOptional()
  dateOnOrAfter?: LocalDate | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Incurred on or before this day.' })
  @IsOptional()
  dateOnOrBefore?: LocalDate | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export enum StatusUpdateOrderField {
  POSTED_AT = 'POSTED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(StatusUpdateOrderField, {
  name: 'StatusUpdateOrderField',
  description: 'What to sort status updates by.',
  valuesConfig: { POSTED_AT: { description: 'When it was posted.' }, UPDATED_AT: UPDATED_AT_ORDER },
});

@InputType({ description: 'How to sort status updates; ties break on id.' })
export class StatusUpdateOrder {
  @Field(() => StatusUpdateOrderField, { description: 'What to sort by.' })
  field!: StatusUpdateOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of status updates; all given conditions must hold.' })
export class StatusUpdateFilter {
  @Field(() => ID, { nullable: true, description: 'Updates on projects of this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Updates on this project.' })
  @IsOptional()
  @MaxLength(200)
  projectId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Posted at or after this time.' })
  @IsOptional()
  postedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Posted before this time.' })
  @IsOptional()
  postedBefore?: Date | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}
