import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { tryDecodeGlobalId } from '../../common/global-id';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { User } from './user.entity';
import { UserFilter, UserOrder } from './user.inputs';
import { UserService } from './user.service';

export const UserConnection = connectionType(User);

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'You: the member of staff the bearer token names.' })
  viewer(@Ctx() ctx: Context): User {
    return ctx.viewer;
  }

  @Query(() => User, { nullable: true, description: 'One member of staff by id; null when there is none.' })
  user(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The user's global id." }) id: string,
  ): Promise<User | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'User' ? ctx.loaders.userById.load(decoded.rowId) : null;
  }

  @Query(() => UserConnection, { description: 'The staff directory, by name unless `orderBy` says otherwise.' })
  users(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => UserFilter, { nullable: true, description: 'Conditions the staff must meet.' })
    filter?: UserFilter,
    @Arg('orderBy', () => UserOrder, { nullable: true, description: 'Sort order; by name when omitted.' })
    orderBy?: UserOrder,
  ): Promise<Connection<User>> {
    return UserService.list(ctx, page, filter, orderBy);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who they report to (a senior account manager or an executive).',
  })
  manager(@Root() user: User, @Ctx() ctx: Context): Promise<User | null> | null {
    return user.managerId === null ? null : ctx.loaders.userById.load(user.managerId);
  }

  @FieldResolver(() => UserConnection, { description: 'Who reports to them, by name.' })
  reports(@Root() user: User, @Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs): Promise<Connection<User>> {
    return ctx.loaders.userReports.page(user.id, page);
  }
}
