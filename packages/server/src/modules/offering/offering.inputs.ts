import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ExpectedVersion, UPDATED_AT_ORDER, UpdatedSince } from '../../common/inputs';
import { OrderDirection } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { IsName } from '../../common/validation';
import { AccountOffering, AccountOfferingStatus, Offering, OfferingCategory } from './offering.entity';

const MAX_DESCRIPTION = 2000;

@InputType({ description: 'A new offering in the catalogue.' })
export class CreateOfferingInput {
  @Field(() => String, { description: 'Name (1 to 200 characters), unique in the catalogue.' })
  @IsName()
  name!: string;

  @Field(() => OfferingCategory, { description: 'What part of a health plan’s needs it serves.' })
  category!: OfferingCategory;

  @Field(() => String, { nullable: true, description: `What it is (up to ${MAX_DESCRIPTION} characters).` })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION)
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is sold now; true when omitted.' })
  @IsOptional()
  active?: boolean | null;
}

@InputType({ description: 'Changes to an offering; omitted fields stay as they are.' })
export class UpdateOfferingInput {
  @Field(() => ID, { description: 'The offering.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New name, unique in the catalogue.' })
  @IsOptional()
  @IsName()
  name?: string | null;

  @Field(() => OfferingCategory, { nullable: true, description: 'New category.' })
  @IsOptional()
  category?: OfferingCategory | null;

  @Field(() => String, { nullable: true, description: 'New description; an empty text clears it.' })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION)
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False retires it from the catalogue (and from whitespace).' })
  @IsOptional()
  active?: boolean | null;
}

@InputType({ description: 'Narrows the catalogue; all given conditions must hold.' })
export class OfferingFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only offerings sold now (true) or retired (false).' })
  @IsOptional()
  active?: boolean | null;

  @Field(() => [OfferingCategory], { nullable: true, description: 'Any of these categories.' })
  @IsOptional()
  @ArrayMaxSize(8)
  category?: OfferingCategory[] | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export enum OfferingOrderField {
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(OfferingOrderField, {
  name: 'OfferingOrderField',
  description: 'What to sort the catalogue by.',
  valuesConfig: {
    NAME: { description: 'Name.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort the catalogue; ties break on id.' })
export class OfferingOrder {
  @Field(() => OfferingOrderField, { description: 'What to sort by.' })
  field!: OfferingOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Records that an account has an offering.' })
export class AddAccountOfferingInput {
  @Field(() => ID, { description: 'The account.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => ID, { description: 'The offering.' })
  @MaxLength(200)
  offeringId!: string;

  @Field(() => GraphQLLocalDate, { description: 'The day the account started with it.' })
  since!: string;

  @Field(() => AccountOfferingStatus, {
    nullable: true,
    description: 'How the account stands with it; ACTIVE when omitted.',
  })
  @IsOptional()
  status?: AccountOfferingStatus | null;
}

@InputType({ description: 'Changes how an account stands with an offering; omitted fields stay as they are.' })
export class UpdateAccountOfferingInput {
  @Field(() => ID, { description: 'The account offering.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New start date.' })
  @IsOptional()
  since?: string | null;

  @Field(() => AccountOfferingStatus, { nullable: true, description: 'New status.' })
  @IsOptional()
  status?: AccountOfferingStatus | null;
}

export const CreateOfferingPayload = payloadType('createOffering', 'offering', Offering, 'The new offering.');
export const UpdateOfferingPayload = payloadType('updateOffering', 'offering', Offering, 'The offering as it is now.');
export const AddAccountOfferingPayload = payloadType(
  'addAccountOffering',
  'accountOffering',
  AccountOffering,
  'The account’s new offering.',
);
export const UpdateAccountOfferingPayload = payloadType(
  'updateAccountOffering',
  'accountOffering',
  AccountOffering,
  'The account offering as it is now.',
);
