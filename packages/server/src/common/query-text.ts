import { LRUCache } from 'lru-cache';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Shapes of query remembered at once; they come from the code, so a few hundred in practice. */
const REMEMBERED_SHAPES = 2_000;

const texts = new LRUCache<string, string>({ max: REMEMBERED_SHAPES });

/**
 * TypeORM builds a query's SQL text again on every run (quoting every column of every joined
 * entity, then rewriting property names in the whole text), which on a one-row read costs more
 * than the database does. The text does not depend on parameter values (they stay `:named` until
 * the driver binds them), only on the query's shape: what it selects, joins, filters, orders and
 * limits. This keeps the text per shape and has `qb` run with it.
 */
export function reuseQueryText<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const text = queryText(qb);
  qb.getQuery = () => text;
  return qb;
}

/** `qb.getQuery()`, built once per shape. */
export function queryText(qb: SelectQueryBuilder<ObjectLiteral>): string {
  const key = shapeOf(qb);
  if (key === null) return qb.getQuery();
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = qb.getQuery()));
  return text;
}

/**
 * Everything in a select query's expression map that its text is made from, or null for a query
 * this does not know how to fingerprint safely (it is then built as usual).
 */
function shapeOf(qb: SelectQueryBuilder<ObjectLiteral>): string | null {
  const map = qb.expressionMap;
  if (map.queryType !== 'select' || map.skip !== undefined || map.take !== undefined) return null;
  if (map.relationIdAttributes.length > 0 || map.commonTableExpressions.length > 0 || map.timeTravel) return null;
  const main = map.mainAlias;
  if (!main) return null;
  try {
    return JSON.stringify([
      main.name,
      main.hasMetadata ? main.metadata.tablePath : null,
      main.tablePath,
      main.subQuery,
      map.selects,
      map.selectDistinct,
      map.selectDistinctOn,
      map.maxExecutionTime,
      map.joinAttributes.map((join) => [
        join.direction,
        typeof join.entityOrProperty === 'function' ? join.entityOrProperty.name : String(join.entityOrProperty),
        join.alias.name,
        join.condition,
        join.mapToProperty,
        join.isMappingMany,
      ]),
      map.wheres,
      map.havings,
      map.orderBys,
      map.groupBys,
      map.limit,
      map.offset,
      map.useIndex,
      map.lockMode,
      map.onLocked,
      map.lockTables,
      map.withDeleted,
      map.disableEscaping,
      map.extraAppendedAndWhereCondition,
      map.subQuery,
      map.aliasNamePrefixingEnabled,
      map.comment,
    ]);
  } catch {
    return null;
  }
}
