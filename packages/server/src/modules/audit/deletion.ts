import { Field, ID, ObjectType } from 'type-graphql';
import type { Context } from '../../common/context';
import { encodeGlobalId } from '../../common/global-id';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { AuditEvent } from './audit-event.entity';

/** A record that was deleted: what a sync tool removes from its copy. */
@ObjectType({ description: 'A tombstone: a record that was deleted, so a copy kept elsewhere can drop it too.' })
export class Deletion {
  constructor(private readonly event: AuditEvent) {}

  /** The audit event's row id: the tie-breaker of the keyset cursor. */
  get id(): number {
    return this.event.id;
  }

  @Field(() => String, { description: 'The GraphQL type of the deleted record: "Contact" or "AccountTeamMember".' })
  get entityType(): string {
    return this.event.entityType;
  }

  @Field(() => ID, { description: 'The global id the deleted record had.' })
  get entityId(): string {
    return this.event.entityId;
  }

  @Field(() => Date, { description: 'When it was deleted (UTC).' })
  get deletedAt(): Date {
    return this.event.occurredAt;
  }

  @Field(() => ID, { nullable: true, description: 'The global id of the account the record belonged to.' })
  get accountId(): string | null {
    return this.event.accountId === null ? null : encodeGlobalId('Account', this.event.accountId);
  }
}

const OLDEST_FIRST: SortOrder = {
  key: 'deletedAt',
  property: 'occurredAt',
  direction: OrderDirection.ASC,
  kind: 'date',
};

/**
 * Deletions at or after `since`, oldest first, of records under accounts the viewer may read. They
 * are the audit trail's deletion events (written in the same transaction as the delete), so a
 * tombstone exists exactly when the delete committed.
 */
export async function listDeletions(ctx: Context, since: Date, args: PageArgs): Promise<Connection<Deletion>> {
  const qb = ctx.em
    .createQueryBuilder(AuditEvent, 'event')
    .where('event.deletion = :yes', { yes: true })
    .andWhere('event.occurredAt >= :since', { since });
  ctx.scope.restrictByAccountId(qb, 'event');
  const events = await paginate(qb, 'event', OLDEST_FIRST, args);
  return {
    edges: events.edges.map((edge) => ({
      node: new Deletion(edge.node),
      get cursor() {
        return edge.cursor;
      },
    })),
    pageInfo: events.pageInfo,
    get totalCount() {
      return events.totalCount;
    },
  };
}
