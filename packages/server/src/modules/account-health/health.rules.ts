/**
 * The account health score: five components, each 0-100, weighed into one score 0-100 and a band.
 * Each component is stated in TypeScript (from the rows, for tests and one-off reads) and in SQL
 * (from the tables, for a whole page of accounts in one statement, and for ordering and filtering
 * the accounts list). Pure (no database, no GraphQL); the SQL twins build text only.
 * test/account-health.e2e.ts checks that both forms agree account by account on SQLite and MariaDB.
 *
 * All arithmetic is on integers and rounds down, so that both dialects give the same numbers.
 */
import { daysBetween, todayUtc, type LocalDate } from '../../common/dates';
import { ClientIssueSeverity, isBreached, breachedSql, type SlaFacts } from '../client-issue/sla';
import { isOverdue, overdueSql, balanceDueCents, balanceDueSql, type OverdueFacts } from '../invoice/invoicing.rules';

type Dialect = 'sqlite' | 'mysql';

/** The parts of the health score. */
export enum HealthComponent {
  DELIVERY = 'DELIVERY',
  ISSUES = 'ISSUES',
  FINANCE = 'FINANCE',
  RENEWAL = 'RENEWAL',
  ENGAGEMENT = 'ENGAGEMENT',
}

/** Every component, in the order the explanation lists them. */
export const HEALTH_COMPONENTS: readonly HealthComponent[] = Object.values(HealthComponent);

/** How the score reads at a glance. */
export enum HealthBand {
  HEALTHY = 'HEALTHY',
  WATCH = 'WATCH',
  AT_RISK = 'AT_RISK',
}

/** The weights used while an admin has set none: delivery and issues first, then money, renewal, contact. */
export const DEFAULT_HEALTH_WEIGHTS: Readonly<Record<HealthComponent, number>> = {
  DELIVERY: 25,
  ISSUES: 25,
  FINANCE: 20,
  RENEWAL: 15,
  ENGAGEMENT: 15,
};

export type HealthWeights = Readonly<Record<HealthComponent, number>>;

/**
 * The lowest score of each band: 75 and above is HEALTHY, 50 to 74 WATCH, below 50 AT_RISK. An
 * account with trouble in three components (a RED project, a breached CRITICAL issue, a notice
 * deadline days away) lands below 50 however well the rest goes.
 */
export const BAND_FLOORS: Readonly<Record<HealthBand, number>> = { HEALTHY: 75, WATCH: 50, AT_RISK: 0 };

/** The band of a score. */
export function healthBand(score: number): HealthBand {
  if (score >= BAND_FLOORS.HEALTHY) return HealthBand.HEALTHY;
  if (score >= BAND_FLOORS.WATCH) return HealthBand.WATCH;
  return HealthBand.AT_RISK;
}

/** `healthBand` in SQL, on a score expression. */
export function healthBandSql(score: string): string {
  return `(CASE WHEN ${score} >= ${BAND_FLOORS.HEALTHY} THEN '${HealthBand.HEALTHY}' WHEN ${score} >= ${BAND_FLOORS.WATCH} THEN '${HealthBand.WATCH}' ELSE '${HealthBand.AT_RISK}' END)`;
}

/** The scores a band covers, inclusive. */
export function bandRange(band: HealthBand): { min: number; max: number } {
  switch (band) {
    case HealthBand.HEALTHY:
      return { min: BAND_FLOORS.HEALTHY, max: 100 };
    case HealthBand.WATCH:
      return { min: BAND_FLOORS.WATCH, max: BAND_FLOORS.HEALTHY - 1 };
    case HealthBand.AT_RISK:
      return { min: 0, max: BAND_FLOORS.WATCH - 1 };
  }
}

/**
 * The overall score: the weighted mean of the component scores, rounded half up. Weights are
 * non-negative integers, not all zero (the weights input refuses anything else).
 */
export function overallScore(scores: Readonly<Record<HealthComponent, number>>, weights: HealthWeights): number {
  const total = HEALTH_COMPONENTS.reduce((sum, c) => sum + weights[c], 0);
  const weighted = HEALTH_COMPONENTS.reduce((sum, c) => sum + weights[c] * scores[c], 0);
  return Math.floor((2 * weighted + total) / (2 * total));
}

