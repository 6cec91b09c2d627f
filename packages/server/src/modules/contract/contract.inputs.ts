import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { MoneyInput } from '../../common/money';
import { OrderDirection } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { IsName } from '../../common/validation';
import { Contract, ContractStatus, ContractType } from './contract.entity';
import {
  ApprovalNote,
  ExpectedVersion,
  MoneyAtLeast,
  OptionalMoneyAtLeast,
  RejectionReason,
  UPDATED_AT_ORDER,
  UpdatedSince,
} from '../../common/inputs';

const MAX_NOTICE_DAYS = 730;

@InputType({ description: 'A new contract, created as a DRAFT.' })
export class CreateContractInput {
  @Field(() => ID, { description: 'The client account.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => String, { description: 'Title (1 to 200 characters).' })
  @IsName()
  title!: string;

  @Field(() => ContractType, { description: 'What kind of agreement it is.' })
  type!: ContractType;

  @Field(() => GraphQLLocalDate, { description: 'First day of the term.' })
  startDate!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day of the term; on or after the start date.' })
  endDate!: string;

  @MoneyAtLeast(0, 'a contract value cannot be negative', 'Contracted value; zero or more.')
  value!: MoneyInput;

  @Field(() => Int, {
    nullable: true,
    description: `Notice period in days (0 to ${MAX_NOTICE_DAYS}); 90 when omitted.`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_NOTICE_DAYS)
  noticePeriodDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Renews by itself unless notice is given; false when omitted.' })
  @IsOptional()
  autoRenew?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the client signed it, if they have.' })
  @IsOptional()
  signedAt?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: "The account manager who owns it; the account's owner when omitted.",
  })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;
}

@InputType({ description: 'Changes to a DRAFT contract; omitted fields stay as they are.' })
export class UpdateContractInput {
  @Field(() => ID, { description: 'The contract.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @IsName()
  title?: string | null;

  @Field(() => ContractType, { nullable: true, description: 'New type.' })
  @IsOptional()
  type?: ContractType | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New start date.' })
  @IsOptional()
  startDate?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New end date.' })
  @IsOptional()
  endDate?: string | null;

  @OptionalMoneyAtLeast(0, 'a contract value cannot be negative', 'New value; zero or more.')
  value?: MoneyInput | null;

  @Field(() => Int, { nullable: true, description: 'New notice period in days.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_NOTICE_DAYS)
  noticePeriodDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'New auto-renew setting.' })
  @IsOptional()
  autoRenew?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the client signed it.' })
  @IsOptional()
  signedAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'New owner: an active account manager or senior.' })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;
}

/**
 * The contract a lifecycle step is about, and optionally the version the client last read of it
 * (registered so its fields are inherited; never in the schema itself).
 */
@InputType('ContractRefInput', { description: 'Names a contract.' })
abstract class ContractRefInput {
  @Field(() => ID, { description: 'The contract.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

@InputType({ description: 'Sends a DRAFT contract for approval.' })
export class SubmitContractInput extends ContractRefInput {}

@InputType({ description: 'Approves a pending contract, which becomes ACTIVE (and its predecessor RENEWED).' })
export class ApproveContractInput extends ContractRefInput {
  @ApprovalNote()
  note?: string | null;
}

@InputType({ description: 'Sends a pending contract back to DRAFT, with a reason.' })
export class RejectContractInput extends ContractRefInput {
  @RejectionReason()
  reason!: string;
}

@InputType({ description: 'Ends an active contract early.' })
export class TerminateContractInput extends ContractRefInput {
  @Field(() => String, { description: 'Why it ends.' })
  @IsName(2000)
  reason!: string;

  @Field(() => GraphQLLocalDate, { description: 'The last day it is in force; within its term.' })
  terminationDate!: string;
}

@InputType({ description: 'Starts the renewal of an ACTIVE or EXPIRED contract as a new DRAFT linked to it.' })
export class RenewContractInput extends ContractRefInput {
  @Field(() => String, {
    nullable: true,
    description: 'Title of the renewal; the predecessor\'s with "(renewal)" when omitted.',
  })
  @IsOptional()
  @IsName()
  title?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Start of the new term; the day after the predecessor ends when omitted.',
  })
  @IsOptional()
  startDate?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "End of the new term; as long as the predecessor's term when omitted.",
  })
  @IsOptional()
  endDate?: string | null;

  @OptionalMoneyAtLeast(
    0,
    'a contract value cannot be negative',
    "Value of the new term, zero or more; the predecessor's when omitted.",
  )
  value?: MoneyInput | null;
}

export enum ContractOrderField {
  END_DATE = 'END_DATE',
  NOTICE_DEADLINE = 'NOTICE_DEADLINE',
  NUMBER = 'NUMBER',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ContractOrderField, {
  name: 'ContractOrderField',
  description: 'What to sort contracts by.',
  valuesConfig: {
    END_DATE: { description: 'End of the term.' },
    NOTICE_DEADLINE: { description: 'Last day to give notice.' },
    NUMBER: { description: 'Contract number.' },
    CREATED_AT: { description: 'When the contract was created.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort contracts; ties break on id.' })
export class ContractOrder {
  @Field(() => ContractOrderField, { description: 'What to sort by.' })
  field!: ContractOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of contracts; all given conditions must hold.' })
export class ContractFilter {
  @Field(() => ID, { nullable: true, description: 'Contracts of this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => [ContractStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(6)
  status?: ContractStatus[] | null;

  @Field(() => [ContractType], { nullable: true, description: 'Any of these types.' })
  @IsOptional()
  @ArrayMaxSize(4)
  type?: ContractType[] | null;

  @Field(() => ID, { nullable: true, description: 'Owned by this account manager.' })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Ending between today and this many days from today (UTC), inclusive.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  endsWithinDays?: number | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Ending on or after this date.' })
  @IsOptional()
  endsOnOrAfter?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Ending on or before this date.' })
  @IsOptional()
  endsOnOrBefore?: string | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export const CreateContractPayload = payloadType('createContract', 'contract', Contract, 'The new DRAFT contract.');
export const UpdateContractPayload = payloadType('updateContract', 'contract', Contract, 'The contract as it is now.');
export const SubmitContractPayload = payloadType(
  'submitContract',
  'contract',
  Contract,
  'The contract, now PENDING_APPROVAL.',
);
export const TerminateContractPayload = payloadType(
  'terminateContract',
  'contract',
  Contract,
  'The contract, now TERMINATED.',
);
export const RenewContractPayload = payloadType(
  'renewContract',
  'contract',
  Contract,
  'The new DRAFT renewal, linked to its predecessor.',
);
