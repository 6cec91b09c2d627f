import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { addDays, daysBetween, todayUtc, type LocalDate } from '../../common/dates';
import { isUniqueViolation } from '../../common/driver-errors';
import { StaleVersionError } from '../../common/errors';
import { formatMoney } from '../../common/money';
import {
  decodeCursor,
  OrderDirection,
  toConnection,
  type Connection,
  type PageArgs,
  type SortOrder,
} from '../../common/pagination';
import { joinToOne, primeToOne, type ToOne } from '../../common/to-one';
import type { Account } from '../account/account.entity';
import { recordAudit } from '../audit/audit.service';
import { ClientIssueSeverity } from '../client-issue/sla';
import { AccountHealthSnapshot, HealthScoreWeight, HealthScoreWeightsRecord } from './account-health.entity';
import { AccountHealthErrors } from './account-health.errors';
import type { AccountHealthFilter, SetHealthScoreWeightsInput } from './account-health.inputs';
import type { AccountHealth, HealthComponentScore, HealthScoreWeights } from './account-health.types';
import {
  bandRange,
  breachedIssuesSql,
  componentScoresSql,
  contribution,
  daysToNoticeSql,
  DEFAULT_HEALTH_WEIGHTS,
  deliveryFactsSql,
  HEALTH_COMPONENTS,
  healthBand,
  HealthComponent,
  healthScoreSql,
  healthSqlParams,
  lastContactedSql,
  nextRenewalSql,
  openIssuesSql,
  overallScore,
  renewalInHandSql,
  worstCurrencySql,
  type HealthWeights,
} from './health.rules';

type Dialect = 'sqlite' | 'mysql';

/** What one statement reads of an account to score and explain its health. */
export interface HealthFacts {
  accountId: number;
  scores: Record<HealthComponent, number>;
  activeProjects: number;
  redProjects: number;
  amberProjects: number;
  openIssues: number;
  breachedIssues: number;
  breachedCritical: number;
  financeCurrency: string | null;
  overdueCents: number;
  annualCents: number;
  renewalContract: string | null;
  daysToNotice: number | null;
  renewalInHand: boolean;
  renewalAutoRenews: boolean;
  lastContactedAt: Date | null;
  /** Names of the RED active projects, when asked for. */
  redProjectNames: string[];
}

/** The property a page of accounts in health order carries its score in, for the page's cursors. */
export const HEALTH_SORT_PROPERTY = 'healthSortScore';

/** The accounts list's HEALTH order (the direction is the caller's). */
export const HEALTH_SORT: Omit<SortOrder, 'direction'> = {
  key: 'health',
  property: HEALTH_SORT_PROPERTY,
  kind: 'number',
};

/** A history covers at most about ten years: a chart, not an export. */
export const MAX_HISTORY_DAYS = 3700;

const num = (value: RawValue): number => (value === null || value === undefined ? 0 : Number(value));
const SCORE_COLUMNS: Record<HealthComponent, string> = {
  DELIVERY: 'delivery',
  ISSUES: 'issues',
  FINANCE: 'finance',
  RENEWAL: 'renewal',
  ENGAGEMENT: 'engagement',
};

type RawValue = string | number | Date | null | undefined;

function toDate(value: RawValue): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  // SQLite returns 'YYYY-MM-DD HH:MM:SS.SSS' in UTC.
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}

const text = (value: RawValue): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Reads the health facts of `accountIds` in one statement (and the RED projects' names in a
 * second, when `withNames` and any account has one). The caller has already scoped the ids.
 */
