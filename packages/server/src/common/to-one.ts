import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A to-one relation read in the same statement as its rows (a LEFT JOIN) when the client asks for
 * it, then handed to the loader its field reads through, so the field finds it there instead of
 * sending a statement of its own.
 */
export interface ToOne {
  /** The entity's @ManyToOne property. */
  relation: string;
  /** The column that holds the related row's id. */
  foreignKey: string;
  /** The loader the relation's field reads through. */
  loader: { prime(id: number, row: ObjectLiteral | null): unknown };
  /**
   * What the related row must meet to be seen, with the joined row's alias in it (`alias.column`);
   * one that does not is primed as null, as its scoped loader would answer.
   */
  visibleIf?: (alias: string) => { sql: string; parameters: ObjectLiteral } | null;
}

/** The alias a joined relation gets: unique per relation of one query. */
function joinedAlias(alias: string, relation: string): string {
  return `${alias}_${relation}`;
}

/** Adds each relation to the query as a LEFT JOIN that selects the related row. */
export function joinToOne<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  joins: readonly ToOne[],
): void {
  for (const join of joins) {
    const joined = joinedAlias(alias, join.relation);
    const visible = join.visibleIf?.(joined);
    qb.leftJoinAndSelect(`${alias}.${join.relation}`, joined, visible?.sql, visible?.parameters);
  }
}

/** Hands every joined row (or null, where none was visible) to its loader. */
export function primeToOne(rows: readonly ObjectLiteral[], joins: readonly ToOne[]): void {
  for (const join of joins) {
    for (const row of rows) {
      const id = row[join.foreignKey] as number | null;
      if (id != null) join.loader.prime(id, (row[join.relation] as ObjectLiteral | undefined) ?? null);
    }
  }
}
