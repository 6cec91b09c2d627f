import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { ErrorReason, ForbiddenError } from '../../common/errors';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { User } from '../user/user.entity';
import { Notification } from './notification.entity';
import { MarkNotificationsReadInput } from './notification.inputs';
import { MarkNotificationsReadPayload } from './notification.types';
import { listNotifications, markNotificationsRead } from './notification.service';

export const NotificationConnection = connectionType(Notification);

@Resolver(() => User)
export class UserNotificationsResolver {
  @FieldResolver(() => NotificationConnection, {
    description: "Your notifications, newest first (`viewer { notifications }`); nobody reads another person's.",
  })
  notifications(
    @Root() user: User,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false, description: 'Only those not yet marked read.' })
    unreadOnly: boolean,
  ): Promise<Connection<Notification>> {
    if (user.id !== ctx.viewer.id)
      throw new ForbiddenError(
        ErrorReason.NOT_OWN_NOTIFICATIONS,
        'You can read only your own notifications (viewer { notifications }).',
      );
    return listNotifications(ctx, page, unreadOnly);
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Mutation(() => MarkNotificationsReadPayload, { description: 'Marks some or all of your notifications read.' })
  markNotificationsRead(
    @Ctx() ctx: Context,
    @Arg('input', () => MarkNotificationsReadInput, { description: 'Which notifications.' })
    input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadPayload> {
    return markNotificationsRead(ctx, input);
  }
}