export async function readHealthFacts(
  em: EntityManager,
  dialect: Dialect,
  accountIds: readonly number[],
  now: Date,
  withNames = true,
): Promise<Map<number, HealthFacts>> {
  const facts = new Map<number, HealthFacts>();
  if (!accountIds.length) return facts;
  const qb = em.createQueryBuilder().select('a.id', 'accountId').from('account', 'a');
  for (const [component, sql] of Object.entries(componentScoresSql('a', dialect)))
    qb.addSelect(sql, SCORE_COLUMNS[component as HealthComponent]);
  const delivery = deliveryFactsSql('a');
  qb.addSelect(delivery.active, 'activeProjects')
    .addSelect(delivery.red, 'redProjects')
    .addSelect(delivery.amber, 'amberProjects')
    .addSelect(openIssuesSql('a'), 'openIssues')
    .addSelect(breachedIssuesSql('a'), 'breachedIssues')
    .addSelect(breachedIssuesSql('a', ClientIssueSeverity.CRITICAL), 'breachedCritical')
    .addSelect(worstCurrencySql('a', dialect, 'currency'), 'financeCurrency')
    .addSelect(worstCurrencySql('a', dialect, 'overdue'), 'overdueCents')
    .addSelect(worstCurrencySql('a', dialect, 'annual'), 'annualCents')
    .addSelect(nextRenewalSql('a', 'hr.number'), 'renewalContract')
    .addSelect(nextRenewalSql('a', daysToNoticeSql(dialect)), 'daysToNotice')
    .addSelect(nextRenewalSql('a', `CASE WHEN ${renewalInHandSql} THEN 1 ELSE 0 END`), 'renewalInHand')
    .addSelect(nextRenewalSql('a', 'CASE WHEN hr.autoRenew = 1 THEN 1 ELSE 0 END'), 'renewalAutoRenews')
    .addSelect(lastContactedSql('a'), 'lastContactedAt')
    .where('a.id IN (:...healthAccountIds)', { healthAccountIds: [...accountIds] })
    .setParameters(healthSqlParams(now));
  const rows = await qb.getRawMany<Record<string, RawValue>>();
  for (const row of rows) {
    const accountId = Number(row.accountId);
    facts.set(accountId, {
      accountId,
      scores: Object.fromEntries(HEALTH_COMPONENTS.map((c) => [c, num(row[SCORE_COLUMNS[c]])])) as Record<
        HealthComponent,
        number
      >,
      activeProjects: num(row.activeProjects),
      redProjects: num(row.redProjects),
      amberProjects: num(row.amberProjects),
      openIssues: num(row.openIssues),
      breachedIssues: num(row.breachedIssues),
      breachedCritical: num(row.breachedCritical),
      financeCurrency: text(row.financeCurrency),
      overdueCents: num(row.overdueCents),
      annualCents: num(row.annualCents),
      renewalContract: text(row.renewalContract),
      daysToNotice: row.daysToNotice == null ? null : Number(row.daysToNotice),
      renewalInHand: num(row.renewalInHand) === 1,
      renewalAutoRenews: num(row.renewalAutoRenews) === 1,
      lastContactedAt: toDate(row.lastContactedAt),
      redProjectNames: [],
    });
  }
  const withRed = [...facts.values()].filter((f) => f.redProjects > 0).map((f) => f.accountId);
  if (withNames && withRed.length) {
    const names = await em
      .createQueryBuilder()
      .select('p.accountId', 'accountId')
      .addSelect('p.name', 'name')
      .from('project', 'p')
      .where("p.accountId IN (:...withRed) AND p.status = 'ACTIVE' AND p.health = 'RED'", { withRed })
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawMany<{ accountId: number | string; name: string }>();
    for (const row of names) facts.get(Number(row.accountId))?.redProjectNames.push(row.name);
  }
  return facts;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listNames(names: readonly string[], max = 3): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** The sentence that explains one component's score. */
export function explainComponent(component: HealthComponent, facts: HealthFacts, today: LocalDate): string {
  switch (component) {
    case HealthComponent.DELIVERY: {
      if (!facts.activeProjects) return 'No active projects.';
      const parts: string[] = [];
      if (facts.redProjects)
        parts.push(
          `${facts.redProjects} of ${facts.activeProjects} active projects ${facts.redProjects === 1 ? 'is' : 'are'} RED` +
            (facts.redProjectNames.length ? `: ${listNames(facts.redProjectNames)}` : ''),
        );
      if (facts.amberProjects)
        parts.push(
          `${facts.amberProjects} of ${facts.activeProjects} ${facts.amberProjects === 1 ? 'is' : 'are'} AMBER`,
        );
      if (!parts.length)
        return `All ${plural(facts.activeProjects, 'active project')} are GREEN or have no status update yet.`;
      return `${parts.join('; ')}.`;
    }
    case HealthComponent.ISSUES: {
      if (!facts.openIssues) return 'No open client issues.';
      const breached = facts.breachedIssues
        ? `, ${facts.breachedIssues} breached` + (facts.breachedCritical ? ` (${facts.breachedCritical} CRITICAL)` : '')
        : ', none breached';
      return `${plural(facts.openIssues, 'open client issue')}${breached}.`;
    }
    case HealthComponent.FINANCE: {
      if (!facts.financeCurrency || facts.overdueCents <= 0) return 'Nothing overdue.';
      const overdue = formatMoney(facts.overdueCents, facts.financeCurrency);
      if (facts.annualCents <= 0) return `${overdue} overdue, with no active contract in ${facts.financeCurrency}.`;
      const share = Math.round((facts.overdueCents * 100) / facts.annualCents);
      return `${overdue} overdue against ${formatMoney(facts.annualCents, facts.financeCurrency)} of annual contract value (${share}%).`;
    }
    case HealthComponent.RENEWAL: {
      if (!facts.renewalContract || facts.daysToNotice === null) return 'No active contract up for renewal.';
      const deadline = addDays(today, facts.daysToNotice);
      const when =
        facts.daysToNotice >= 0
          ? `notice deadline ${deadline}, in ${plural(facts.daysToNotice, 'day')}`
          : `notice deadline ${deadline} passed ${plural(-facts.daysToNotice, 'day')} ago`;
      const inHand = facts.renewalAutoRenews
        ? 'it renews by itself'
        : facts.renewalInHand
          ? 'a renewal is in progress'
          : 'no renewal started';
      return `Contract ${facts.renewalContract}: ${when}; ${inHand}.`;
    }
    case HealthComponent.ENGAGEMENT: {
      if (!facts.lastContactedAt) return 'No communication with the client on record.';
      const last = todayUtc(facts.lastContactedAt);
      const days = daysBetween(last, today);
      return days <= 0 ? `Last contact today (${last}).` : `Last contact ${plural(days, 'day')} ago (${last}).`;
    }
  }
}

/** The score, band and explanation of one account's facts under `weights`, worst component first. */
export function explainHealth(facts: HealthFacts, weights: HealthWeights, now: Date): AccountHealth {
  const today = todayUtc(now);
  const score = overallScore(facts.scores, weights);
  const components: HealthComponentScore[] = HEALTH_COMPONENTS.map((component) => ({
    component,
    weight: weights[component],
    score: facts.scores[component],
    contribution: contribution(facts.scores[component], component, weights),
    explanation: explainComponent(component, facts, today),
  }));
  components.sort(
    (x, y) => x.score - y.score || HEALTH_COMPONENTS.indexOf(x.component) - HEALTH_COMPONENTS.indexOf(y.component),
  );
  return { score, band: healthBand(score), components, computedAt: now };
}

/** The weights in force: the stored rows, or the defaults while there are none. */
export async function readWeights(em: EntityManager): Promise<HealthScoreWeights> {
  const rows = await em.getRepository(HealthScoreWeight).find();
  const byComponent = new Map(rows.map((row) => [row.component, row]));
  const isDefault = rows.length === 0;
  return {
    weights: HEALTH_COMPONENTS.map((component) => ({
      component,
      weight: byComponent.get(component)?.weight ?? (isDefault ? DEFAULT_HEALTH_WEIGHTS[component] : 0),
    })),
    isDefault,
    version: isDefault ? 1 : Math.max(...rows.map((row) => row.version)),
    updatedAt: isDefault ? null : new Date(Math.max(...rows.map((row) => row.updatedAt.getTime()))),
  };
}

/** The weights as a record, for the rules. */
export function weightsOf(weights: HealthScoreWeights): HealthWeights {
  return Object.fromEntries(weights.weights.map((w) => [w.component, w.weight])) as HealthWeights;
}

/**
 * Scores every account (or those in `accountIds`) as of `now` and writes one snapshot row per
 * account for that day: an upsert on (accountId, day), so running it again the same day (a second
 * server, the CLI) replaces the day's row rather than adding one. Returns how many it wrote.
 */
export async function writeHealthSnapshots(
  em: EntityManager,
  dialect: Dialect,
  now: Date,
  accountIds?: readonly number[],
): Promise<number> {
  const ids =
    accountIds ??
    (await em.createQueryBuilder().select('a.id', 'id').from('account', 'a').getRawMany<{ id: number | string }>()).map(
      (row) => Number(row.id),
    );
  const weights = weightsOf(await readWeights(em));
  const day = todayUtc(now);
  let written = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const facts = await readHealthFacts(em, dialect, ids.slice(i, i + 500), now, false);
    const rows = [...facts.values()].map((f) => ({
      accountId: f.accountId,
      day,
      score: overallScore(f.scores, weights),
      delivery: f.scores.DELIVERY,
      issues: f.scores.ISSUES,
      finance: f.scores.FINANCE,
      renewal: f.scores.RENEWAL,
      engagement: f.scores.ENGAGEMENT,
      recordedAt: now,
    }));
    if (!rows.length) continue;
    await em
      .createQueryBuilder()
      .insert()
      .into(AccountHealthSnapshot)
      .values(rows)
      .orUpdate(['score', 'delivery', 'issues', 'finance', 'renewal', 'engagement', 'recordedAt'], ['accountId', 'day'])
      .updateEntity(false)
      .execute();
    written += rows.length;
  }
  return written;
}

