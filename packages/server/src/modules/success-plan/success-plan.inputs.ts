import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { LocalDate } from '../../common/dates';
import { ExpectedVersion, UPDATED_AT_ORDER, UpdatedSince } from '../../common/inputs';
import { OrderDirection } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { IsName } from '../../common/validation';
import { ClientGoal, ClientGoalCategory, ClientGoalPriority, ClientGoalStatus } from './success-plan.entity';

/** The earliest and latest plan years: wide enough for any real plan, narrow enough to catch a typo. */
export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;
const VALUE_TEXT = 100;

@InputType({
  description:
    "A new goal in an account's success plan: it starts NOT_STARTED; reviews move its status and keep its history.",
})
export class CreateClientGoalInput {
  @Field(() => ID, { description: 'The client account.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => Int, {
    nullable: true,
    description: `The plan year (${MIN_PLAN_YEAR} to ${MAX_PLAN_YEAR}); the target date's year when omitted.`,
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_PLAN_YEAR)
  @Max(MAX_PLAN_YEAR)
  year?: number | null;

  @Field(() => String, { description: 'What the client wants to achieve (1 to 200 characters).' })
  @IsName()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Why it matters to the client (up to 4,000 characters).' })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => ClientGoalCategory, { description: 'What kind of outcome it is.' })
  category!: ClientGoalCategory;

  @Field(() => String, { description: 'What is measured and how (1 to 500 characters).' })
  @IsName(500)
  measure!: string;

  @Field(() => String, {
    nullable: true,
    description: `Where the measure stands now, with its unit (up to ${VALUE_TEXT} characters), e.g. "12% of members".`,
  })
  @IsOptional()
  @MaxLength(VALUE_TEXT)
  baseline?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `The value that means achieved, with its unit (up to ${VALUE_TEXT} characters), e.g. "25% of members".`,
  })
  @IsOptional()
  @MaxLength(VALUE_TEXT)
  target?: string | null;

  @Field(() => GraphQLLocalDate, {
    description: 'By when the client wants it achieved; within or after the plan year.',
  })
  targetDate!: LocalDate;

  @Field(() => ClientGoalPriority, {
    nullable: true,
    description: 'How much it matters to the client; MEDIUM when omitted.',
  })
  @IsOptional()
  priority?: ClientGoalPriority | null;

  @Field(() => ID, { nullable: true, description: "The client's owner of the goal: a contact of the same account." })
  @IsOptional()
  @MaxLength(200)
  clientOwnerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Our owner of the goal: active staff (not a BI reader); the account's owner (or you) when omitted.",
  })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;
}

@InputType({
  description:
    "Changes to an open goal's definition; omitted fields stay as they are. The status changes only by a review (reviewClientGoal), so its history is complete.",
})
export class UpdateClientGoalInput {
  @Field(() => ID, { description: 'The goal.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New title (1 to 200 characters).' })
  @IsOptional()
  @IsName()
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; an empty text clears it.' })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => ClientGoalCategory, { nullable: true, description: 'New category.' })
  @IsOptional()
  category?: ClientGoalCategory | null;

  @Field(() => String, { nullable: true, description: 'New measure (1 to 500 characters).' })
  @IsOptional()
  @IsName(500)
  measure?: string | null;

  @Field(() => String, { nullable: true, description: 'New baseline; an empty text clears it.' })
  @IsOptional()
  @MaxLength(VALUE_TEXT)
  baseline?: string | null;

  @Field(() => String, { nullable: true, description: 'New target value; an empty text clears it.' })
  @IsOptional()
  @MaxLength(VALUE_TEXT)
  target?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New target date; within or after the plan year.' })
  @IsOptional()
  targetDate?: LocalDate | null;

  @Field(() => ClientGoalPriority, { nullable: true, description: 'New priority.' })
  @IsOptional()
  priority?: ClientGoalPriority | null;

  @Field(() => ID, {
    nullable: true,
    description: "New client owner (a contact of the goal's account); null clears it, omitted keeps it.",
  })
  @IsOptional()
  @MaxLength(200)
  clientOwnerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'New owner on our side: active staff, not a BI reader.' })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;
}

@InputType({
  description:
    'Records a review of a goal: its status now (the same one to confirm it), what was concluded, and where it was reviewed.',
})
export class ReviewClientGoalInput {
  @Field(() => ID, { description: 'The goal.' })
  @MaxLength(200)
  goalId!: string;

