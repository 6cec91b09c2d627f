import { Field, ID, ObjectType } from 'type-graphql';
import { Account } from '../account/account.entity';
import { Contact } from './contact.entity';

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
