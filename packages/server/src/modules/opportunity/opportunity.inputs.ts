import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import {
  ExpectedVersion,
  MoneyAtLeast,
  OptionalMoneyAtLeast,
  UPDATED_AT_ORDER,
  UpdatedSince,
} from '../../common/inputs';
import { MoneyInput } from '../../common/money';
import { OrderDirection } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { IsName } from '../../common/validation';
import { ContractType } from '../contract/contract.entity';
import { Opportunity, OpportunityStage } from './opportunity.entity';

const MAX_DESCRIPTION = 4000;
const SOURCE_DESCRIPTION =
  'What revealed the need: a Project, Communication or ClientIssue of the same account (its global id).';

/** `probability`: a whole percent, 0 to 100. */
function Probability(description: string): PropertyDecorator {
  return (target, property) => {
    Field(() => Int, { nullable: true, description })(target, property);
    IsOptional()(target, property);
    IsInt()(target, property);
    Min(0, { message: 'probability must be between 0 and 100' })(target, property);
    Max(100, { message: 'probability must be between 0 and 100' })(target, property);
  };
}

@InputType({ description: 'A new opportunity on an account.' })
export class CreateOpportunityInput {
  @Field(() => ID, { description: 'The client account.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => ID, { nullable: true, description: 'The offering it would sell, if one of the catalogue.' })
  @IsOptional()
  @MaxLength(200)
  offeringId?: string | null;

  @Field(() => String, { description: 'Title (1 to 200 characters).' })
  @IsName()
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: `The need and the next step (up to ${MAX_DESCRIPTION} characters).`,
  })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: SOURCE_DESCRIPTION })
  @IsOptional()
  @MaxLength(200)
  sourceId?: string | null;

  @Field(() => OpportunityStage, {
    nullable: true,
    description: 'The stage it starts in: an open stage; PROSPECTING when omitted.',
  })
  @IsOptional()
  stage?: OpportunityStage | null;

  @MoneyAtLeast(0, 'an opportunity amount cannot be negative', 'What the client would pay; zero or more.')
  amount!: MoneyInput;

  @Probability("Chance of winning in percent (0 to 100); the stage's default when omitted.")
  probability?: number | null;

  @Field(() => GraphQLLocalDate, { description: 'When it is expected to close.' })
  expectedCloseDate!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Who pursues it: an active account manager or senior; the account's owner when omitted.",
  })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;
}

@InputType({ description: 'Changes to an open opportunity; omitted fields stay as they are.' })
export class UpdateOpportunityInput {
  @Field(() => ID, { description: 'The opportunity.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @IsName()
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; an empty text clears it.' })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'New offering; null clears it.' })
  @IsOptional()
  @MaxLength(200)
  offeringId?: string | null;

  @Field(() => ID, { nullable: true, description: `New source; null clears it. ${SOURCE_DESCRIPTION}` })
  @IsOptional()
  @MaxLength(200)
  sourceId?: string | null;

  @OptionalMoneyAtLeast(0, 'an opportunity amount cannot be negative', 'New amount; zero or more.')
  amount?: MoneyInput | null;

  @Probability('New chance of winning in percent (0 to 100).')
  probability?: number | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New expected close date.' })
  @IsOptional()
  expectedCloseDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'New owner: an active account manager or senior.' })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;
}

