import type { Context } from '../../common/context';
import { nodeTypeOf, stampNew, type BaseRecord } from '../../common/base.entity';
import { decodeGlobalId } from '../../common/global-id';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import type { AuditEventFilter } from './audit.inputs';
import { AuditEvent, type FieldChange } from './audit-event.entity';

type Snapshot = Record<string, unknown>;

/** The audited fields of a record as they are now, to diff against later with diffFields. */
export function snapshot<T extends object>(record: T, fields: readonly (keyof T & string)[]): Snapshot {
  return Object.fromEntries(fields.map((field) => [field, record[field]]));
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(comparable);
  return value ?? null;
}

/** Before/after of the fields that differ; `before` undefined means created, `after` undefined deleted. */
export function diffFields(
  before: Snapshot | undefined,
  after: Snapshot | undefined,
  fields: readonly string[],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    const was = comparable(before?.[field]);
    const now = comparable(after?.[field]);
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[field] = { before: was, after: now };
  }
  return changes;
}

/** Writes the audit event for a change, inside the caller's transaction (ctx must be a transaction's). */
export async function recordAudit(
  ctx: Context,
  action: string,
  entity: BaseRecord,
  changes: Record<string, FieldChange>,
): Promise<void> {
  await writeAudit(ctx, action, entity, changes, false);
}

/**
 * Writes the audit event for a hard delete: the record is gone, so this event is its tombstone,
 * the only trace of it a sync tool can read (`deletions`). `changes` holds its fields before.
 */
export async function recordDeletion(
  ctx: Context,
  action: string,
  entity: BaseRecord,
  changes: Record<string, FieldChange>,
): Promise<void> {
  await writeAudit(ctx, action, entity, changes, true);
}

/** The account a record belongs to: its `accountId`, or its own id for an account; null for others. */
function accountIdOf(entity: BaseRecord): number | null {
  const accountId = (entity as { accountId?: unknown }).accountId;
  if (typeof accountId === 'number') return accountId;
  return entity.nodeType === 'Account' ? entity.id : null;
}

async function writeAudit(
  ctx: Context,
  action: string,
  entity: BaseRecord,
  changes: Record<string, FieldChange>,
  deletion: boolean,
): Promise<void> {
  const event = stampNew(new AuditEvent());
  event.actorId = ctx.viewer.id;
  event.action = action;
  event.entityType = nodeTypeOf(entity);
  event.entityId = entity.globalId;
  event.accountId = accountIdOf(entity);
  event.deletion = deletion;
  event.changes = changes;
  event.occurredAt = event.createdAt;
  // Not `save`: it would read the row back for its defaulted columns (a second statement on MySQL)
  // though every column is set here.
  await ctx.em
    .createQueryBuilder()
    .insert()
    .into(AuditEvent)
    .values(event as never)
    .updateEntity(false)
    .execute();
}

const NEWEST_FIRST: SortOrder = { key: 'occurred', property: 'id', direction: OrderDirection.DESC, kind: 'number' };

/** The audit trail, newest first; who may read it is AuditPolicy's (enforced before this runs). */
export async function listAuditEvents(
  ctx: Context,
  args: PageArgs,
  filter: AuditEventFilter | null | undefined,
): Promise<Connection<AuditEvent>> {
  const qb = ctx.em.createQueryBuilder(AuditEvent, 'event');
  if (filter?.entityId) qb.andWhere('event.entityId = :entityId', { entityId: filter.entityId });
  if (filter?.entityType) qb.andWhere('event.entityType = :entityType', { entityType: filter.entityType });
  if (filter?.action) qb.andWhere('event.action = :action', { action: filter.action });
  if (filter?.actorId)
    qb.andWhere('event.actorId = :actorId', { actorId: decodeGlobalId(filter.actorId, 'User', 'filter.actorId') });
  if (filter?.from) qb.andWhere('event.occurredAt >= :from', { from: filter.from });
  if (filter?.to) qb.andWhere('event.occurredAt < :to', { to: filter.to });
  return paginate(qb, 'event', NEWEST_FIRST, args);
}