  @ExpectedVersion({ required: true, of: "The goal's" })
  expectedVersion!: number;

  @Field(() => ClientGoalStatus, {
    description: 'Its status after the review: the same to confirm it, ACHIEVED, MISSED or DROPPED to close it.',
  })
  status!: ClientGoalStatus;

  @Field(() => String, { description: 'What was concluded, and why (1 to 2,000 characters).' })
  @IsName(2000)
  note!: string;

  @Field(() => String, {
    nullable: true,
    description: `The measure's value now, with its unit (up to ${VALUE_TEXT} characters); becomes the goal's \`currentValue\`.`,
  })
  @IsOptional()
  @MaxLength(VALUE_TEXT)
  measuredValue?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The communication it was reviewed at (a business review, a call): one of the goal's account.",
  })
  @IsOptional()
  @MaxLength(200)
  communicationId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When it was reviewed: not in the future, nor before the goal's last review; the communication's time, or now, when omitted.",
  })
  @IsOptional()
  reviewedAt?: Date | null;
}

@InputType({
  description:
    'What serves a goal, exactly one of: a project or an opportunity of the same account, or an offering of the catalogue.',
})
export class LinkClientGoalInput {
  @Field(() => ID, { description: 'The goal.' })
  @MaxLength(200)
  goalId!: string;

  @Field(() => ID, { nullable: true, description: "A project of the goal's account." })
  @IsOptional()
  @MaxLength(200)
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An offering of the catalogue (one the client has, or could buy).' })
  @IsOptional()
  @MaxLength(200)
  offeringId?: string | null;

  @Field(() => ID, { nullable: true, description: "An opportunity of the goal's account." })
  @IsOptional()
  @MaxLength(200)
  opportunityId?: string | null;

  @ExpectedVersion({ of: "The goal's" })
  expectedVersion?: number | null;
}

@InputType({ description: 'What no longer serves a goal: exactly one of a project, an offering or an opportunity.' })
export class UnlinkClientGoalInput extends LinkClientGoalInput {}

@InputType({ description: 'Removes a goal from the success plan, with its links and review history.' })
export class DeleteClientGoalInput {
  @Field(() => ID, { description: 'The goal.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

export enum ClientGoalOrderField {
  TARGET_DATE = 'TARGET_DATE',
  PRIORITY = 'PRIORITY',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ClientGoalOrderField, {
  name: 'ClientGoalOrderField',
  description: 'What to sort client goals by.',
  valuesConfig: {
    TARGET_DATE: { description: 'The target date: ASC puts the soonest first.' },
    PRIORITY: { description: 'Priority, LOW to HIGH ascending: DESC puts HIGH first.' },
    CREATED_AT: { description: 'When the goal was set.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort client goals; ties break on id.' })
export class ClientGoalOrder {
  @Field(() => ClientGoalOrderField, { description: 'What to sort by.' })
  field!: ClientGoalOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

/** Conditions shared by the root list and an account's list. */
@InputType({ description: 'Narrows a list of client goals; all given conditions must hold.' })
export class ClientGoalFilter {
  @Field(() => ID, { nullable: true, description: 'Goals of this account (ignored on `Account.clientGoals`).' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Goals of this plan year.' })
  @IsOptional()
  @IsInt()
  @Min(MIN_PLAN_YEAR)
  @Max(MAX_PLAN_YEAR)
  year?: number | null;

  @Field(() => [ClientGoalStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(7)
  status?: ClientGoalStatus[] | null;

  @Field(() => [ClientGoalCategory], { nullable: true, description: 'Any of these categories.' })
  @IsOptional()
  @ArrayMaxSize(8)
  category?: ClientGoalCategory[] | null;

  @Field(() => ID, { nullable: true, description: 'Owned on our side by this member of staff.' })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Target date on or before this day.' })
  @IsOptional()
  targetBefore?: LocalDate | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export const CreateClientGoalPayload = payloadType(
  'createClientGoal',
  'clientGoal',
  ClientGoal,
  'The new goal, NOT_STARTED.',
);
export const UpdateClientGoalPayload = payloadType(
  'updateClientGoal',
  'clientGoal',
  ClientGoal,
  'The goal as changed.',
);
