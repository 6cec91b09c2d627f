import type { Context } from '../app/context';
import type { BaseRecord } from './base.entity';
import { StaleVersionError } from './errors';

/**
 * Writes the changed fields of `record` with a compare-and-swap on its version:
 * `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`. TypeORM's version column
 * does not guard updates (typeorm #2848), so the WHERE clause does; zero rows means someone else won.
 */
export async function compareAndSwap<T extends BaseRecord>(ctx: Context, record: T, expectedVersion: number, changedFields: readonly string[]): Promise<T> {
  const now = new Date();
  const values = Object.fromEntries(changedFields.map((field) => [field, (record as Record<string, unknown>)[field]]));
  const result = await ctx.em
    .createQueryBuilder()
    .update(record.constructor as new () => T)
    .set({ ...values, version: () => 'version + 1', updatedAt: now } as never)
    .where('id = :id AND version = :expectedVersion', { id: record.id, expectedVersion })
    .execute();
  if (result.affected !== 1) throw new StaleVersionError(record.constructor.name, record.globalId, expectedVersion, record.version);
  record.version = expectedVersion + 1;
  record.updatedAt = now;
  return record;
}
