/**
 * SLA clocks for client issues: deadlines per severity, business days, and the SLA status.
 * Pure (no database, no GraphQL) so that the arithmetic is unit-tested with fixed dates; the SQL
 * twins of the status rules build text only.
 *
 * Business days are Monday to Friday in UTC; public holidays are not modelled. Hours and days are
 * calendar time (24/7): a CRITICAL issue's clock runs through the weekend.
 */
import type { SqlCondition } from '../../common/sql-condition';
import type { SlaDuration, SlaTerms } from '../../config/sla-terms';

/** How bad a client issue is; sets its SLA. */
export enum ClientIssueSeverity {
  CRITICAL = 'CRITICAL',
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

/** Where an issue stands against its SLA. */
export enum SlaStatus {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
}

/** The share of an open deadline's window left at which an issue is AT_RISK: the last 20%. */
export const AT_RISK_SHARE = 0.2;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function isWeekend(time: number): boolean {
  const day = new Date(time).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * `from` plus `days` business days, counting only weekday time (UTC): Friday 15:00 plus one is
 * Monday 15:00; anything reported on a weekend starts at Monday 00:00, so Saturday plus one is
 * Tuesday 00:00. A deadline never falls on a weekend (Friday 00:00 plus one is Monday 00:00).
 */
export function addBusinessDays(from: Date, days: number): Date {
  let time = from.getTime();
  if (isWeekend(time)) {
    const midnight = Math.floor(time / DAY_MS) * DAY_MS;
    time = midnight + (new Date(midnight).getUTCDay() === 6 ? 2 : 1) * DAY_MS;
  }
  for (let i = 0; i < days; i++) {
    time += DAY_MS;
    while (isWeekend(time)) time += DAY_MS;
  }
  return new Date(time);
}

export function addSlaDuration(from: Date, duration: SlaDuration): Date {
  switch (duration.unit) {
    case 'HOURS':
      return new Date(from.getTime() + duration.amount * HOUR_MS);
    case 'DAYS':
      return new Date(from.getTime() + duration.amount * DAY_MS);
    case 'BUSINESS_DAYS':
      return addBusinessDays(from, duration.amount);
  }
}

/** When an issue with this window becomes AT_RISK: with the last 20% of the window left (to the millisecond). */
export function atRiskFrom(start: Date, due: Date): Date {
  return new Date(due.getTime() - Math.floor((due.getTime() - start.getTime()) * AT_RISK_SHARE));
}

/** The stored clock of an issue: both deadlines and when each becomes AT_RISK. */
export interface SlaClock {
  responseDueAt: Date;
  resolutionDueAt: Date;
  responseAtRiskAt: Date;
  resolutionAtRiskAt: Date;
}

/** The clock for an issue reported at `reportedAt`: computed once on report, again when the severity changes. */
export function slaClock(reportedAt: Date, terms: SlaTerms): SlaClock {
  const responseDueAt = addSlaDuration(reportedAt, terms.response);
  const resolutionDueAt = addSlaDuration(reportedAt, terms.resolution);
  return {
    responseDueAt,
    resolutionDueAt,
    responseAtRiskAt: atRiskFrom(reportedAt, responseDueAt),
    resolutionAtRiskAt: atRiskFrom(reportedAt, resolutionDueAt),
  };
}

/** What the SLA status is computed from: the stored clock and when each deadline was met. */
export interface SlaFacts extends SlaClock {
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
}

/** True when the first response is late: given after its deadline, or not given and the deadline has passed. */
export function isResponseLate(facts: SlaFacts, now: Date): boolean {
  return facts.firstResponseAt
    ? facts.firstResponseAt.getTime() > facts.responseDueAt.getTime()
    : now.getTime() > facts.responseDueAt.getTime();
}

/** True when the resolution is late: resolved after its deadline, or unresolved and the deadline has passed. */
export function isResolutionLate(facts: SlaFacts, now: Date): boolean {
  return facts.resolvedAt
    ? facts.resolvedAt.getTime() > facts.resolutionDueAt.getTime()
    : now.getTime() > facts.resolutionDueAt.getTime();
}

/** True when a deadline passed before it was met (or was met late). */
export function isBreached(facts: SlaFacts, now: Date): boolean {
  return isResponseLate(facts, now) || isResolutionLate(facts, now);
}

/**
 * BREACHED when a deadline passed before it was met; AT_RISK when an open (unmet) deadline has 20%
 * or less of its window left; ON_TRACK otherwise. `slaStatusSql` below says the same in SQL.
 */
export function slaStatusAt(facts: SlaFacts, now: Date): SlaStatus {
  if (isBreached(facts, now)) return SlaStatus.BREACHED;
  const t = now.getTime();
  const responseAtRisk = !facts.firstResponseAt && t >= facts.responseAtRiskAt.getTime();
  const resolutionAtRisk = !facts.resolvedAt && t >= facts.resolutionAtRiskAt.getTime();
  return responseAtRisk || resolutionAtRisk ? SlaStatus.AT_RISK : SlaStatus.ON_TRACK;
}

/*
 * The same rules in SQL, on the stored clock of the issue aliased `a` and the moment bound as
 * :slaNow (see SqlCondition). Every disjunct is NULL-safe, so that NOT of a condition is its
 * complement; test/rule-twins.e2e.ts checks both forms agree row by row on SQLite and MariaDB.
 */

/** `isBreached` in SQL. */
export function breachedSql(a: string, now: Date): SqlCondition {
  return {
    sql: `(${responseLateSql(a, now).sql} OR ${resolutionLateSql(a, now).sql})`,
    params: { slaNow: now },
  };
}

/** `isResponseLate` in SQL, on the issue aliased `a`, with :slaNow bound (NULL-safe, so NOT works). */
export function responseLateSql(a: string, now: Date): SqlCondition {
  return {
    sql: `((${a}.firstResponseAt IS NULL AND ${a}.responseDueAt < :slaNow) OR (${a}.firstResponseAt IS NOT NULL AND ${a}.firstResponseAt > ${a}.responseDueAt))`,
    params: { slaNow: now },
  };
}

/** `isResolutionLate` in SQL, on the issue aliased `a`, with :slaNow bound (NULL-safe, so NOT works). */
export function resolutionLateSql(a: string, now: Date): SqlCondition {
  return {
    sql: `((${a}.resolvedAt IS NULL AND ${a}.resolutionDueAt < :slaNow) OR (${a}.resolvedAt IS NOT NULL AND ${a}.resolvedAt > ${a}.resolutionDueAt))`,
    params: { slaNow: now },
  };
}

/** An open deadline in its last 20% (AT_RISK unless breached). */
function atRiskSql(a: string): string {
  return `((${a}.firstResponseAt IS NULL AND ${a}.responseAtRiskAt <= :slaNow) OR (${a}.resolvedAt IS NULL AND ${a}.resolutionAtRiskAt <= :slaNow))`;
}

/** `slaStatusAt(issue, now)` is one of `statuses`, in SQL. */
export function slaStatusSql(a: string, statuses: readonly SlaStatus[], now: Date): SqlCondition {
  const breached = breachedSql(a, now).sql;
  const one = (status: SlaStatus): string => {
    switch (status) {
      case SlaStatus.BREACHED:
        return breached;
      case SlaStatus.AT_RISK:
        return `(NOT ${breached} AND ${atRiskSql(a)})`;
      case SlaStatus.ON_TRACK:
        return `(NOT ${breached} AND NOT ${atRiskSql(a)})`;
    }
  };
  const sql = statuses.length ? `(${[...new Set(statuses)].map(one).join(' OR ')})` : '(1 = 0)';
  return { sql, params: { slaNow: now } };
}
