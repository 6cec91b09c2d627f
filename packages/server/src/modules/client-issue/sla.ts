/**
 * SLA clocks for client issues: deadlines per severity, business days, and the SLA status.
 * Pure (no database, no GraphQL) so that the arithmetic is unit-tested with fixed dates.
 *
 * Business days are Monday to Friday in UTC; public holidays are not modelled. Hours and days are
 * calendar time (24/7): a CRITICAL issue's clock runs through the weekend.
 */

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

export type SlaUnit = 'HOURS' | 'DAYS' | 'BUSINESS_DAYS';

/** A span of SLA time: `4h`, `3d` or `1bd` in configuration. */
export interface SlaDuration {
  amount: number;
  unit: SlaUnit;
}

export interface SlaTerms {
  response: SlaDuration;
  resolution: SlaDuration;
}

export type SlaPolicy = Record<ClientIssueSeverity, SlaTerms>;

/** The share of an open deadline's window left at which an issue is AT_RISK: the last 20%. */
export const AT_RISK_SHARE = 0.2;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** "4h", "3d", "1bd" (1 to 9999 of hours, calendar days or business days). */
export const SLA_DURATION_PATTERN = /^([1-9]\d{0,3})(h|d|bd)$/;

export function parseSlaDuration(text: string): SlaDuration {
  const match = SLA_DURATION_PATTERN.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not an SLA duration such as 4h, 3d or 1bd`);
  const unit: SlaUnit = match[2] === 'h' ? 'HOURS' : match[2] === 'd' ? 'DAYS' : 'BUSINESS_DAYS';
  return { amount: Number(match[1]), unit };
}

/**
 * The default SLA (the client services agreement's schedule): CRITICAL respond in 1 hour and
 * resolve in 24 hours; HIGH 4 hours / 3 days; MEDIUM 1 business day / 10 days; LOW 3 business days / 30 days.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  CRITICAL: { response: { amount: 1, unit: 'HOURS' }, resolution: { amount: 24, unit: 'HOURS' } },
  HIGH: { response: { amount: 4, unit: 'HOURS' }, resolution: { amount: 3, unit: 'DAYS' } },
  MEDIUM: { response: { amount: 1, unit: 'BUSINESS_DAYS' }, resolution: { amount: 10, unit: 'DAYS' } },
  LOW: { response: { amount: 3, unit: 'BUSINESS_DAYS' }, resolution: { amount: 30, unit: 'DAYS' } },
};

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

/** True when a deadline passed before it was met (or was met late). */
export function isBreached(facts: SlaFacts, now: Date): boolean {
  const t = now.getTime();
  const responseLate = facts.firstResponseAt
    ? facts.firstResponseAt.getTime() > facts.responseDueAt.getTime()
    : t > facts.responseDueAt.getTime();
  const resolutionLate = facts.resolvedAt
    ? facts.resolvedAt.getTime() > facts.resolutionDueAt.getTime()
    : t > facts.resolutionDueAt.getTime();
  return responseLate || resolutionLate;
}

/**
 * BREACHED when a deadline passed before it was met; AT_RISK when an open (unmet) deadline has 20%
 * or less of its window left; ON_TRACK otherwise. The SQL filter in client-issue.service.ts says
 * the same thing; keep them together.
 */
export function slaStatusAt(facts: SlaFacts, now: Date): SlaStatus {
  if (isBreached(facts, now)) return SlaStatus.BREACHED;
  const t = now.getTime();
  const responseAtRisk = !facts.firstResponseAt && t >= facts.responseAtRiskAt.getTime();
  const resolutionAtRisk = !facts.resolvedAt && t >= facts.resolutionAtRiskAt.getTime();
  return responseAtRisk || resolutionAtRisk ? SlaStatus.AT_RISK : SlaStatus.ON_TRACK;
}
