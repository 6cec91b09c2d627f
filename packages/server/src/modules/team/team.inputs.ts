import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TeamRole } from './team-member.entity';

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