/** Names an opportunity for a step of its life (registered so its fields are inherited; never in the schema itself). */
@InputType('OpportunityRefInput', { description: 'Names an opportunity.' })
abstract class OpportunityRefInput {
  @Field(() => ID, { description: 'The opportunity.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

@InputType({ description: 'Moves an open opportunity to another open stage, forwards or back.' })
export class MoveOpportunityStageInput extends OpportunityRefInput {
  @Field(() => OpportunityStage, {
    description:
      'The new stage: PROSPECTING, QUALIFIED, PROPOSAL or NEGOTIATION (win or lose it with their own steps).',
  })
  stage!: OpportunityStage;

  @Probability("Chance of winning at the new stage (0 to 100); the stage's default when omitted.")
  probability?: number | null;
}

@InputType({ description: 'The DRAFT contract a won opportunity becomes; every field has a default.' })
export class WonContractInput {
  @Field(() => String, { nullable: true, description: "Contract title; the opportunity's title when omitted." })
  @IsOptional()
  @IsName()
  title?: string | null;

  @Field(() => ContractType, { nullable: true, description: 'Kind of agreement; STATEMENT_OF_WORK when omitted.' })
  @IsOptional()
  type?: ContractType | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day of the term; today (UTC) when omitted.' })
  @IsOptional()
  startDate?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day of the term; one year after the start, less a day, when omitted.',
  })
  @IsOptional()
  endDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Notice period in days (0 to 730); 90 when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  noticePeriodDays?: number | null;
}

@InputType({ description: 'Wins an open opportunity: it becomes WON and a DRAFT contract is created for its amount.' })
export class WinOpportunityInput extends OpportunityRefInput {
  @Field(() => WonContractInput, { nullable: true, description: 'Terms of the new contract; defaults when omitted.' })
  @IsOptional()
  @ValidateNested()
  contract?: WonContractInput | null;
}

@InputType({ description: 'Loses an open opportunity, with the reason.' })
export class LoseOpportunityInput extends OpportunityRefInput {
  @Field(() => String, { description: 'Why it was lost (1 to 2,000 characters): price, timing, a competitor...' })
  @IsName(2000)
  reason!: string;
}

export enum OpportunityOrderField {
  EXPECTED_CLOSE = 'EXPECTED_CLOSE',
  AMOUNT = 'AMOUNT',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(OpportunityOrderField, {
  name: 'OpportunityOrderField',
  description: 'What to sort opportunities by.',
  valuesConfig: {
    EXPECTED_CLOSE: { description: 'Expected close date.' },
    AMOUNT: { description: 'Amount in minor units (currencies are not converted).' },
    CREATED_AT: { description: 'When the opportunity was created.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort opportunities; ties break on id.' })
export class OpportunityOrder {
  @Field(() => OpportunityOrderField, { description: 'What to sort by.' })
  field!: OpportunityOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of opportunities; all given conditions must hold.' })
export class OpportunityFilter {
  @Field(() => ID, { nullable: true, description: 'Opportunities of this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owned by this member of staff.' })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;

  @Field(() => [OpportunityStage], { nullable: true, description: 'In any of these stages.' })
  @IsOptional()
  @ArrayMaxSize(6)
  stages?: OpportunityStage[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only open ones (true) or only won and lost ones (false).' })
  @IsOptional()
  open?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'For this offering.' })
  @IsOptional()
  @MaxLength(200)
  offeringId?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Expected to close on or after this date.' })
  @IsOptional()
  expectedCloseFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Expected to close on or before this date.' })
  @IsOptional()
  expectedCloseTo?: string | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export enum PipelineGroupBy {
  OWNER = 'OWNER',
  QUARTER = 'QUARTER',
  OWNER_AND_QUARTER = 'OWNER_AND_QUARTER',
}

registerEnumType(PipelineGroupBy, {
  name: 'PipelineGroupBy',
  description: 'How the rows of the weighted pipeline are split; every row is also split by currency.',
  valuesConfig: {
    OWNER: { description: 'One row per owner and currency.' },
    QUARTER: { description: 'One row per quarter of the expected close date and currency.' },
    OWNER_AND_QUARTER: { description: 'One row per owner, quarter and currency.' },
  },
});

@ArgsType()
export class OpportunityPipelineArgs {
  @Field(() => PipelineGroupBy, { defaultValue: PipelineGroupBy.OWNER, description: 'How to split the rows.' })
  groupBy: PipelineGroupBy = PipelineGroupBy.OWNER;

  @Field(() => OpportunityFilter, {
    nullable: true,
    description: 'Which opportunities count; open ones only unless the filter names stages or `open`.',
  })
  @IsOptional()
  @ValidateNested()
  filter?: OpportunityFilter | null;
}

export const CreateOpportunityPayload = payloadType(
  'createOpportunity',
  'opportunity',
  Opportunity,
  'The new opportunity.',
);
export const UpdateOpportunityPayload = payloadType(
  'updateOpportunity',
  'opportunity',
  Opportunity,
  'The opportunity as it is now.',
);
export const MoveOpportunityStagePayload = payloadType(
  'moveOpportunityStage',
  'opportunity',
  Opportunity,
  'The opportunity at its new stage.',
);
export const LoseOpportunityPayload = payloadType(
  'loseOpportunity',
  'opportunity',
  Opportunity,
  'The opportunity, now LOST.',
);
