import { ArrayMaxSize, ArrayMinSize, IsEmail, IsInt, IsOptional, Matches, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsName } from '../../common/validation';
import { Account } from '../account/account.entity';
import { Contact, ContactRole } from './contact.entity';

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

  @Field(() => Int, { description: 'The `version` you last read; stale means CONFLICT and no change.' })
  @IsInt()
  @Min(1)
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

  @Field(() => Int, {
    nullable: true,
    description: 'The `version` you last read; when given and stale, nothing is removed and you get CONFLICT.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

@ObjectType({ description: 'The result of createContact.' })
export class CreateContactPayload {
  @Field(() => Contact, { description: 'The new contact.' })
  contact!: Contact;
}

@ObjectType({ description: 'The result of updateContact.' })
export class UpdateContactPayload {
  @Field(() => Contact, { description: 'The contact as it is now.' })
  contact!: Contact;
}

@ObjectType({ description: 'The result of deleteContact.' })
export class DeleteContactPayload {
  @Field(() => ID, { description: 'Global id of the removed contact.' })
  deletedContactId!: string;

  @Field(() => Account, { description: 'The account the contact belonged to.' })
  account!: Account;
}