/** What a component adds to the overall score: its weighted share, unrounded. */
export function contribution(score: number, component: HealthComponent, weights: HealthWeights): number {
  const total = HEALTH_COMPONENTS.reduce((sum, c) => sum + weights[c], 0);
  return (weights[component] * score) / total;
}

// ---------------------------------------------------------------------------------------------
// DELIVERY: the RAG of the account's ACTIVE projects (each project's health is its latest status
// update's overall health). A RED project costs its full share, an AMBER one half; a project with
// no update yet is not held against the account. No active project: 100.

export interface DeliveryFacts {
  status: string;
  health: string | null;
}

export function deliveryScore(projects: readonly DeliveryFacts[]): number {
  const active = projects.filter((p) => p.status === 'ACTIVE');
  if (!active.length) return 100;
  const red = active.filter((p) => p.health === 'RED').length;
  const amber = active.filter((p) => p.health === 'AMBER').length;
  return Math.floor((100 * active.length - 100 * red - 50 * amber) / active.length);
}

// ---------------------------------------------------------------------------------------------
// ISSUES: each open client issue costs points by severity (LOW 1 to CRITICAL 4), three times that
// while within its SLA and ten times once breached: a breached CRITICAL costs 40, an open LOW 3.

/** Points an open issue costs per severity rank; a breached one costs BREACHED_ISSUE_POINTS instead. */
export const OPEN_ISSUE_POINTS = 3;
export const BREACHED_ISSUE_POINTS = 10;
const RANK: Record<ClientIssueSeverity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };
const OPEN_STATUSES = ['OPEN', 'IN_PROGRESS', 'ESCALATED'];

export interface IssueFacts extends SlaFacts {
  status: string;
  severity: ClientIssueSeverity;
}

export function issuesScore(issues: readonly IssueFacts[], now: Date): number {
  const penalty = issues
    .filter((issue) => OPEN_STATUSES.includes(issue.status))
    .reduce(
      (sum, issue) => sum + RANK[issue.severity] * (isBreached(issue, now) ? BREACHED_ISSUE_POINTS : OPEN_ISSUE_POINTS),
      0,
    );
  return Math.max(0, 100 - penalty);
}

// ---------------------------------------------------------------------------------------------
// FINANCE: the overdue balance against the annual value of the ACTIVE contracts, per currency and
// never summed across currencies: each currency with an overdue balance scores 100 less twice its
// overdue share of that currency's annual value (overdue half a year's value scores 0; overdue
// with no active contract in that currency scores 0), and the account takes its worst currency.
// No overdue balance: 100.

/** Twice the overdue share: overdue of half the annual contract value scores 0. */
export const OVERDUE_SHARE_FACTOR = 200;

export interface FinanceInvoiceFacts extends OverdueFacts {
  currency: string;
}

export interface ContractValueFacts {
  status: string;
  currency: string;
  valueCents: number;
  startDate: LocalDate;
  endDate: LocalDate;
}

/** A contract's value over a year of its term, rounded down to a cent (as analytics' annual contract value). */
export function annualValueCents(contract: ContractValueFacts): number {
  const termDays = daysBetween(contract.startDate, contract.endDate) + 1;
  return Math.floor((contract.valueCents * 365) / termDays);
}

/** One currency's finance score from its overdue balance and annual contract value. */
export function currencyFinanceScore(overdueCents: number, annualCents: number): number {
  if (overdueCents <= 0) return 100;
  if (annualCents <= 0) return 0;
  return Math.max(0, 100 - Math.floor((overdueCents * OVERDUE_SHARE_FACTOR) / annualCents));
}

/** Per currency with an overdue balance: the overdue cents and the annual value of the active contracts. */
export function financeByCurrency(
  invoices: readonly FinanceInvoiceFacts[],
  contracts: readonly ContractValueFacts[],
  today: LocalDate,
): { currency: string; overdueCents: number; annualCents: number; score: number }[] {
  const overdue = new Map<string, number>();
  for (const invoice of invoices)
    if (isOverdue(invoice, today))
      overdue.set(invoice.currency, (overdue.get(invoice.currency) ?? 0) + balanceDueCents(invoice));
  return [...overdue].map(([currency, overdueCents]) => {
    const annualCents = contracts
      .filter((k) => k.status === 'ACTIVE' && k.currency === currency)
      .reduce((sum, k) => sum + annualValueCents(k), 0);
    return { currency, overdueCents, annualCents, score: currencyFinanceScore(overdueCents, annualCents) };
  });
}

