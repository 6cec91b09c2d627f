/**
 * The rules of staff goals: periods, what each metric counts (in SQL, over the goal aliased `g`),
 * and the pace a goal should be at by today. No database access and no GraphQL: the SQL builds text only.
 */
import { addDays, daysBetween, type LocalDate } from '../../common/dates';
import type { SqlCondition } from '../../common/sql-condition';
import { resolutionLateSql } from '../client-issue/sla';
import { BOOKED_STATUSES } from '../analytics/analytics.service';
import { ContractType } from '../contract/contract.entity';
import { OpportunityStage } from '../opportunity/opportunity.entity';

/** What a staff goal measures. */
export enum GoalMetric {
  REVENUE_BOOKED = 'REVENUE_BOOKED',
  RENEWALS_CLOSED = 'RENEWALS_CLOSED',
  INVOICES_COLLECTED = 'INVOICES_COLLECTED',
  ISSUES_RESOLVED_WITHIN_SLA = 'ISSUES_RESOLVED_WITHIN_SLA',
  OPPORTUNITIES_WON = 'OPPORTUNITIES_WON',
  CLIENT_TOUCHES = 'CLIENT_TOUCHES',
}

export enum GoalPeriodKind {
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

const MONEY_METRICS: readonly GoalMetric[] = [GoalMetric.REVENUE_BOOKED, GoalMetric.INVOICES_COLLECTED];

/** True when the metric adds up money (a target in one currency), false when it counts records. */
export function isMoneyMetric(metric: GoalMetric): boolean {
  return MONEY_METRICS.includes(metric);
}

/** The first and last day of a quarter (1 to 4) or a year. */
export function periodBounds(
  kind: GoalPeriodKind,
  year: number,
  quarter: number | null,
): { start: LocalDate; end: LocalDate } {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (kind === GoalPeriodKind.YEAR) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const firstMonth = ((quarter ?? 1) - 1) * 3 + 1;
  const start = `${year}-${pad(firstMonth)}-01`;
  const nextStart = firstMonth === 10 ? `${year + 1}-01-01` : `${year}-${pad(firstMonth + 3)}-01`;
  return { start, end: addDays(nextStart, -1) };
}

/** The period a stored goal covers, with its year, quarter and label. */
export function periodOf(kind: GoalPeriodKind, start: LocalDate, end: LocalDate) {
  const year = Number(start.slice(0, 4));
  const quarter = kind === GoalPeriodKind.QUARTER ? Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1 : null;
  return { kind, year, quarter, start, end, label: quarter ? `${year}-Q${quarter}` : String(year) };
}

/** The quarter and the year that contain `day`: the periods "current" goals are set for. */
export function periodsContaining(day: LocalDate): { kind: GoalPeriodKind; start: LocalDate; end: LocalDate }[] {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  return [
    { kind: GoalPeriodKind.QUARTER, ...periodBounds(GoalPeriodKind.QUARTER, year, quarter) },
    { kind: GoalPeriodKind.YEAR, ...periodBounds(GoalPeriodKind.YEAR, year, null) },
  ];
}

/**
 * How far along the period should be by `today`, in percent: the share of its days that have begun
 * (0 before it starts, 100 once it has ended). Progress is on track when it is at least this.
 */
export function expectedPercentByNow(start: LocalDate, end: LocalDate, today: LocalDate): number {
  const total = daysBetween(start, end) + 1;
  const begun = Math.min(Math.max(daysBetween(start, today) + 1, 0), total);
  return round1((begun / total) * 100);
}

/** Actual against target, in percent (one decimal). */
export function percentOfTarget(actual: number, target: number): number {
  return target > 0 ? round1((actual / target) * 100) : 0;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The period's bounds of the goal aliased `g`, on a DATETIME column: its day lies in the period. */
function inPeriod(g: string, column: string): string {
  return `DATE(${column}) >= ${g}.periodStart AND DATE(${column}) <= ${g}.periodEnd`;
}

/** Contracts that count as booked, as SQL literals (the enum's own values, never client text). */
const BOOKED_LIST = BOOKED_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * Each metric's actual as a scalar subquery on the goal aliased `g` (minor units or a count), so that
 * one statement reads a whole page of goals of that metric. `now` is the SLA clock's moment.
 */
export function actualSql(metric: GoalMetric, g: string, now: Date): SqlCondition {
  switch (metric) {
    case GoalMetric.REVENUE_BOOKED:
      return {
        sql:
          `(SELECT COALESCE(SUM(k.valueCents), 0) FROM contract k WHERE k.ownerId = ${g}.userId AND ` +
          `k.currency = ${g}.currency AND k.status IN (${BOOKED_LIST}) AND k.signedAt IS NOT NULL AND ${inPeriod(g, 'k.signedAt')})`,
        params: {},
      };
    case GoalMetric.RENEWALS_CLOSED:
      return {
        sql:
          `(SELECT COUNT(*) FROM contract k WHERE k.ownerId = ${g}.userId AND k.type = '${ContractType.RENEWAL}' AND ` +
          `k.status IN (${BOOKED_LIST}) AND k.signedAt IS NOT NULL AND ${inPeriod(g, 'k.signedAt')})`,
        params: {},
      };
    case GoalMetric.INVOICES_COLLECTED:
      return {
        sql:
          `(SELECT COALESCE(SUM(p.amountCents), 0) FROM invoice_payment p INNER JOIN invoice i ON i.id = p.invoiceId ` +
          `INNER JOIN account a ON a.id = i.accountId WHERE a.ownerId = ${g}.userId AND p.currency = ${g}.currency AND ` +
          `${inPeriod(g, 'p.paidAt')})`,
        params: {},
      };
    case GoalMetric.ISSUES_RESOLVED_WITHIN_SLA: {
      const late = resolutionLateSql('ci', now);
      return {
        sql:
          `(SELECT COUNT(*) FROM client_issue ci WHERE ci.assigneeId = ${g}.userId AND ci.resolvedAt IS NOT NULL AND ` +
          `${inPeriod(g, 'ci.resolvedAt')} AND NOT ${late.sql})`,
        params: late.params,
      };
    }
    case GoalMetric.OPPORTUNITIES_WON:
      return {
        sql:
          `(SELECT COUNT(*) FROM opportunity o WHERE o.ownerId = ${g}.userId AND o.status = '${OpportunityStage.WON}' AND ` +
          `o.closedAt IS NOT NULL AND ${inPeriod(g, 'o.closedAt')})`,
        params: {},
      };
    case GoalMetric.CLIENT_TOUCHES:
      return {
        sql:
          `(SELECT COUNT(*) FROM communication cm INNER JOIN account ca ON ca.id = cm.accountId WHERE ` +
          `(cm.loggedById = ${g}.userId OR EXISTS (SELECT 1 FROM communication_participant cp WHERE cp.communicationId = cm.id AND ` +
          `cp.userId = ${g}.userId)) AND ${inPeriod(g, 'cm.occurredAt')} AND (ca.ownerId = ${g}.userId OR EXISTS ` +
          `(SELECT 1 FROM account_team_member ctm WHERE ctm.accountId = ca.id AND ctm.userId = ${g}.userId)))`,
        params: {},
      };
  }
}
