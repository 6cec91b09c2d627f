import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { tryDecodeGlobalId } from '../../common/global-id';
import { Selection } from '../../common/selection';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Contact } from '../contact/contact.entity';
import { AccountTeamMember } from '../team/team-member.entity';
import { TeamService } from '../team/team.service';
import { User } from '../user/user.entity';
import { Account } from './account.entity';
import {
  AccountFilter,
  AccountOrder,
  AssignAccountOwnerInput,
  CreateAccountInput,
  UpdateAccountInput,
} from './account.inputs';
import { AssignAccountOwnerPayload, CreateAccountPayload, UpdateAccountPayload } from './account.types';
import { AccountService } from './account.service';

export const AccountConnection = connectionType(Account);
export const ContactConnection = connectionType(Contact);
export const AccountTeamMemberConnection = connectionType(AccountTeamMember);

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, {
    nullable: true,
    description: 'One account by id; null when it does not exist or is outside your portfolio.',
  })
  account(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The account's global id." }) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Account | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'Account' ? AccountService.findById(ctx, decoded.rowId, Selection.of(info)) : null;
  }

  @Query(() => AccountConnection, {
    description: 'The accounts you may see (your portfolio, or all of them for read-all roles), filtered and sorted.',
  })
  accounts(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AccountFilter, { nullable: true, description: 'Conditions the accounts must meet.' })
    filter: AccountFilter | undefined,
    @Arg('orderBy', () => AccountOrder, { nullable: true, description: 'Sort order; by name when omitted.' })
    orderBy: AccountOrder | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Account>> {
    return AccountService.list(ctx, page, filter, orderBy, Selection.of(info));
  }

  @Mutation(() => CreateAccountPayload, {
    description: 'Creates a client account. Account managers, seniors, executives and admins.',
  })
  async createAccount(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateAccountInput, { description: 'The new account.' }) input: CreateAccountInput,
  ): Promise<CreateAccountPayload> {
    return { account: await AccountService.create(ctx, input) };
  }

  @Mutation(() => UpdateAccountPayload, {
    description: 'Changes an account you may write, if nobody changed it since you read `expectedVersion`.',
  })
  async updateAccount(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateAccountInput, { description: 'The changes.' }) input: UpdateAccountInput,
  ): Promise<UpdateAccountPayload> {
    return { account: await AccountService.update(ctx, input) };
  }

  @Mutation(() => AssignAccountOwnerPayload, {
    description: 'Hands an account to another account manager. Seniors (their portfolio), executives, admins.',
  })
  async assignAccountOwner(
    @Ctx() ctx: Context,
    @Arg('input', () => AssignAccountOwnerInput, { description: 'The account and its new owner.' })
    input: AssignAccountOwnerInput,
  ): Promise<AssignAccountOwnerPayload> {
    return { account: await AccountService.assignOwner(ctx, input) };
  }

  @FieldResolver(() => User, { nullable: true, description: 'The account manager who owns the relationship.' })
  owner(@Root() account: Account, @Ctx() ctx: Context): Promise<User | null> | null {
    return account.ownerId === null ? null : ctx.loaders.userById.load(account.ownerId);
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description: 'The parent in a health-plan family; null for a top-level account or one outside your portfolio.',
  })
  parent(@Root() account: Account, @Ctx() ctx: Context): Promise<Account | null> | null {
    return account.parentId === null ? null : ctx.loaders.accountById.load(account.parentId);
  }

  @FieldResolver(() => AccountConnection, { description: 'Member accounts of this family that you may see, by name.' })
  children(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Account>> {
    return ctx.loaders.accountChildren.page(account.id, page);
  }

  @FieldResolver(() => AccountTeamMemberConnection, {
    description: 'Staff on the account team besides the owner, in the order they joined.',
  })
  team(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<AccountTeamMember>> {
    return TeamService.page(ctx, account.id, page, Selection.of(info));
  }

  @FieldResolver(() => ContactConnection, { description: 'People at the client, by name.' })
  contacts(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Contact>> {
    return ctx.loaders.accountContacts.page(account.id, page);
  }
}