export function financeScore(
  invoices: readonly FinanceInvoiceFacts[],
  contracts: readonly ContractValueFacts[],
  today: LocalDate,
): number {
  return Math.min(100, ...financeByCurrency(invoices, contracts, today).map((c) => c.score));
}

// ---------------------------------------------------------------------------------------------
// RENEWAL: the next ACTIVE contract up for renewal (not yet ended, soonest notice deadline first).
// Its renewal is in hand when it renews by itself (autoRenew) or a renewal is being drafted or
// approved; then, or with RENEWAL_HORIZON_DAYS or more to the notice deadline, 100. Otherwise the
// score falls with the days left: 0 once the notice deadline has passed. No contract: 100.

export const RENEWAL_HORIZON_DAYS = 90;

export interface RenewalContractFacts {
  id: number;
  status: string;
  endDate: LocalDate;
  noticeDeadline: LocalDate;
  autoRenew: boolean;
  renewalOfId: number | null;
}

/** The contract whose renewal comes next, or null. */
export function nextRenewal<T extends RenewalContractFacts>(contracts: readonly T[], today: LocalDate): T | null {
  const candidates = contracts
    .filter((k) => k.status === 'ACTIVE' && k.endDate >= today)
    .sort((a, b) => (a.noticeDeadline < b.noticeDeadline ? -1 : a.noticeDeadline > b.noticeDeadline ? 1 : a.id - b.id));
  return candidates[0] ?? null;
}

/** Its renewal is in hand: it renews by itself, or a renewal of it is DRAFT or PENDING_APPROVAL. */
export function renewalInHand(contract: RenewalContractFacts, contracts: readonly RenewalContractFacts[]): boolean {
  return (
    contract.autoRenew ||
    contracts.some((k) => k.renewalOfId === contract.id && (k.status === 'DRAFT' || k.status === 'PENDING_APPROVAL'))
  );
}

export function renewalScoreOf(daysToNotice: number, inHand: boolean): number {
  if (inHand || daysToNotice >= RENEWAL_HORIZON_DAYS) return 100;
  if (daysToNotice <= 0) return 0;
  return Math.floor((daysToNotice * 100) / RENEWAL_HORIZON_DAYS);
}

export function renewalScore(contracts: readonly RenewalContractFacts[], today: LocalDate): number {
  const next = nextRenewal(contracts, today);
  if (!next) return 100;
  return renewalScoreOf(daysBetween(today, next.noticeDeadline), renewalInHand(next, contracts));
}

// ---------------------------------------------------------------------------------------------
// ENGAGEMENT: calendar days (UTC) since the last communication with the account: 100 within
// ENGAGED_DAYS, falling to 0 at LAPSED_DAYS; no communication on record: 0.

export const ENGAGED_DAYS = 30;
export const LAPSED_DAYS = 120;

export function engagementScoreOf(daysSince: number | null): number {
  if (daysSince === null) return 0;
  if (daysSince <= ENGAGED_DAYS) return 100;
  if (daysSince >= LAPSED_DAYS) return 0;
  return Math.floor(((LAPSED_DAYS - daysSince) * 100) / (LAPSED_DAYS - ENGAGED_DAYS));
}

export function engagementScore(lastContactedAt: Date | null, today: LocalDate): number {
  return engagementScoreOf(lastContactedAt ? daysBetween(todayUtc(lastContactedAt), today) : null);
}

// =============================================================================================
// The same rules in SQL, each a scalar expression on the account aliased `a`, with the parameters
// of `healthSqlParams` bound (:slaNow, :overdueToday, :healthToday).

/** The parameters every health expression binds. */
export function healthSqlParams(now: Date): Record<string, unknown> {
  const today = todayUtc(now);
  return { ...breachedSql('x', now).params, ...overdueSql('x', today).params, healthToday: today };
}

/** Integer division rounding down, for non-negative integers. */
function div(dialect: Dialect, a: string, b: string): string {
  return dialect === 'mysql' ? `((${a}) DIV (${b}))` : `((${a}) / (${b}))`;
}

