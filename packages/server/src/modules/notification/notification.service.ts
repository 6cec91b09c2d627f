import { IsNull, type EntityManager } from 'typeorm';
import { inTransaction, type Context } from '../../common/context';
import { nodeTypeOf, stampNew, type BaseRecord } from '../../common/base.entity';
import { BadInputError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { recordAudit } from '../audit/audit.service';
import type { MarkNotificationsReadInput } from './notification.inputs';
import type { MarkNotificationsReadPayload } from './notification.types';
import { Notification, NotificationKind, OutboxEvent } from './notification.entity';

export { NotificationKind };

const NEWEST_FIRST: SortOrder = { key: 'newest', property: 'id', direction: OrderDirection.DESC, kind: 'number' };

export interface NotificationInput {
  recipientId: number;
  kind: NotificationKind;
  /** What it is about: its type and global id are recorded. */
  subject: BaseRecord;
  message: string;
}

/** When a notification was written, and read, for one recorded as history (the demo seed); now and unread otherwise. */
export interface NotificationTimes {
  at?: Date;
  readAt?: Date | null;
}

/**
 * Tells someone something, inside the caller's transaction: the notification and its outbox event
 * commit or roll back with the change that caused them.
 */
export function notify(tx: Context, input: NotificationInput): Promise<Notification> {
  return writeNotification(tx.em, input);
}

/**
 * Writes a notification and its outbox event with `em`, inside its transaction. The one writer of
 * both: `notify` for the API, and the demo seed for the history it records.
 */
export async function writeNotification(
  em: EntityManager,
  input: NotificationInput,
  times: NotificationTimes = {},
): Promise<Notification> {
  const at = times.at ?? new Date();
  const notification = stampNew(new Notification(), at);
  Object.assign(notification, {
    recipientId: input.recipientId,
    kind: input.kind,
    subjectType: nodeTypeOf(input.subject),
    subjectId: input.subject.globalId,
    message: input.message.slice(0, 1000),
    readAt: times.readAt ?? null,
  });
  const saved = await em.save(notification);
  const event = stampNew(new OutboxEvent(), at);
  Object.assign(event, {
    topic: `notification.${input.kind.toLowerCase()}`,
    payload: {
      notificationId: saved.globalId,
      recipientId: input.recipientId,
      subjectType: saved.subjectType,
      subjectId: saved.subjectId,
      message: saved.message,
    },
    publishedAt: null,
  });
  await em.save(event);
  return saved;
}

/** The viewer's notifications, newest first. */
export function listNotifications(
  ctx: Context,
  args: PageArgs,
  unreadOnly: boolean,
): Promise<Connection<Notification>> {
  const qb = ctx.em
    .createQueryBuilder(Notification, 'notification')
    .where('notification.recipientId = :me', { me: ctx.viewer.id });
  if (unreadOnly) qb.andWhere('notification.readAt IS NULL');
  return paginate(qb, 'notification', NEWEST_FIRST, args);
}

/** Marks some or all of the viewer's unread notifications read; others' ids are ignored as unknown. */
export async function markNotificationsRead(
  ctx: Context,
  input: MarkNotificationsReadInput,
): Promise<MarkNotificationsReadPayload> {
  if (!input.all && !input.ids?.length)
    throw BadInputError.field('input.ids', 'give the ids to mark read, or all: true');
  const ids = input.all ? [] : input.ids!.map((id, index) => decodeGlobalId(id, 'Notification', `input.ids.${index}`));
  return inTransaction(ctx, async (tx) => {
    const qb = tx.em
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: new Date(), version: () => 'version + 1', updatedAt: new Date() })
      .where('recipientId = :me AND readAt IS NULL', { me: tx.viewer.id });
    if (!input.all) qb.andWhere('id IN (:...ids)', { ids });
    const result = await qb.execute();
    const markedCount = result.affected ?? 0;
    await recordAudit(tx, 'markNotificationsRead', tx.viewer, {
      readNotifications: { before: null, after: input.all ? 'all' : input.ids },
    });
    const unreadCount = await tx.em.countBy(Notification, { recipientId: tx.viewer.id, readAt: IsNull() });
    return { markedCount, unreadCount };
  });
}
