import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { User } from '../user/user.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditEventFilter } from './audit.inputs';
import { listAuditEvents } from './audit.service';
import { Deletion, listDeletions } from './deletion';

export const AuditEventConnection = connectionType(AuditEvent);
export const DeletionConnection = connectionType(Deletion);

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description: 'Every change made through the API, newest first. Executives and admins only.',
  })
  auditEvents(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Conditions the events must meet.' })
    filter?: AuditEventFilter,
  ): Promise<Connection<AuditEvent>> {
    return listAuditEvents(ctx, page, filter);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who made the change; null for system changes.' })
  actor(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<User | null> | null {
    return event.actorId === null ? null : ctx.loaders.userById.load(event.actorId);
  }
}

@Resolver(() => Deletion)
export class DeletionResolver {
  @Query(() => DeletionConnection, {
    description:
      'Records deleted at or after `since`, oldest first, under the accounts you may see: contacts and account ' +
      'team members (the records the API deletes outright). Read it with the lists ordered by UPDATED_AT to sync.',
  })
  deletions(
    @Ctx() ctx: Context,
    @Arg('since', () => Date, { description: 'Deleted at or after this time (UTC).' }) since: Date,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Deletion>> {
    return listDeletions(ctx, since, page);
  }
}
