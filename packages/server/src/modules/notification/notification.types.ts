import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The result of markNotificationsRead.' })
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: 'How many notifications changed from unread to read.' })
  markedCount!: number;

  @Field(() => Int, { description: 'How many of your notifications are still unread.' })
  unreadCount!: number;
}