/** True when every account already has a snapshot for `day`. */
export async function hasSnapshotsFor(em: EntityManager, day: LocalDate): Promise<boolean> {
  const [row]: { missing: number | string }[] = await em.query(
    'SELECT COUNT(*) AS missing FROM account a WHERE NOT EXISTS (SELECT 1 FROM account_health_snapshot s WHERE s.accountId = a.id AND s.day = ?)',
    [day],
  );
  return Number(row.missing) === 0;
}

/**
 * Narrows a query on accounts (alias `alias`) to those whose score, computed in the same statement,
 * meets `filter`: the accounts list and its export both call it.
 */
export function whereHealth<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  dialect: Dialect,
  filter: AccountHealthFilter,
): void {
  const score = healthScoreSql(alias, dialect);
  qb.setParameters(healthSqlParams(new Date()));
  if (filter.minScore != null) qb.andWhere(`${score} >= :healthMin`, { healthMin: filter.minScore });
  if (filter.maxScore != null) qb.andWhere(`${score} <= :healthMax`, { healthMax: filter.maxScore });
  if (filter.bands) {
    const ranges = [...new Set(filter.bands)].map(bandRange);
    qb.andWhere(
      ranges.length ? `(${ranges.map((r) => `(${score} BETWEEN ${r.min} AND ${r.max})`).join(' OR ')})` : '(1 = 0)',
    );
  }
}

