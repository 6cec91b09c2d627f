/**
 * The profitability rules of a project, in TypeScript and, where a query filters by them, in SQL
 * beside them: revenue (a share of what its contract has invoiced to date), margin, margin as a
 * percentage, and profitable. Pure (no database, no GraphQL); the SQL twins build text only.
 * test/rule-twins.e2e.ts checks that both forms agree row by row on SQLite and MariaDB.
 */
import type { SqliteFunction } from '../../common/feature-module';
import type { SqlCondition } from '../../common/sql-condition';
import { invoicedToDateSql } from '../invoice/invoicing.rules';

/**
 * Revenue rule: a project earns its budget's share of what its contract has invoiced to date
 * (APPROVED, SENT, PARTIALLY_PAID and PAID invoices, as `Contract.invoicedToDate`):
 * invoiced × budget ÷ the budgets of all the contract's projects, rounded down to a cent. A project
 * without a contract, or whose contract's projects have no budget, has no revenue.
 */
export function revenueShareCents(invoicedCents: number, budgetCents: number, budgetsCents: number): number {
  if (budgetsCents <= 0 || invoicedCents <= 0 || budgetCents <= 0) return 0;
  return Number((BigInt(invoicedCents) * BigInt(budgetCents)) / BigInt(budgetsCents));
}

/** Margin: revenue less actual cost; negative when the project loses money. */
export function marginCents(revenueCents: number, actualCostCents: number): number {
  return revenueCents - actualCostCents;
}

/** Margin as a percentage of revenue; null when there is no revenue to divide by. */
export function marginPercent(revenueCents: number, actualCostCents: number): number | null {
  return revenueCents === 0 ? null : (marginCents(revenueCents, actualCostCents) * 100) / revenueCents;
}

/** Profitable: a margin above zero (a project that breaks even is not profitable). */
export function isProfitable(revenueCents: number, actualCostCents: number): boolean {
  return marginCents(revenueCents, actualCostCents) > 0;
}

/** The budgets of all the projects under the contract whose id is the expression `contractId`. */
export function contractBudgetsSql(contractId: string): string {
  return `(SELECT COALESCE(SUM(rev_p.budgetCents), 0) FROM project rev_p WHERE rev_p.contractId = ${contractId})`;
}

/**
 * `revenueShareCents` itself as a SQLite function (the project module registers it on every
 * connection). SQLite's integer arithmetic turns a product past 2^63 into an inexact REAL (a
 * near-cap invoiced total × budget is about 10^26), so there the SQL twin calls the TypeScript rule
 * rather than restating it; MySQL/MariaDB multiply the SUM as an exact DECIMAL.
 */
export const revenueShareSqliteFunction: SqliteFunction = {
  name: 'revenue_share',
  fn: (invoiced, budget, budgets) => revenueShareCents(Number(invoiced), Number(budget), Number(budgets)),
};

/** `revenueShareCents` in SQL, on the project aliased `alias`; 0 without a contract or budgets (never NULL). */
export function revenueSql(alias: string, dialect: 'sqlite' | 'mysql'): string {
  const invoiced = invoicedToDateSql(`${alias}.contractId`);
  const budgets = contractBudgetsSql(`${alias}.contractId`);
  if (dialect === 'sqlite') return `${revenueShareSqliteFunction.name}(${invoiced}, ${alias}.budgetCents, ${budgets})`;
  // DIV rounds down (amounts are never negative); NULLIF leaves a contract without budgets NULL, hence 0.
  return `COALESCE((${invoiced} * ${alias}.budgetCents) DIV NULLIF(${budgets}, 0), 0)`;
}

/** `isProfitable` in SQL, on the project aliased `alias`; never NULL, so NOT is its complement. */
export function profitableSql(alias: string, dialect: 'sqlite' | 'mysql'): SqlCondition {
  return { sql: `((${revenueSql(alias, dialect)}) - ${alias}.actualCostCents > 0)`, params: {} };
}
