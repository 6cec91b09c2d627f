import { ArrayMaxSize, ArrayMinSize, IsEmail, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsName } from '../../common/validation';
import { ContactRole } from './contact.entity';
import { ExpectedVersion } from '../../common/inputs';

const PHONE = /^[+0-9 ()./x-]{3,50}$/;
const PHONE_MESSAGE = 'phone may contain digits, spaces, +, -, (, ), . and x only';

@InputType({ description: 'A new person at a client account.' })
export class CreateContactInput {
  @Field(() => ID, { description: 'The account they work at.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => String, { description: 'Full name (1 to 200 characters).' })
  @IsName()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  @IsOptional()
  @MaxLength(200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => [ContactRole], { description: 'The parts they play; at least one.' })
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(6)
  roles!: ContactRole[];

  @Field(() => Boolean, {
    nullable: true,
    description: "Make them the account's primary contact (the previous primary stops being one).",
  })
  @IsOptional()
  isPrimary?: boolean | null;
}

@InputType({ description: 'Changes to a contact; omitted fields stay, null clears an optional field.' })
export class UpdateContactInput {
  @Field(() => ID, { description: 'The contact to change.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion({ required: true })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @IsName()
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New title; null clears it.' })
  @IsOptional()
  @MaxLength(200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New email; null clears it.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'New phone; null clears it.' })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => [ContactRole], { nullable: true, description: 'New roles; at least one.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(6)
  roles?: ContactRole[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True makes them the primary contact; false stops it.' })
  @IsOptional()
  isPrimary?: boolean | null;
}

@InputType({ description: 'Removes a contact.' })
export class DeleteContactInput {
  @Field(() => ID, { description: 'The contact to remove.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}
