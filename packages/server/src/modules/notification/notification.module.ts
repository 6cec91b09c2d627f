import type { FeatureModule } from '../../common/feature-module';
import { Notification, OutboxEvent } from './notification.entity';
import { NotificationResolver, UserNotificationsResolver } from './notification.resolver';
import { NotificationPolicy } from './notification.policy';

/** Notifications to staff, and the outbox that publishes them. */
export const notificationModule: FeatureModule = {
  name: 'notification',
  policy: NotificationPolicy,
  entities: [Notification, OutboxEvent],
  resolvers: [NotificationResolver, UserNotificationsResolver],
  // Only the recipient reads a notification.
  nodes: [
    { type: Notification, fetch: (ctx, id) => ctx.em.findOneBy(Notification, { id, recipientId: ctx.viewer.id }) },
  ],
};
