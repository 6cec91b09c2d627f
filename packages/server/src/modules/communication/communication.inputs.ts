import { ArrayMaxSize, IsOptional, IsUrl, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ExpectedVersion, UPDATED_AT_ORDER, UpdatedSince } from '../../common/inputs';
import { OrderDirection } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { IsName } from '../../common/validation';
import { Communication, CommunicationDirection, CommunicationType } from './communication.entity';
import { FollowUp } from './follow-up.entity';

/** The most people on one side of a communication, documents on it, and follow-ups logged with it. */
export const MAX_PARTICIPANTS = 50;
export const MAX_DOCUMENTS = 20;
export const MAX_FOLLOW_UPS = 20;
export const MAX_SUMMARY = 8000;
export const MAX_FOLLOW_UP_TEXT = 2000;

const URL_RULE = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_valid_protocol: true,
  require_tld: false,
};

@InputType({ description: 'A link to a document: the deck, the minutes, the shared folder.' })
export class DocumentLinkInput {
  @Field(() => String, { description: 'What the document is (1 to 200 characters).' })
  @IsName()
  title!: string;

  @Field(() => String, { description: 'Where it is: an http:// or https:// URL (up to 2,000 characters).' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  @IsUrl(URL_RULE, { message: 'url must be an http:// or https:// address' })
  url!: string;
}

@InputType({ description: 'A follow-up action promised in a communication.' })
export class NewFollowUpInput {
  @Field(() => String, { description: `What is to be done (1 to ${MAX_FOLLOW_UP_TEXT} characters).` })
  @IsName(MAX_FOLLOW_UP_TEXT)
  description!: string;

  @Field(() => ID, {
    description:
      'Who owns it: active staff who may log communications on the account. They are notified when someone else assigns it.',
  })
  @MaxLength(200)
  ownerId!: string;

  @Field(() => GraphQLLocalDate, { description: 'The day it is due: on or after the day of the communication.' })
  dueOn!: string;
}

@InputType({ description: 'A communication to record, with who took part, its documents and its follow-ups.' })
export class LogCommunicationInput {
  @Field(() => ID, { description: 'The client account.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => CommunicationType, { description: 'What kind of contact it was.' })
  type!: CommunicationType;

  @Field(() => CommunicationDirection, { description: 'Who started it.' })
  direction!: CommunicationDirection;

  @Field(() => Date, { description: 'When it took place (UTC); at most a day ahead of now.' })
  occurredAt!: Date;

  @Field(() => String, { description: 'A one-line subject (1 to 200 characters).' })
  @IsName(200)
  subject!: string;

  @Field(() => String, {
    nullable: true,
    description: `What was discussed and agreed (up to ${MAX_SUMMARY} characters).`,
  })
  @IsOptional()
  @MaxLength(MAX_SUMMARY, { message: `summary must be at most ${MAX_SUMMARY} characters` })
  summary?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `The account's contacts who took part (up to ${MAX_PARTICIPANTS}); each must be a contact of this account.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @MaxLength(200, { each: true })
  contactIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Our staff who took part (up to ${MAX_PARTICIPANTS}); you are not added unless named.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @MaxLength(200, { each: true })
  staffIds?: string[] | null;

  @Field(() => [DocumentLinkInput], { nullable: true, description: `Links to documents (up to ${MAX_DOCUMENTS}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_DOCUMENTS)
  @ValidateNested()
  documents?: DocumentLinkInput[] | null;

  @Field(() => [NewFollowUpInput], {
    nullable: true,
    description: `Follow-up actions promised in it (up to ${MAX_FOLLOW_UPS}).`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FOLLOW_UPS)
  @ValidateNested()
  followUps?: NewFollowUpInput[] | null;
}

@InputType({
  description:
    'Changes to a communication; omitted fields stay. A list given replaces the whole list (participants, documents).',
})
export class UpdateCommunicationInput {
  @Field(() => ID, { description: 'The communication to change.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => CommunicationType, { nullable: true, description: 'New kind.' })
  @IsOptional()
  type?: CommunicationType | null;

  @Field(() => CommunicationDirection, { nullable: true, description: 'New direction.' })
  @IsOptional()
  direction?: CommunicationDirection | null;

  @Field(() => Date, { nullable: true, description: 'New time (UTC); at most a day ahead of now.' })
  @IsOptional()
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'New subject (1 to 200 characters).' })
  @IsOptional()
  @IsName(200)
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'New summary; an empty one clears it.' })
  @IsOptional()
  @MaxLength(MAX_SUMMARY, { message: `summary must be at most ${MAX_SUMMARY} characters` })
  summary?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The contacts who took part, replacing the current ones.' })
  @IsOptional()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @MaxLength(200, { each: true })
  contactIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Our staff who took part, replacing the current ones.' })
  @IsOptional()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @MaxLength(200, { each: true })
  staffIds?: string[] | null;

  @Field(() => [DocumentLinkInput], { nullable: true, description: 'The document links, replacing the current ones.' })
  @IsOptional()
  @ArrayMaxSize(MAX_DOCUMENTS)
  @ValidateNested()
  documents?: DocumentLinkInput[] | null;
}

@InputType({ description: 'Removes a communication with its participants, documents and follow-ups.' })
export class DeleteCommunicationInput {
  @Field(() => ID, { description: 'The communication to remove.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

@InputType({ description: 'A follow-up action added to a communication after it was logged.' })
export class AddFollowUpInput extends NewFollowUpInput {
  @Field(() => ID, { description: 'The communication it comes from.' })
  @MaxLength(200)
  communicationId!: string;
}

@InputType({ description: 'Changes to a follow-up; omitted fields stay.' })
export class UpdateFollowUpInput {
  @Field(() => ID, { description: 'The follow-up.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @IsName(MAX_FOLLOW_UP_TEXT)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'New owner; they are notified unless it is you.' })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'New due date: on or after the day of the communication.',
  })
  @IsOptional()
  dueOn?: string | null;
}

@InputType({ description: 'Marks a follow-up done, or open again.' })
export class FollowUpStepInput {
  @Field(() => ID, { description: 'The follow-up.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

export enum CommunicationOrderField {
  OCCURRED_AT = 'OCCURRED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(CommunicationOrderField, {
  name: 'CommunicationOrderField',
  description: 'What to sort communications by.',
  valuesConfig: {
    OCCURRED_AT: { description: 'When it took place.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort communications; ties break on id.' })
export class CommunicationOrder {
  @Field(() => CommunicationOrderField, { description: 'What to sort by.' })
  field!: CommunicationOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.DESC;
}

@InputType({ description: 'Narrows a list of communications; all given conditions must hold.' })
export class CommunicationFilter {
  @Field(() => ID, { nullable: true, description: 'Communications with this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => [CommunicationType], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(10)
  type?: CommunicationType[] | null;

  @Field(() => CommunicationDirection, { nullable: true, description: 'Only this direction.' })
  @IsOptional()
  direction?: CommunicationDirection | null;

  @Field(() => Date, { nullable: true, description: 'Took place at or after this time.' })
  @IsOptional()
  occurredFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Took place before this time.' })
  @IsOptional()
  occurredTo?: Date | null;

  @Field(() => ID, { nullable: true, description: 'This contact took part.' })
  @IsOptional()
  @MaxLength(200)
  participantContactId?: string | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export const LogCommunicationPayload = payloadType(
  'logCommunication',
  'communication',
  Communication,
  'The communication as recorded, with its participants, documents and follow-ups.',
);
export const UpdateCommunicationPayload = payloadType(
  'updateCommunication',
  'communication',
  Communication,
  'The communication as it is now.',
);
export const AddFollowUpPayload = payloadType('addFollowUp', 'followUp', FollowUp, 'The new open follow-up.');
export const UpdateFollowUpPayload = payloadType('updateFollowUp', 'followUp', FollowUp, 'The follow-up as it is now.');
export const CompleteFollowUpPayload = payloadType(
  'completeFollowUp',
  'followUp',
  FollowUp,
  'The follow-up, now done.',
);
export const ReopenFollowUpPayload = payloadType('reopenFollowUp', 'followUp', FollowUp, 'The follow-up, open again.');
