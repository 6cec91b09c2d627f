import { Field, ID, ObjectType } from 'type-graphql';
import { Account } from '../account/account.entity';

@ObjectType({ description: 'The result of deleteCommunication.' })
export class DeleteCommunicationPayload {
  @Field(() => ID, { description: 'Global id of the removed communication.' })
  deletedCommunicationId!: string;

  @Field(() => Account, { description: 'The account the communication was with.' })
  account!: Account;
}