/** The health score: computed from the records, weights set by an admin, a daily history. */
export const AccountHealthService = {
  /** The weights in force (read once per request). */
  weights(ctx: Context): Promise<HealthScoreWeights> {
    return ctx.loaders.healthScoreWeights.load();
  },

  /** Replaces the weights if `expectedVersion` is still theirs; audited. */
  async setWeights(ctx: Context, input: SetHealthScoreWeightsInput): Promise<HealthScoreWeights> {
    const given = new Map<HealthComponent, number>();
    for (const { component, weight } of input.weights) {
      if (given.has(component)) throw AccountHealthErrors.duplicateComponent(component);
      given.set(component, weight);
    }
    const missing = HEALTH_COMPONENTS.filter((c) => !given.has(c));
    if (missing.length) throw AccountHealthErrors.missingComponents(missing);
    if ([...given.values()].every((w) => w === 0)) throw AccountHealthErrors.allZero();

    return inTransaction(ctx, async (tx) => {
      const before = await readWeights(tx.em);
      const stale = () => new StaleVersionError('HealthScoreWeights', 'weights', input.expectedVersion, before.version);
      if (before.version !== input.expectedVersion) throw stale();
      const now = new Date();
      if (before.isDefault) {
        // The first change inserts the rows; the unique component key lets only one of two racing admins in.
        const rows = HEALTH_COMPONENTS.map((component) => {
          const row = stampNew(new HealthScoreWeight(), now);
          row.component = component;
          row.weight = given.get(component)!;
          row.version = 2;
          return row;
        });
        try {
          await tx.em.createQueryBuilder().insert().into(HealthScoreWeight).values(rows).updateEntity(false).execute();
        } catch (error) {
          if (isUniqueViolation(error)) throw stale();
          throw error;
        }
      } else {
        // One compare-and-swap over all rows: every row must still be at the version the client read.
        const result = await tx.em
          .createQueryBuilder()
          .update(HealthScoreWeight)
          .set({
            weight: () =>
              `CASE component ${HEALTH_COMPONENTS.map((c) => `WHEN '${c}' THEN ${given.get(c)!}`).join(' ')} END`,
            version: () => 'version + 1',
            updatedAt: now,
          })
          .where('version = :expected', { expected: input.expectedVersion })
          .execute();
        if (result.affected !== HEALTH_COMPONENTS.length) throw stale();
      }
      const changes = Object.fromEntries(
        before.weights
          .filter((w) => w.weight !== given.get(w.component) || before.isDefault)
          .map((w) => [w.component, { before: w.weight, after: given.get(w.component)! }]),
      );
      const after = await readWeights(tx.em);
      const audited = Object.assign(new HealthScoreWeightsRecord(), { id: 1, version: after.version });
      await recordAudit(tx, 'setHealthScoreWeights', audited, changes);
      return after;
    });
  },

  /**
   * A page of accounts in health order: the score is computed in the same statement as the page
   * and the keyset runs on (score, id), so pages stay stable while nothing changes.
   */
  async pageByHealth(
    ctx: Context,
    qb: SelectQueryBuilder<Account>,
    alias: string,
    direction: OrderDirection,
    args: PageArgs,
    joins: readonly ToOne[],
  ): Promise<Connection<Account>> {
    const order: SortOrder = { ...HEALTH_SORT, direction };
    const score = healthScoreSql(alias, ctx.db.dialect);
    qb.setParameters(healthSqlParams(new Date()));
    const countQuery = qb.clone();
    if (args.after) {
      const { value, id } = decodeCursor(args.after, order);
      const op = direction === OrderDirection.ASC ? '>' : '<';
      qb.andWhere(
        `(${score} ${op} :healthCursor OR (${score} = :healthCursor AND ${alias}.id ${op} :healthCursorId))`,
        {
          healthCursor: value,
          healthCursorId: id,
        },
      );
    }
    qb.addSelect(score, 'health_score').orderBy('health_score', direction).addOrderBy(`${alias}.id`, direction);
    joinToOne(qb, alias, joins);
    const { entities, raw } = await qb.limit(args.first + 1).getRawAndEntities<{ health_score: unknown }>();
    primeToOne(entities, joins);
    entities.forEach((account, i) =>
      Object.defineProperty(account, HEALTH_SORT_PROPERTY, { value: Number(raw[i].health_score), enumerable: false }),
    );
    return toConnection(entities, args.first, order, args.after, () => countQuery.getCount());
  },

  /** An account's daily snapshots from `from` to `to` (inclusive), oldest first. */
  history(
    ctx: Context,
    account: Account,
    from: LocalDate,
    to: LocalDate,
    args: PageArgs,
  ): Promise<Connection<AccountHealthSnapshot>> {
    if (to < from) throw AccountHealthErrors.historyRange();
    if (daysBetween(from, to) > MAX_HISTORY_DAYS) throw AccountHealthErrors.historyTooLong(MAX_HISTORY_DAYS);
    return ctx.loaders.accountHealthHistory.page(account.id, from, to, args);
  },
};
