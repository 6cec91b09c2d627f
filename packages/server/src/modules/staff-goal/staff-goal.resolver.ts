import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { tryDecodeGlobalId } from '../../common/global-id';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { User } from '../user/user.entity';
import { StaffGoal } from './staff-goal.entity';
import {
  DeleteStaffGoalInput,
  SetStaffGoalInput,
  SetStaffGoalPayload,
  StaffGoalFilter,
  StaffGoalOrder,
  UpdateStaffGoalInput,
  UpdateStaffGoalPayload,
} from './staff-goal.inputs';
import { StaffGoalService } from './staff-goal.service';
import { DeleteStaffGoalPayload, StaffGoalProgress } from './staff-goal.types';

export const StaffGoalConnection = connectionType(StaffGoal);

@Resolver(() => StaffGoal)
export class StaffGoalResolver {
  @Query(() => StaffGoal, {
    nullable: true,
    description:
      "One staff goal by id; null when there is none or you may not read it (yours and your reports' are readable; executives and admins read all).",
  })
  staffGoal(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The goal's global id." }) id: string,
  ): Promise<StaffGoal | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'StaffGoal' ? ctx.loaders.staffGoalById.load(decoded.rowId) : null;
  }

  @Query(() => StaffGoalConnection, {
    description:
      "Staff goals you may see (your own and your reports'; executives and admins: all), latest period first unless `orderBy` says otherwise.",
  })
  staffGoals(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => StaffGoalFilter, { nullable: true, description: 'Conditions the goals must meet.' })
    filter?: StaffGoalFilter,
    @Arg('orderBy', () => StaffGoalOrder, {
      nullable: true,
      description: 'Sort order; latest period first when omitted.',
    })
    orderBy?: StaffGoalOrder,
  ): Promise<Connection<StaffGoal>> {
    return StaffGoalService.list(ctx, page, filter, orderBy);
  }

  @Mutation(() => SetStaffGoalPayload, {
    description:
      'Sets a goal for a member of staff: their senior (manager), an executive or an admin may; nobody sets their own.',
  })
  async setStaffGoal(
    @Ctx() ctx: Context,
    @Arg('input', () => SetStaffGoalInput, { description: 'The person, metric, period and target.' })
    input: SetStaffGoalInput,
  ) {
    return { goal: await StaffGoalService.set(ctx, input) };
  }

  @Mutation(() => UpdateStaffGoalPayload, { description: "Changes a goal's target (same rules as setStaffGoal)." })
  async updateStaffGoal(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateStaffGoalInput, { description: 'The goal, the version you read and the new target.' })
    input: UpdateStaffGoalInput,
  ) {
    return { goal: await StaffGoalService.update(ctx, input) };
  }

  @Mutation(() => DeleteStaffGoalPayload, { description: 'Removes a goal (same rules as setStaffGoal).' })
  deleteStaffGoal(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteStaffGoalInput, { description: 'The goal to remove.' }) input: DeleteStaffGoalInput,
  ): Promise<DeleteStaffGoalPayload> {
    return StaffGoalService.delete(ctx, input);
  }

  @FieldResolver(() => User, { description: 'The member of staff the goal is for.' })
  async user(@Root() goal: StaffGoal, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(goal.userId)) as User;
  }

  @FieldResolver(() => User, { description: 'Who set the goal (their senior, an executive or an admin).' })
  async setBy(@Root() goal: StaffGoal, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(goal.setById)) as User;
  }

  @FieldResolver(() => StaffGoalProgress, {
    description: 'Where it stands today, counted from the records (one statement per metric for a whole page).',
  })
  progress(@Root() goal: StaffGoal, @Ctx() ctx: Context): Promise<StaffGoalProgress> {
    return ctx.loaders.staffGoalProgress.load(goal);
  }
}

@Resolver(() => User)
export class UserGoalsResolver {
  @FieldResolver(() => StaffGoalConnection, {
    description:
      'Their goals, latest period first: visible to them, their manager, executives and admins (empty for anyone else).',
  })
  goals(
    @Root() user: User,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('containing', () => GraphQLLocalDate, {
      nullable: true,
      description: 'Only goals whose period contains this day (the quarter and the year around it); all when omitted.',
    })
    containing?: string | null,
  ): Promise<Connection<StaffGoal>> {
    return ctx.loaders.userGoals.containing(containing ?? null).page(user.id, page);
  }
}
