import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from './context';
import type { BaseRecord } from './base.entity';

/**
 * Makes a read inside a transaction see the rows as committed now and hold them until commit:
 * `SELECT … FOR UPDATE` on MySQL/MariaDB, where a plain read shows the transaction's snapshot (taken
 * at its first read, so possibly before a concurrent commit) and locks nothing. SQLite runs one
 * writer at a time, so a plain read there is already current. Use it for what a rule is checked
 * against before a write that depends on it: concurrent writers then queue on those rows, and each
 * checks what the one before it committed.
 */
export function forUpdate<T extends ObjectLiteral>(tx: Context, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  if (tx.db.dialect === 'mysql') qb.setLock('pessimistic_write');
  return qb;
}

/** One row by id as committed now, locked until the transaction ends on MySQL/MariaDB (see forUpdate). */
export function lockRow<T extends BaseRecord>(tx: Context, entity: new () => T, id: number): Promise<T> {
  return forUpdate(tx, tx.em.createQueryBuilder(entity, 'locked').where('locked.id = :id', { id })).getOneOrFail();
}
