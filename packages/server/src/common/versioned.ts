import type { Context } from './context';
import { nodeTypeOf, type BaseRecord } from './base.entity';
import { ConflictError, ErrorReason, StaleVersionError } from './errors';

/**
 * Refuses to act on a record read at another version than the client last saw (when it says which):
 * a cheap early CONFLICT; the compare-and-swap that follows still guards the write itself.
 */
export function checkExpectedVersion(record: BaseRecord, expectedVersion: number | null | undefined): void {
  if (expectedVersion != null && expectedVersion !== record.version) {
    throw new StaleVersionError(nodeTypeOf(record), record.globalId, expectedVersion, record.version);
  }
}

/**
 * Writes the changed fields of `record` with a compare-and-swap on its version:
 * `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`. TypeORM's version column
 * does not guard updates (typeorm #2848), so the WHERE clause does; zero rows means someone else won.
 */
export async function compareAndSwap<T extends BaseRecord>(
  ctx: Context,
  record: T,
  expectedVersion: number,
  changedFields: readonly string[],
): Promise<T> {
  const now = new Date();
  const values = Object.fromEntries(changedFields.map((field) => [field, (record as Record<string, unknown>)[field]]));
  const result = await ctx.em
    .createQueryBuilder()
    .update(record.constructor as new () => T)
    .set({ ...values, version: () => 'version + 1', updatedAt: now } as never)
    .where('id = :id AND version = :expectedVersion', { id: record.id, expectedVersion })
    .execute();
  if (result.affected !== 1)
    throw new StaleVersionError(nodeTypeOf(record), record.globalId, expectedVersion, record.version);
  record.version = expectedVersion + 1;
  record.updatedAt = now;
  return record;
}

/**
 * Moves a record from one of `from` to `to` in one compare-and-swap on (id, version, status), with
 * any other columns in `set`. Zero rows means someone else moved it first: CONFLICT, and nothing
 * of this transition is written.
 */
export async function transitionStatus<T extends BaseRecord & { status: string }>(
  ctx: Context,
  record: T,
  from: readonly string[],
  to: string,
  set: Partial<Record<string, unknown>> = {},
  /** How messages name the record, for example "contract C-2026-0042". */
  label = `${nodeTypeOf(record)} "${record.globalId}"`,
): Promise<T> {
  if (!from.includes(record.status)) {
    throw new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `${capitalize(label)} is ${record.status}; this needs it to be ${from.join(' or ')}.`,
    );
  }
  const now = new Date();
  const result = await ctx.em
    .createQueryBuilder()
    .update(record.constructor as new () => T)
    .set({ ...set, status: to, version: () => 'version + 1', updatedAt: now } as never)
    .where('id = :id AND version = :version AND status = :status', {
      id: record.id,
      version: record.version,
      status: record.status,
    })
    .execute();
  if (result.affected !== 1) {
    throw new ConflictError(
      ErrorReason.CONCURRENT_CHANGE,
      `${capitalize(label)} was changed by someone else at the same moment. Reload it and decide again.`,
    );
  }
  Object.assign(record, set, { status: to, version: record.version + 1, updatedAt: now });
  return record;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
