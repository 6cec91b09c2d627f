import { Field, ObjectType } from 'type-graphql';
import { Account } from './account.entity';

@ObjectType({ description: 'The result of createAccount.' })
export class CreateAccountPayload {
  @Field(() => Account, { description: 'The new account.' })
  account!: Account;
}

@ObjectType({ description: 'The result of updateAccount.' })
export class UpdateAccountPayload {
  @Field(() => Account, { description: 'The account as it is now.' })
  account!: Account;
}

@ObjectType({ description: 'The result of assignAccountOwner.' })
export class AssignAccountOwnerPayload {
  @Field(() => Account, { description: 'The account with its new owner.' })
  account!: Account;
}
