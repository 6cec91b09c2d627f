import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { MoneyInput } from '../../common/money';
import { OrderDirection } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { IsName } from '../../common/validation';
import { ChangeOrder, ChangeOrderStatus } from './change-order.entity';
import { ApprovalNote, ExpectedVersion, RejectionReason, UPDATED_AT_ORDER, UpdatedSince } from '../../common/inputs';

/** Ten years either way: anything larger is a typing mistake. */
export const MAX_SCHEDULE_IMPACT_DAYS = 3650;
export const MAX_DESCRIPTION_LENGTH = 5000;

@InputType({ description: 'A new change order on an ACTIVE contract, created as a DRAFT.' })
export class CreateChangeOrderInput {
  @Field(() => ID, { description: 'The contract it changes; it must be ACTIVE.' })
  @MaxLength(200)
  contractId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The project the change is for, on the same contract; approving the change adjusts that project's budget too.",
  })
  @IsOptional()
  @MaxLength(200)
  projectId?: string | null;

  @Field(() => String, { description: 'Title (1 to 200 characters).' })
  @IsName()
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: `What changes and why (up to ${MAX_DESCRIPTION_LENGTH} characters).`,
  })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION_LENGTH, { message: `description must be at most ${MAX_DESCRIPTION_LENGTH} characters` })
  description?: string | null;

  @Field(() => MoneyInput, {
    description: "What approval adds to the contract's value; negative for a reduction. In the contract's currency.",
  })
  @ValidateNested()
  amountDelta!: MoneyInput;

  @Field(() => Int, {
    nullable: true,
    description: `Days the change moves the schedule (${-MAX_SCHEDULE_IMPACT_DAYS} to ${MAX_SCHEDULE_IMPACT_DAYS}); 0 when omitted.`,
  })
  @IsOptional()
  @IsInt()
  @Min(-MAX_SCHEDULE_IMPACT_DAYS)
  @Max(MAX_SCHEDULE_IMPACT_DAYS)
  scheduleImpactDays?: number | null;
}

@InputType({ description: 'Changes to a DRAFT change order; omitted fields stay as they are.' })
export class UpdateChangeOrderInput {
  @Field(() => ID, { description: 'The change order.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @IsName()
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; an empty string clears it.' })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION_LENGTH, { message: `description must be at most ${MAX_DESCRIPTION_LENGTH} characters` })
  description?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: "New amount, in the contract's currency." })
  @IsOptional()
  @ValidateNested()
  amountDelta?: MoneyInput | null;

  @Field(() => Int, { nullable: true, description: 'New schedule impact in days.' })
  @IsOptional()
  @IsInt()
  @Min(-MAX_SCHEDULE_IMPACT_DAYS)
  @Max(MAX_SCHEDULE_IMPACT_DAYS)
  scheduleImpactDays?: number | null;
}

/**
 * The change order a lifecycle step is about, and optionally the version the client last read of
 * it (registered so its fields are inherited; never in the schema itself).
 */
@InputType('ChangeOrderRefInput', { description: 'Names a change order.' })
abstract class ChangeOrderRefInput {
  @Field(() => ID, { description: 'The change order.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

@InputType({ description: 'Sends a DRAFT change order for approval.' })
export class SubmitChangeOrderInput extends ChangeOrderRefInput {}

@InputType({
  description: "Approves a pending change order: it becomes APPROVED and its amount is added to the contract's value.",
})
export class ApproveChangeOrderInput extends ChangeOrderRefInput {
  @ApprovalNote()
  note?: string | null;
}

@InputType({ description: 'Rejects a pending change order, with a reason; REJECTED is final.' })
export class RejectChangeOrderInput extends ChangeOrderRefInput {
  @RejectionReason()
  reason!: string;
}

@InputType({ description: 'Takes back a DRAFT or pending change order; WITHDRAWN is final.' })
export class WithdrawChangeOrderInput extends ChangeOrderRefInput {}

export enum ChangeOrderOrderField {
  CREATED_AT = 'CREATED_AT',
  NUMBER = 'NUMBER',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ChangeOrderOrderField, {
  name: 'ChangeOrderOrderField',
  description: 'What to sort change orders by.',
  valuesConfig: {
    CREATED_AT: { description: 'When the change order was raised.' },
    NUMBER: { description: 'Change order number.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort change orders; ties break on id.' })
export class ChangeOrderOrder {
  @Field(() => ChangeOrderOrderField, { description: 'What to sort by.' })
  field!: ChangeOrderOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of change orders; all given conditions must hold.' })
export class ChangeOrderFilter {
  @Field(() => ID, { nullable: true, description: 'Change orders of this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Change orders of this contract.' })
  @IsOptional()
  @MaxLength(200)
  contractId?: string | null;

  @Field(() => [ChangeOrderStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(5)
  status?: ChangeOrderStatus[] | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Raised on or after this day (UTC).' })
  @IsOptional()
  createdOnOrAfter?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Raised on or before this day (UTC).' })
  @IsOptional()
  createdOnOrBefore?: string | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export const CreateChangeOrderPayload = payloadType(
  'createChangeOrder',
  'changeOrder',
  ChangeOrder,
  'The new DRAFT change order.',
);
export const UpdateChangeOrderPayload = payloadType(
  'updateChangeOrder',
  'changeOrder',
  ChangeOrder,
  'The change order as it is now.',
);
export const SubmitChangeOrderPayload = payloadType(
  'submitChangeOrder',
  'changeOrder',
  ChangeOrder,
  'The change order, now PENDING_APPROVAL.',
);
export const WithdrawChangeOrderPayload = payloadType(
  'withdrawChangeOrder',
  'changeOrder',
  ChangeOrder,
  'The change order, now WITHDRAWN.',
);
