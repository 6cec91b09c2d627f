import type { Context } from './context';
import { isUniqueViolation } from './driver-errors';
import { NumberSequence } from './sequence.entity';

/**
 * The next value of a named counter, inside the caller's transaction. The UPDATE takes the row's
 * exclusive lock until commit, so concurrent creators queue instead of sharing a number, and a
 * rolled-back transaction gives its number back: no duplicates and no gaps. (Updating first
 * matters: an INSERT IGNORE first would take shared locks that deadlock every pair of creators.)
 */
export async function nextSequenceValue(ctx: Context, name: string): Promise<number> {
  const now = new Date();
  const updated = await ctx.em
    .createQueryBuilder()
    .update(NumberSequence)
    .set({ lastValue: () => 'lastValue + 1', version: () => 'version + 1', updatedAt: now })
    .where('name = :name', { name })
    .execute();
  if (updated.affected === 0) {
    // The counter's first use. When two first users collide on the unique name, the loser's
    // statement fails (or InnoDB picks it as a deadlock victim and Database.transaction runs it
    // again); either way the row exists now, and the UPDATE takes the next value.
    try {
      await ctx.em.insert(NumberSequence, { name, lastValue: 1, createdAt: now, updatedAt: now, version: 1 });
      return 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return nextSequenceValue(ctx, name);
    }
  }
  const row = await ctx.em.findOneByOrFail(NumberSequence, { name });
  return row.lastValue;
}
