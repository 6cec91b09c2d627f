import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../common/pagination';
import { IsName } from '../../common/validation';
import { AccountKind, AccountStatus, AccountTier } from './account.entity';
import { ExpectedVersion, UPDATED_AT_ORDER, UpdatedSince } from '../../common/inputs';
import { AccountHealthFilter } from '../account-health/account-health.inputs';

/** More members than any health plan reaches; catches typos of a few extra zeros. */
const MAX_MEMBERS = 500_000_000;

export enum AccountOrderField {
  NAME = 'NAME',
  MEMBERS_REACHED = 'MEMBERS_REACHED',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  HEALTH = 'HEALTH',
}

registerEnumType(AccountOrderField, {
  name: 'AccountOrderField',
  description: 'What to sort accounts by.',
  valuesConfig: {
    NAME: { description: 'Account name, alphabetically.' },
    MEMBERS_REACHED: { description: 'Members reached.' },
    CREATED_AT: { description: 'When the account was created.' },
    UPDATED_AT: UPDATED_AT_ORDER,
    HEALTH: { description: 'Health score computed now (ascending: most at risk first).' },
  },
});

@InputType({ description: 'How to sort accounts; ties break on id.' })
export class AccountOrder {
  @Field(() => AccountOrderField, { description: 'What to sort by.' })
  field!: AccountOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of accounts; all given conditions must hold.' })
export class AccountFilter {
  @Field(() => String, { nullable: true, description: 'Text the account name contains (case-insensitive).' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [AccountStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(10)
  status?: AccountStatus[] | null;

  @Field(() => [AccountTier], { nullable: true, description: 'Any of these tiers.' })
  @IsOptional()
  @ArrayMaxSize(10)
  tier?: AccountTier[] | null;

  @Field(() => [AccountKind], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(10)
  kind?: AccountKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Owned by this user.' })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Children of this account.' })
  @IsOptional()
  @MaxLength(200)
  parentId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only accounts without a parent (family heads and standalone accounts); false: only children.',
  })
  @IsOptional()
  topLevel?: boolean | null;

  @UpdatedSince()
  updatedSince?: Date | null;

  @Field(() => AccountHealthFilter, { nullable: true, description: 'Health score (computed now) range or bands.' })
  @IsOptional()
  @ValidateNested()
  health?: AccountHealthFilter | null;
}

@InputType({ description: 'A new client account.' })
export class CreateAccountInput {
  @Field(() => String, { description: 'Legal or trading name (1 to 200 characters).' })
  @IsName()
  name!: string;

  @Field(() => AccountKind, { description: 'What kind of organisation it is.' })
  kind!: AccountKind;

  @Field(() => AccountTier, { description: 'How much attention it gets.' })
  tier!: AccountTier;

  @Field(() => AccountStatus, { nullable: true, description: 'Where the relationship stands; PROSPECT when omitted.' })
  @IsOptional()
  status?: AccountStatus | null;

  @Field(() => Int, { nullable: true, description: 'Members the client reaches; 0 when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  membersReached?: number | null;

  @Field(() => String, { nullable: true, description: 'Sales region or state.' })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => ID, { nullable: true, description: 'Parent account, for a member of a health-plan family.' })
  @IsOptional()
  @MaxLength(200)
  parentId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Owning account manager; the creator when they are an account manager and this is omitted.',
  })
  @IsOptional()
  @MaxLength(200)
  ownerId?: string | null;
}

@InputType({ description: 'Changes to an account; omitted fields stay as they are, null clears an optional field.' })
export class UpdateAccountInput {
  @Field(() => ID, { description: 'The account to change.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New name (1 to 200 characters).' })
  @IsOptional()
  @IsName()
  name?: string | null;

  @Field(() => AccountKind, { nullable: true, description: 'New kind.' })
  @IsOptional()
  kind?: AccountKind | null;

  @Field(() => AccountTier, { nullable: true, description: 'New tier.' })
  @IsOptional()
  tier?: AccountTier | null;

  @Field(() => AccountStatus, { nullable: true, description: 'New status.' })
  @IsOptional()
  status?: AccountStatus | null;

  @Field(() => Int, { nullable: true, description: 'New members reached.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  membersReached?: number | null;

  @Field(() => String, { nullable: true, description: 'New region; null clears it.' })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => ID, { nullable: true, description: 'New parent account; null makes it top-level.' })
  @IsOptional()
  @MaxLength(200)
  parentId?: string | null;
}

@InputType({ description: 'Hands an account to another account manager.' })
export class AssignAccountOwnerInput {
  @Field(() => ID, { description: 'The account.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => ID, { description: 'The new owner: an active account manager or senior account manager.' })
  @MaxLength(200)
  ownerId!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}