function greatest(dialect: Dialect, a: string, b: string): string {
  return dialect === 'mysql' ? `GREATEST(${a}, ${b})` : `MAX(${a}, ${b})`;
}

/** Whole calendar days from the date (or datetime) `from` to `to`. */
function daysSql(dialect: Dialect, from: string, to: string): string {
  return dialect === 'mysql'
    ? `DATEDIFF(${to}, ${from})`
    : `CAST(julianday(date(${to})) - julianday(date(${from})) AS INTEGER)`;
}

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Active projects, and how many are RED and AMBER, of the account `a`. */
export function deliveryFactsSql(a: string): { active: string; red: string; amber: string } {
  const count = (extra: string) =>
    `(SELECT COUNT(*) FROM project hp WHERE hp.accountId = ${a}.id AND hp.status = 'ACTIVE'${extra})`;
  return { active: count(''), red: count(" AND hp.health = 'RED'"), amber: count(" AND hp.health = 'AMBER'") };
}

/** `deliveryScore` in SQL. */
export function deliveryScoreSql(a: string, dialect: Dialect): string {
  const facts = deliveryFactsSql(a);
  return `(CASE WHEN ${facts.active} = 0 THEN 100 ELSE ${div(dialect, `100 * ${facts.active} - 100 * ${facts.red} - 50 * ${facts.amber}`, facts.active)} END)`;
}

/** The open issues of `a` (aliased `hi`) meeting `extra`, counted. */
export function openIssuesSql(a: string, extra = ''): string {
  return `(SELECT COUNT(*) FROM client_issue hi WHERE hi.accountId = ${a}.id AND hi.status IN (${quoted(OPEN_STATUSES)})${extra})`;
}

/** Open issues of `a` that are breached (optionally of one severity). */
export function breachedIssuesSql(a: string, severity?: ClientIssueSeverity): string {
  const breached = breachedSql('hi', new Date(0)).sql; // binds :slaNow from healthSqlParams
  return openIssuesSql(a, ` AND ${breached}${severity ? ` AND hi.severity = '${severity}'` : ''}`);
}

/** `issuesScore` in SQL. */
export function issuesScoreSql(a: string, dialect: Dialect): string {
  const rank = `(CASE hi.severity ${Object.entries(RANK)
    .map(([severity, rank]) => `WHEN '${severity}' THEN ${rank}`)
    .join(' ')} ELSE 0 END)`;
  const points = `(CASE WHEN ${breachedSql('hi', new Date(0)).sql} THEN ${BREACHED_ISSUE_POINTS} ELSE ${OPEN_ISSUE_POINTS} END)`;
  const penalty = `COALESCE((SELECT SUM(${rank} * ${points}) FROM client_issue hi WHERE hi.accountId = ${a}.id AND hi.status IN (${quoted(OPEN_STATUSES)})), 0)`;
  return greatest(dialect, '0', `100 - ${penalty}`);
}

/** `annualValueCents` summed over `a`'s ACTIVE contracts in the currency `currency` (an expression). */
function annualValueSql(a: string, currency: string, dialect: Dialect): string {
  const termDays = `(${daysSql(dialect, 'hk.startDate', 'hk.endDate')} + 1)`;
  return `(SELECT COALESCE(SUM(${div(dialect, 'hk.valueCents * 365', termDays)}), 0) FROM contract hk WHERE hk.accountId = ${a}.id AND hk.status = 'ACTIVE' AND hk.currency = ${currency})`;
}

/**
 * The worst currency of `a` (the one `financeScore` takes), as a scalar subquery selecting `column`:
 * 'score', 'currency', 'overdue' or 'annual'. NULL when nothing is overdue.
 */
export function worstCurrencySql(
  a: string,
  dialect: Dialect,
  column: 'score' | 'currency' | 'overdue' | 'annual',
): string {
  const overdue = `SUM(${balanceDueSql('hf')})`;
  const annual = annualValueSql(a, 'hf.currency', dialect);
  const score = `(CASE WHEN ${annual} <= 0 THEN 0 ELSE ${greatest(dialect, '0', `100 - ${div(dialect, `${overdue} * ${OVERDUE_SHARE_FACTOR}`, annual)}`)} END)`;
  const selected = { score, currency: 'hf.currency', overdue, annual }[column];
  return (
    `(SELECT ${selected} FROM invoice hf WHERE hf.accountId = ${a}.id AND ${overdueSql('hf', '').sql} ` +
    `GROUP BY hf.currency ORDER BY ${score} ASC, hf.currency ASC LIMIT 1)`
  );
}

