import { MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Account } from '../account/account.entity';
import { AccountTeamMember, TeamRole } from './team-member.entity';

@InputType({ description: 'Puts a member of staff on an account team.' })
export class AddAccountTeamMemberInput {
  @Field(() => ID, { description: 'The account.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => ID, { description: 'The member of staff (an active user).' })
  @MaxLength(200)
  userId!: string;

  @Field(() => TeamRole, { description: 'The part they play on the account.' })
  teamRole!: TeamRole;
}

@InputType({ description: 'Takes a member of staff off an account team.' })
export class RemoveAccountTeamMemberInput {
  @Field(() => ID, { description: 'The account.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => ID, { description: 'The member of staff to take off.' })
  @MaxLength(200)
  userId!: string;
}

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
