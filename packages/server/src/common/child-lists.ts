import DataLoader from 'dataloader';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { queryText, reuseQueryText } from './query-text';
import { applyKeyset, toConnection, type Connection, type PageArgs, type SortOrder } from './pagination';
import { joinToOne, primeToOne, type ToOne } from './to-one';

/** A list that hangs off a parent row through a foreign-key column: an account's contacts, a user's reports. */
export interface ChildList<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  foreignKey: string;
  order: SortOrder;
  /** Narrows the rows (row scoping, soft filters); applied to pages and counts alike. */
  filter?: (qb: SelectQueryBuilder<T>, alias: string) => void;
}

const ALIAS = 'child';

/**
 * Pages of a child list for every parent on a page of parents, in one statement per distinct
 * (first, after): ROW_NUMBER() per parent picks each parent's first N rows (SQLite and MariaDB
 * both have window functions), so the number of statements does not grow with the page size.
 */
export class ChildListLoader<T extends ObjectLiteral & { id: number }> {
  private readonly pages = new Map<string, DataLoader<number, Connection<T>>>();
  private readonly counts: DataLoader<number, number>;

  constructor(
    private readonly em: EntityManager,
    private readonly list: ChildList<T>,
  ) {
    this.counts = new DataLoader((parentIds) => this.countFor(parentIds));
  }

  /** `parentId`'s page; `joins` are read with the rows (see ToOne). */
  page(parentId: number, args: PageArgs, joins: readonly ToOne[] = []): Promise<Connection<T>> {
    const key = `${args.first}:${args.after ?? ''}:${joins.map((join) => join.relation).join(',')}`;
    let loader = this.pages.get(key);
    if (!loader) {
      loader = new DataLoader((parentIds) => this.pagesFor(parentIds, args, joins));
      this.pages.set(key, loader);
    }
    return loader.load(parentId);
  }

  private query(alias: string, parentIds: readonly number[]): SelectQueryBuilder<T> {
    const qb = this.em
      .createQueryBuilder(this.list.entity, alias)
      .where(`${alias}.${this.list.foreignKey} IN (:...parentIds)`, { parentIds });
    this.list.filter?.(qb, alias);
    return qb;
  }

  private async pagesFor(
    parentIds: readonly number[],
    args: PageArgs,
    joins: readonly ToOne[],
  ): Promise<Connection<T>[]> {
    const { order, foreignKey } = this.list;
    const ranked = this.query('ranked', parentIds)
      .select('ranked.id', 'id')
      .addSelect(
        `ROW_NUMBER() OVER (PARTITION BY ranked.${foreignKey} ORDER BY ranked.${order.property} ${order.direction}, ranked.id ${order.direction})`,
        'rowNumber',
      );
    applyKeyset(ranked, 'ranked', order, args.after);
    ranked.orderBy(); // the window orders; an outer ORDER BY in a subquery is noise
    const page = this.em
      .createQueryBuilder(this.list.entity, ALIAS)
      .where(`${ALIAS}.id IN (SELECT pick.id FROM (${queryText(ranked)}) pick WHERE pick.rowNumber <= :limit)`)
      .setParameters({ ...ranked.getParameters(), limit: args.first + 1 })
      .orderBy(`${ALIAS}.${order.property}`, order.direction)
      .addOrderBy(`${ALIAS}.id`, order.direction);
    joinToOne(page, ALIAS, joins);
    const rows = await reuseQueryText(page).getMany();
    primeToOne(rows, joins);
    const byParent = new Map<number, T[]>();
    for (const row of rows) {
      const parentId = row[foreignKey] as number;
      const group = byParent.get(parentId);
      if (group) group.push(row);
      else byParent.set(parentId, [row]);
    }
    return parentIds.map((parentId) =>
      toConnection(byParent.get(parentId) ?? [], args.first, order, args.after, () => this.counts.load(parentId)),
    );
  }

  private async countFor(parentIds: readonly number[]): Promise<number[]> {
    const counts = this.query(ALIAS, parentIds)
      .select(`${ALIAS}.${this.list.foreignKey}`, 'parentId')
      .addSelect('COUNT(*)', 'total')
      .groupBy(`${ALIAS}.${this.list.foreignKey}`);
    const rows = await reuseQueryText(counts).getRawMany<{ parentId: number | string; total: number | string }>();
    const totals = new Map(rows.map((row) => [Number(row.parentId), Number(row.total)]));
    return parentIds.map((parentId) => totals.get(parentId) ?? 0);
  }
}

/**
 * Rows of one entity by id, batched per request; ids that do not come back (missing or out of
 * scope) load as null. A load may name to-one relations to read in the same statement (ToOne): each
 * set of them batches on its own, and every row it reads serves later plain loads too.
 */
export class RowsById<T extends ObjectLiteral & { id: number }> {
  private readonly plain: DataLoader<number, T | null>;
  private readonly joined = new Map<string, DataLoader<number, T | null>>();

  constructor(
    private readonly em: EntityManager,
    private readonly entity: EntityTarget<T>,
    private readonly filter?: (qb: SelectQueryBuilder<T>, alias: string) => void,
  ) {
    this.plain = new DataLoader((ids) => this.rowsFor(ids, []));
  }

  load(id: number, joins: readonly ToOne[] = []): Promise<T | null> {
    if (joins.length === 0) return this.plain.load(id);
    const key = joins.map((join) => join.relation).join(',');
    let loader = this.joined.get(key);
    if (!loader) this.joined.set(key, (loader = new DataLoader((ids) => this.rowsFor(ids, joins))));
    return loader.load(id);
  }

  /** Answers later loads of `id` with `row` (read elsewhere, for example in a JOIN). */
  prime(id: number, row: T | null): this {
    this.plain.prime(id, row);
    return this;
  }

  private async rowsFor(ids: readonly number[], joins: readonly ToOne[]): Promise<(T | null)[]> {
    const qb = this.em.createQueryBuilder(this.entity, 'row').where('row.id IN (:...ids)', { ids });
    this.filter?.(qb, 'row');
    joinToOne(qb, 'row', joins);
    const rows = await reuseQueryText(qb).getMany();
    primeToOne(rows, joins);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id) ?? null;
      if (joins.length > 0) this.plain.prime(id, row);
      return row;
    });
  }
}

/** Rows of `entity` by id for one request (see RowsById). */
export function rowsById<T extends ObjectLiteral & { id: number }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  filter?: (qb: SelectQueryBuilder<T>, alias: string) => void,
): RowsById<T> {
  return new RowsById(em, entity, filter);
}