/** `financeScore` in SQL. */
export function financeScoreSql(a: string, dialect: Dialect): string {
  return `COALESCE(${worstCurrencySql(a, dialect, 'score')}, 100)`;
}

/** The next renewal of `a` (aliased `hr`) as a scalar subquery selecting `selected`; NULL without one. */
export function nextRenewalSql(a: string, selected: string): string {
  return (
    `(SELECT ${selected} FROM contract hr WHERE hr.accountId = ${a}.id AND hr.status = 'ACTIVE' ` +
    `AND hr.endDate >= :healthToday ORDER BY hr.noticeDeadline ASC, hr.id ASC LIMIT 1)`
  );
}

/** `renewalInHand` in SQL, on the contract aliased `hr`. */
export const renewalInHandSql =
  "(hr.autoRenew = 1 OR EXISTS (SELECT 1 FROM contract hn WHERE hn.renewalOfId = hr.id AND hn.status IN ('DRAFT', 'PENDING_APPROVAL')))";

/** Days from today to `hr`'s notice deadline. */
export function daysToNoticeSql(dialect: Dialect): string {
  return daysSql(dialect, ':healthToday', 'hr.noticeDeadline');
}

/** `renewalScore` in SQL. */
export function renewalScoreSql(a: string, dialect: Dialect): string {
  const days = daysToNoticeSql(dialect);
  const score =
    `CASE WHEN ${renewalInHandSql} OR ${days} >= ${RENEWAL_HORIZON_DAYS} THEN 100 WHEN ${days} <= 0 THEN 0 ` +
    `ELSE ${div(dialect, `${days} * 100`, String(RENEWAL_HORIZON_DAYS))} END`;
  return `COALESCE(${nextRenewalSql(a, score)}, 100)`;
}

/** When `a` was last in touch: the latest communication's time. */
export function lastContactedSql(a: string): string {
  return `(SELECT MAX(hc.occurredAt) FROM communication hc WHERE hc.accountId = ${a}.id)`;
}

/** `engagementScore` in SQL. */
export function engagementScoreSql(a: string, dialect: Dialect): string {
  const days = daysSql(dialect, lastContactedSql(a), ':healthToday');
  return (
    `(CASE WHEN ${lastContactedSql(a)} IS NULL THEN 0 WHEN ${days} <= ${ENGAGED_DAYS} THEN 100 ` +
    `WHEN ${days} >= ${LAPSED_DAYS} THEN 0 ELSE ${div(dialect, `(${LAPSED_DAYS} - ${days}) * 100`, String(LAPSED_DAYS - ENGAGED_DAYS))} END)`
  );
}

/** Each component's score in SQL. */
export function componentScoresSql(a: string, dialect: Dialect): Record<HealthComponent, string> {
  return {
    DELIVERY: deliveryScoreSql(a, dialect),
    ISSUES: issuesScoreSql(a, dialect),
    FINANCE: financeScoreSql(a, dialect),
    RENEWAL: renewalScoreSql(a, dialect),
    ENGAGEMENT: engagementScoreSql(a, dialect),
  };
}

/**
 * A component's weight in force, in SQL: its row in health_score_weight, or its default while the
 * table is empty (an admin sets every component at once, so the rows are all there or none is).
 */
export function weightSql(component: HealthComponent): string {
  return `COALESCE((SELECT hw.weight FROM health_score_weight hw WHERE hw.component = '${component}'), ${DEFAULT_HEALTH_WEIGHTS[component]})`;
}

/**
 * `overallScore` in SQL, on the account aliased `a`, with the weights in force read in the same
 * statement (uncorrelated subqueries: each runs once per statement, not per account).
 */
export function healthScoreSql(a: string, dialect: Dialect): string {
  const scores = componentScoresSql(a, dialect);
  const total = HEALTH_COMPONENTS.map(weightSql).join(' + ');
  const weighted = HEALTH_COMPONENTS.map((c) => `${weightSql(c)} * ${scores[c]}`).join(' + ');
  return div(dialect, `2 * (${weighted}) + ${total}`, `2 * (${total})`);
}
