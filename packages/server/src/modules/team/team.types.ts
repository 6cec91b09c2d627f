import { Field, ID, ObjectType } from 'type-graphql';
import { Account } from '../account/account.entity';
import { AccountTeamMember } from './team-member.entity';

@ObjectType({ description: 'The result of addAccountTeamMember.' })
export class AddAccountTeamMemberPayload {
  @Field(() => AccountTeamMember, { description: 'The new team membership.' })
  teamMember!: AccountTeamMember;

  @Field(() => Account, { description: 'The account.' })
  account!: Account;
}

@ObjectType({ description: 'The result of removeAccountTeamMember.' })
export class RemoveAccountTeamMemberPayload {
  @Field(() => ID, { description: 'Global id of the removed team membership.' })
  removedTeamMemberId!: string;

  @Field(() => Account, { description: 'The account.' })
  account!: Account;
}
