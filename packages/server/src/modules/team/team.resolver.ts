import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Account } from '../account/account.entity';
import { User } from '../user/user.entity';
import { AccountTeamMember } from './team-member.entity';
import { AddAccountTeamMemberInput, RemoveAccountTeamMemberInput } from './team.inputs';
import { AddAccountTeamMemberPayload, RemoveAccountTeamMemberPayload } from './team.types';
import { TeamService } from './team.service';

@Resolver(() => AccountTeamMember)
export class TeamResolver {
  @Mutation(() => AddAccountTeamMemberPayload, {
    description: 'Puts a member of staff on the team of an account you may write.',
  })
  addAccountTeamMember(
    @Ctx() ctx: Context,
    @Arg('input', () => AddAccountTeamMemberInput, { description: 'Who joins which account, as what.' })
    input: AddAccountTeamMemberInput,
  ): Promise<AddAccountTeamMemberPayload> {
    return TeamService.add(ctx, input);
  }

  @Mutation(() => RemoveAccountTeamMemberPayload, {
    description: 'Takes a member of staff off the team of an account you may write.',
  })
  removeAccountTeamMember(
    @Ctx() ctx: Context,
    @Arg('input', () => RemoveAccountTeamMemberInput, { description: 'Who leaves which account.' })
    input: RemoveAccountTeamMemberInput,
  ): Promise<RemoveAccountTeamMemberPayload> {
    return TeamService.remove(ctx, input);
  }

  @FieldResolver(() => User, { description: 'The member of staff.' })
  async user(@Root() member: AccountTeamMember, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(member.userId)) as User;
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The account.' })
  account(@Root() member: AccountTeamMember, @Ctx() ctx: Context): Promise<Account | null> {
    return ctx.loaders.accountById.load(member.accountId);
  }
}
