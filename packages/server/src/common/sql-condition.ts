/**
 * A WHERE condition with the parameters it binds, as a rule's SQL twin returns it: pass both to
 * `andWhere(condition.sql, condition.params)`. Parameter names are the rule's own (`:slaNow`,
 * `:overdueToday`), so two conditions of different rules can share one query.
 */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** The complement of a condition whose columns are never NULL (or whose rule is written NULL-safe). */
export function notSql(condition: SqlCondition): SqlCondition {
  return { sql: `NOT ${condition.sql}`, params: condition.params };
}
