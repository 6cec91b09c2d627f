import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../common/context';
import { addDays, todayUtc, type LocalDate } from '../../common/dates';
import { decodeGlobalId, encodeGlobalId } from '../../common/global-id';
import { DEFAULT_CURRENCY, Money } from '../../common/money';
import { ClientIssueStatus } from '../client-issue/client-issue.entity';
import { ClientIssueSeverity, breachedSql, resolutionLateSql, responseLateSql } from '../client-issue/sla';
import { ContractStatus } from '../contract/contract.entity';
import { Health, type ProjectStatus } from '../project/project.entity';
import { isProfitable, marginCents, marginPercent, revenueSql } from '../project/profitability.rules';
import { restrictProjects } from '../project/project.loaders';
// Invoiced revenue counts what invoiced-to-date counts: approved for the client, whatever has been paid since.
import { balanceDueSql, INVOICED_STATUSES, overdueSql, receivableSql } from '../invoice/invoicing.rules';
import { healthBandSql, healthScoreSql, healthSqlParams } from '../account-health/health.rules';
import { AnalyticsErrors } from './analytics.errors';
import {
  AgingGroupBy,
  type PortfolioHealthArgs,
  type RenewalForecastArgs,
  type SlaPerformanceArgs,
  RevenueGroupBy,
  RevenueMeasure,
  type ReceivablesAgingArgs,
  type RevenueSeriesArgs,
} from './analytics.inputs';
import type {
  CountRow,
  PortfolioHealthRow,
  PortfolioSummary,
  RenewalWindowRow,
  ProjectMarginRow,
  ReceivablesAgingRow,
  RenewalForecastRow,
  RevenueSeriesRow,
  SlaPerformanceRow,
} from './analytics.types';
import { Granularity, periodStarts, periodStartSql } from './periods';

/** The most rows one revenue series may answer with; the CSV export has no such limit. */
export const MAX_SERIES_ROWS = 20_000;

/** Contracts whose value counts as booked: every contract that was ever in force. */
export const BOOKED_STATUSES = [
  ContractStatus.ACTIVE,
  ContractStatus.EXPIRED,
  ContractStatus.TERMINATED,
  ContractStatus.RENEWED,
];

/** A raw row as the database returns it: numbers may arrive as strings (MySQL DECIMAL, BIGINT). */
interface RawSeriesRow {
  bucket: string;
  groupId: string | number | null;
  groupLabel: string | null;
  currency: string;
  amount: string | number;
  n: string | number;
}

/** What one measure reads: its table (aliased `src`), the account and contract it hangs off, its day and amount. */
interface MeasureSource {
  from(qb: SelectQueryBuilder<object>): SelectQueryBuilder<object>;
  /** The ON condition that joins the row's account as `a`. */
  accountOn: string;
  /** The ON condition that joins the row's contract as `c`. */
  contractOn: string;
  /** The row's day: a DATE column, or a DATETIME's day. */
  day: string;
  /** Bounds on the day column, in the column's own type so that its index serves the range. */
  range(from: LocalDate, to: LocalDate): { sql: string; parameters: Record<string, unknown> };
  amount: string;
}

const DATE_RANGE = (column: string) => (from: LocalDate, to: LocalDate) => ({
  sql: `${column} >= :from AND ${column} <= :to`,
  parameters: { from, to },
});

const DATETIME_RANGE = (column: string) => (from: LocalDate, to: LocalDate) => ({
  sql: `${column} >= :from AND ${column} < :until`,
  parameters: { from: new Date(`${from}T00:00:00Z`), until: new Date(`${addDays(to, 1)}T00:00:00Z`) },
});

const MEASURES: Record<RevenueMeasure, MeasureSource> = {
  [RevenueMeasure.INVOICED]: {
    from: (qb) => qb.from('invoice', 'src').andWhere('src.status IN (:...invoiced)', { invoiced: INVOICED_STATUSES }),
    accountOn: 'a.id = src.accountId',
    contractOn: 'c.id = src.contractId',
    day: 'src.issueDate',
    range: DATE_RANGE('src.issueDate'),
    amount: 'src.totalCents',
  },
  [RevenueMeasure.COLLECTED]: {
    from: (qb) => qb.from('invoice_payment', 'src').innerJoin('invoice', 'i', 'i.id = src.invoiceId'),
    accountOn: 'a.id = i.accountId',
    contractOn: 'c.id = i.contractId',
    day: 'src.paidAt',
    range: DATETIME_RANGE('src.paidAt'),
    amount: 'src.amountCents',
  },
  [RevenueMeasure.BOOKED]: {
    from: (qb) =>
      qb
        .from('contract', 'src')
        .andWhere('src.status IN (:...booked)', { booked: BOOKED_STATUSES })
        .andWhere('src.signedAt IS NOT NULL'),
    accountOn: 'a.id = src.accountId',
    contractOn: 'c.id = src.id',
    day: 'src.signedAt',
    range: DATETIME_RANGE('src.signedAt'),
    amount: 'src.valueCents',
  },
};

/** The group columns of a revenue series: a key (row id or value) and a label, over aliases a, c, o, f. */
const SERIES_GROUPS: Record<RevenueGroupBy, { key: string; label: string; type?: string }> = {
  [RevenueGroupBy.NONE]: { key: 'NULL', label: 'NULL' },
  [RevenueGroupBy.ACCOUNT]: { key: 'a.id', label: 'a.name', type: 'Account' },
  [RevenueGroupBy.OWNER]: { key: 'o.id', label: 'o.name', type: 'User' },
  [RevenueGroupBy.CONTRACT_TYPE]: { key: 'c.type', label: 'c.type' },
  [RevenueGroupBy.ACCOUNT_FAMILY]: { key: 'f.id', label: 'f.name', type: 'Account' },
};

/** Aggregates for dashboards: one GROUP BY statement per table, scoped like every other read. */
export const AnalyticsService = {
  /** Revenue per period (and group and currency), with every period of the range present. */
  async revenueSeries(ctx: Context, args: RevenueSeriesArgs): Promise<RevenueSeriesRow[]> {
    if (args.to < args.from) throw AnalyticsErrors.rangeReversed();
    const periods = periodStarts(args.granularity, args.from, args.to);
    if (periods.length > MAX_SERIES_ROWS) throw AnalyticsErrors.tooManyRows(periods.length, MAX_SERIES_ROWS);
    const source = MEASURES[args.measure];
    const group = SERIES_GROUPS[args.groupBy];
    const period = periodStartSql(ctx.db.dialect, args.granularity, source.day);
    const range = source.range(args.from, args.to);

    const qb = source
      .from(ctx.em.createQueryBuilder() as SelectQueryBuilder<object>)
      .select(period, 'bucket')
      .addSelect(group.key, 'groupId')
      .addSelect(group.label, 'groupLabel')
      .addSelect('src.currency', 'currency')
      .addSelect(`SUM(${source.amount})`, 'amount')
      .addSelect('COUNT(*)', 'n')
      .andWhere(range.sql, range.parameters)
      .groupBy('bucket')
      .addGroupBy(group.key)
      .addGroupBy(group.label)
      .addGroupBy('src.currency');
    // Each join is a lookup per row of the ledger (it doubled the time of a 3-year series on the large
    // seed, and more on MariaDB): only what the grouping or the viewer's scope reads is joined.
    const byAccount = args.groupBy !== RevenueGroupBy.NONE && args.groupBy !== RevenueGroupBy.CONTRACT_TYPE;
    if (byAccount || args.accountId || !ctx.scope.readsAll) qb.innerJoin('account', 'a', source.accountOn);
    if (args.groupBy === RevenueGroupBy.CONTRACT_TYPE) qb.innerJoin('contract', 'c', source.contractOn);
    if (args.groupBy === RevenueGroupBy.OWNER) qb.leftJoin('user', 'o', 'o.id = a.ownerId');
    if (args.groupBy === RevenueGroupBy.ACCOUNT_FAMILY)
      qb.innerJoin('account', 'f', 'f.id = COALESCE(a.parentId, a.id)');
    restrictToAccounts(ctx, qb, args.accountId, args.includeChildAccounts);

    const raw = await qb.getRawMany<RawSeriesRow>();
    return fillPeriods(periods, raw, group.type, args.groupBy === RevenueGroupBy.NONE);
  },

  /** What is owed on sent invoices, by days past due, per group and currency. */
  async receivablesAging(ctx: Context, args: ReceivablesAgingArgs): Promise<ReceivablesAgingRow[]> {
    const today = todayUtc();
    const group = SERIES_GROUPS[RevenueGroupBy[args.groupBy]];
    const balance = balanceDueSql('i');
    const pastDue = (fromDays: number, toDays: number | null) =>
      `SUM(CASE WHEN i.dueDate <= :due${fromDays}${toDays === null ? '' : ` AND i.dueDate > :due${toDays}`} THEN ${balance} ELSE 0 END)`;
    // Summed per account and currency over the invoices alone first, then labelled and grouped: with a
    // join per receivable row, MariaDB walked every account's invoices, several times slower.
    const perAccount = ctx.em
      .createQueryBuilder()
      .from('invoice', 'i')
      .select('i.accountId', 'accountId')
      .addSelect('i.currency', 'currency')
      .addSelect(`SUM(CASE WHEN i.dueDate >= :today THEN ${balance} ELSE 0 END)`, 'notDue')
      .addSelect(pastDue(1, 31), 'days1To30')
      .addSelect(pastDue(31, 61), 'days31To60')
      .addSelect(pastDue(61, 91), 'days61To90')
      .addSelect(pastDue(91, null), 'over90Days')
      .addSelect(`SUM(${balance})`, 'total')
      .addSelect('COUNT(*)', 'n')
      .where(receivableSql('i'))
      .groupBy('i.accountId')
      .addGroupBy('i.currency');
    ctx.scope.restrictByAccountId(perAccount, 'i');
    const sums = ['notDue', 'days1To30', 'days31To60', 'days61To90', 'over90Days', 'total', 'n'];
    const qb = ctx.em
      .createQueryBuilder()
      .from(`(${perAccount.getQuery()})`, 'g')
      .innerJoin('account', 'a', 'a.id = g.accountId')
      .select(group.key, 'groupId')
      .addSelect(group.label, 'groupLabel')
      .addSelect('g.currency', 'currency')
      .setParameters({
        ...perAccount.getParameters(),
        today,
        due1: addDays(today, -1),
        due31: addDays(today, -31),
        due61: addDays(today, -61),
        due91: addDays(today, -91),
      })
      .groupBy(group.key)
      .addGroupBy(group.label)
      .addGroupBy('g.currency');
    for (const sum of sums) qb.addSelect(`SUM(g.${sum})`, sum);
    if (args.groupBy === AgingGroupBy.OWNER) qb.leftJoin('user', 'o', 'o.id = a.ownerId');

    // STRAIGHT_JOIN: MariaDB would otherwise split the sums per account, a lookup into the invoices for
    // each account, instead of reading the receivables once in FROM order.
    const [sql, parameters] = qb.getQueryAndParameters();
    const raw: Record<string, string | number | null>[] = await ctx.em.query(
      ctx.db.dialect === 'mysql' ? sql.replace(/^SELECT /, 'SELECT STRAIGHT_JOIN ') : sql,
      parameters,
    );
    const rows = raw.map((row) => {
      const currency = String(row.currency);
      const money = (name: string) => Money.of(Number(row[name] ?? 0), currency);
      return {
        groupKey: groupKey(row.groupId, group.type),
        groupLabel: row.groupLabel === null ? null : String(row.groupLabel),
        currency,
        current: money('notDue'),
        days1To30: money('days1To30'),
        days31To60: money('days31To60'),
        days61To90: money('days61To90'),
        over90Days: money('over90Days'),
        total: money('total'),
        invoiceCount: Number(row.n),
      };
    });
    return rows.sort(
      (x, y) => (x.groupLabel ?? '').localeCompare(y.groupLabel ?? '') || x.currency.localeCompare(y.currency),
    );
  },
  /**
   * Client issues against their SLA per period of report and severity: how many were answered and
   * resolved in time, the breach rate, and the median and 90th percentile times (nearest rank,
   * computed in the database with window functions).
   */
  async slaPerformance(ctx: Context, args: SlaPerformanceArgs): Promise<SlaPerformanceRow[]> {
    if (args.to < args.from) throw AnalyticsErrors.rangeReversed();
    const periods = periodStarts(args.granularity, args.from, args.to);
    const severities = Object.values(ClientIssueSeverity);
    if (periods.length * severities.length > MAX_SERIES_ROWS)
      throw AnalyticsErrors.tooManyRows(periods.length * severities.length, MAX_SERIES_ROWS);
    const now = new Date();
    const bucket = periodStartSql(ctx.db.dialect, args.granularity, 'c.reportedAt');
    const range = DATETIME_RANGE('c.reportedAt')(args.from, args.to);
    const responseLate = responseLateSql('c', now);
    const resolutionLate = resolutionLateSql('c', now);
    const breached = breachedSql('c', now);
    const count = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    const counts = issuesIn(ctx, range)
      .select(bucket, 'bucket')
      .addSelect('c.severity', 'severity')
      .addSelect('COUNT(*)', 'opened')
      .addSelect(count('c.firstResponseAt IS NOT NULL'), 'responded')
      .addSelect(count(`c.firstResponseAt IS NOT NULL AND NOT ${responseLate.sql}`), 'respondedWithinSla')
      .addSelect(count('c.resolvedAt IS NOT NULL'), 'resolved')
      .addSelect(count(`c.resolvedAt IS NOT NULL AND NOT ${resolutionLate.sql}`), 'resolvedWithinSla')
      .addSelect(count(breached.sql), 'breached')
      .setParameters(breached.params)
      .groupBy('bucket')
      .addGroupBy('c.severity');
    const [raw, toRespond, toResolve] = await Promise.all([
      counts.getRawMany<Record<string, string | number>>(),
      secondsPercentiles(ctx, bucket, range, 'firstResponseAt'),
      secondsPercentiles(ctx, bucket, range, 'resolvedAt'),
    ]);
    const byKey = new Map(raw.map((row) => [`${String(row.bucket)}|${String(row.severity)}`, row]));
    return periods.flatMap((periodStart) =>
      severities.map((severity) => {
        const key = `${periodStart}|${severity}`;
        const row = byKey.get(key);
        const n = (name: string) => Number(row?.[name] ?? 0);
        return {
          periodStart,
          severity,
          opened: n('opened'),
          responded: n('responded'),
          respondedWithinSla: n('respondedWithinSla'),
          resolved: n('resolved'),
          resolvedWithinSla: n('resolvedWithinSla'),
          breached: n('breached'),
          breachRate: n('opened') ? n('breached') / n('opened') : null,
          medianSecondsToRespond: toRespond.get(key)?.p50 ?? null,
          p90SecondsToRespond: toRespond.get(key)?.p90 ?? null,
          medianSecondsToResolve: toResolve.get(key)?.p50 ?? null,
          p90SecondsToResolve: toResolve.get(key)?.p90 ?? null,
        };
      }),
    );
  },

  /** Contract value by the month its term ends: renewed, lost and still pending, per currency, every month present. */
  async renewalForecast(ctx: Context, args: RenewalForecastArgs): Promise<RenewalForecastRow[]> {
    if (args.to < args.from) throw AnalyticsErrors.rangeReversed();
    const periods = periodStarts(Granularity.MONTH, args.from, args.to);
    const month = periodStartSql(ctx.db.dialect, Granularity.MONTH, 'k.endDate');
    const valueIf = (statuses: readonly ContractStatus[]) =>
      `SUM(CASE WHEN k.status IN (${statuses.map((status) => `'${status}'`).join(', ')}) THEN k.valueCents ELSE 0 END)`;
    const qb = (ctx.em.createQueryBuilder() as SelectQueryBuilder<object>)
      .from('contract', 'k')
      .innerJoin('account', 'a', 'a.id = k.accountId')
      .select(month, 'bucket')
      .addSelect('k.currency', 'currency')
      .addSelect('COUNT(*)', 'contracts')
      .addSelect('SUM(k.valueCents)', 'upForRenewal')
      .addSelect(valueIf([ContractStatus.RENEWED]), 'renewed')
      .addSelect(valueIf([ContractStatus.EXPIRED, ContractStatus.TERMINATED]), 'lost')
      .addSelect(valueIf([ContractStatus.ACTIVE]), 'pending')
      .where('k.status IN (:...signed)', { signed: BOOKED_STATUSES })
      .andWhere('k.endDate >= :from AND k.endDate <= :to', { from: args.from, to: args.to })
      .groupBy('bucket')
      .addGroupBy('k.currency');
    restrictToAccounts(ctx, qb, null, false);
    const raw = await qb.getRawMany<Record<string, string | number>>();
    const currencies = [...new Set(raw.map((row) => String(row.currency)))].sort();
    if (currencies.length === 0) currencies.push(DEFAULT_CURRENCY);
    const byKey = new Map(raw.map((row) => [`${String(row.bucket)}|${String(row.currency)}`, row]));
    return currencies.flatMap((currency) =>
      periods.map((periodStart) => {
        const row = byKey.get(`${periodStart}|${currency}`);
        const money = (name: string) => Money.of(Number(row?.[name] ?? 0), currency);
        return {
          periodStart,
          currency,
          contracts: Number(row?.contracts ?? 0),
          upForRenewal: money('upForRenewal'),
          renewed: money('renewed'),
          lost: money('lost'),
          pending: money('pending'),
        };
      }),
    );
  },
  /** Every project's budget, cost, revenue and margin; revenue by the profitability rule's SQL twin. */
  async projectMargins(ctx: Context): Promise<ProjectMarginRow[]> {
    // A project member may read a project whose account they may not: its account shows as null.
    const readable = ctx.scope.readableAccounts('a');
    const qb = (ctx.em.createQueryBuilder() as SelectQueryBuilder<object>)
      .from('project', 'p')
      .leftJoin('account', 'a', `a.id = p.accountId${readable ? ` AND ${readable.sql}` : ''}`, readable?.parameters)
      .select('p.id', 'id')
      .addSelect('p.name', 'name')
      .addSelect('a.id', 'accountId')
      .addSelect('a.name', 'accountName')
      .addSelect('p.status', 'status')
      .addSelect('p.currency', 'currency')
      .addSelect('p.budgetCents', 'budget')
      .addSelect('p.actualCostCents', 'cost')
      .addSelect(revenueSql('p', ctx.db.dialect), 'revenue')
      .orderBy('a.name')
      .addOrderBy('p.name')
      .addOrderBy('p.id')
      .limit(MAX_SERIES_ROWS + 1);
    restrictProjects(ctx.scope)(qb, 'p');
    const raw = await qb.getRawMany<Record<string, string | number | null>>();
    if (raw.length > MAX_SERIES_ROWS) throw AnalyticsErrors.tooManyRows(raw.length, MAX_SERIES_ROWS);
    return raw.map((row) => {
      const currency = String(row.currency);
      const revenue = Number(row.revenue);
      const cost = Number(row.cost);
      return {
        projectId: encodeGlobalId('Project', Number(row.id)),
        projectName: String(row.name),
        accountId: row.accountId === null ? null : encodeGlobalId('Account', Number(row.accountId)),
        accountName: row.accountName === null ? null : String(row.accountName),
        status: String(row.status) as ProjectStatus,
        currency,
        budget: Money.of(Number(row.budget), currency),
        actualCost: Money.of(cost, currency),
        revenue: Money.of(revenue, currency),
        margin: Money.of(marginCents(revenue, cost), currency),
        marginPercent: marginPercent(revenue, cost),
        isProfitable: isProfitable(revenue, cost),
      };
    });
  },

  /**
   * Projects and accounts by RAG, week by week: a project stands at its latest status update by
   * the week's end, an account at its worst project. Weeks without a report carry the last one.
   */
  async portfolioHealth(ctx: Context, args: PortfolioHealthArgs): Promise<PortfolioHealthRow[]> {
    if (args.to < args.from) throw AnalyticsErrors.rangeReversed();
    const weeks = periodStarts(Granularity.WEEK, args.from, args.to);
    if (weeks.length > MAX_HEALTH_WEEKS) throw AnalyticsErrors.tooManyRows(weeks.length, MAX_HEALTH_WEEKS);
    const latest = projectHealthByWeek(ctx, weeks);
    const rank = `CASE su.overall WHEN '${Health.RED}' THEN 3 WHEN '${Health.AMBER}' THEN 2 ELSE 1 END`;
    const [projects, accounts] = await Promise.all([
      latest
        .clone()
        .select('w.weekOf', 'weekOf')
        .addSelect('su.overall', 'health')
        .addSelect('COUNT(*)', 'n')
        .groupBy('w.weekOf')
        .addGroupBy('su.overall')
        .getRawMany<{ weekOf: string; health: string; n: string | number }>(),
      (() => {
        const readable = ctx.scope.readableAccounts('a');
        const worst = latest
          .clone()
          .innerJoin(
            'account',
            'a',
            `a.id = p.accountId${readable ? ` AND ${readable.sql}` : ''}`,
            readable?.parameters,
          )
          .select('w.weekOf', 'weekOf')
          .addSelect('p.accountId', 'accountId')
          .addSelect(`MAX(${rank})`, 'worst')
          .groupBy('w.weekOf')
          .addGroupBy('p.accountId');
        return (ctx.em.createQueryBuilder() as SelectQueryBuilder<object>)
          .from(`(${worst.getQuery()})`, 't')
          .select('t.weekOf', 'weekOf')
          .addSelect(
            `CASE t.worst WHEN 3 THEN '${Health.RED}' WHEN 2 THEN '${Health.AMBER}' ELSE '${Health.GREEN}' END`,
            'health',
          )
          .addSelect('COUNT(*)', 'n')
          .setParameters(worst.getParameters())
          .groupBy('t.weekOf')
          .addGroupBy('t.worst')
          .getRawMany<{ weekOf: string; health: string; n: string | number }>();
      })(),
    ]);
    const counts = new Map<string, number>();
    for (const [subject, rows] of [
      ['PROJECT', projects],
      ['ACCOUNT', accounts],
    ] as const)
      for (const row of rows) counts.set(`${subject}|${String(row.weekOf)}|${row.health}`, Number(row.n));
    return weeks.flatMap((weekOf) =>
      (['PROJECT', 'ACCOUNT'] as const).flatMap((subject) =>
        Object.values(Health).map((health) => ({
          weekOf,
          subject,
          health,
          count: counts.get(`${subject}|${weekOf}|${health}`) ?? 0,
        })),
      ),
    );
  },
  /** The portfolio at a glance: each figure one GROUP BY over the accounts the viewer reads. */
  async portfolioSummary(ctx: Context): Promise<PortfolioSummary> {
    const today = todayUtc();
    const scoped = (table: string, alias: string, accountColumn = `${alias}.accountId`) => {
      const qb = (ctx.em.createQueryBuilder() as SelectQueryBuilder<object>)
        .from(table, alias)
        .innerJoin('account', 'a', `a.id = ${accountColumn}`);
      restrictToAccounts(ctx, qb, null, false);
      return qb;
    };
    const countBy = async (column: string, parameters: ObjectLiteral = {}): Promise<CountRow[]> => {
      const rows = await scoped('account', 'acc', 'acc.id')
        .setParameters(parameters)
        .select(column, 'key')
        .addSelect('COUNT(*)', 'n')
        .groupBy(column)
        .getRawMany<{ key: string; n: string | number }>();
      return rows
        .map((row) => ({ key: String(row.key), count: Number(row.n) }))
        .sort((x, y) => x.key.localeCompare(y.key));
    };
    const termDays =
      ctx.db.dialect === 'mysql'
        ? 'DATEDIFF(k.endDate, k.startDate) + 1'
        : 'CAST(julianday(k.endDate) - julianday(k.startDate) AS INTEGER) + 1';
    const windows = [30, 60, 90, 180];
    const overdue = overdueSql('i', today);
    const resolvedLate = resolutionLateSql('c', new Date());
    const [byStatus, byTier, byKind, byHealth, reach, acv, renewals, overdueRows, openIssues, resolution] =
      await Promise.all([
        countBy('acc.status'),
        countBy('acc.tier'),
        countBy('acc.kind'),
        // The band of each account's score now, computed by the health module's SQL in this statement.
        countBy(healthBandSql(healthScoreSql('acc', ctx.db.dialect)), healthSqlParams(new Date())),
        scoped('account', 'acc', 'acc.id')
          .select('COUNT(*)', 'accounts')
          .addSelect('COALESCE(SUM(acc.membersReached), 0)', 'members')
          .getRawOne<{ accounts: string | number; members: string | number }>(),
        scoped('contract', 'k')
          .select('k.currency', 'currency')
          // Whole cents a year, each contract's share rounded down before the sum.
          .addSelect(`SUM((k.valueCents * 365) ${ctx.db.dialect === 'mysql' ? 'DIV' : '/'} (${termDays}))`, 'cents')
          .andWhere('k.status = :active', { active: ContractStatus.ACTIVE })
          .groupBy('k.currency')
          .getRawMany<{ currency: string; cents: string | number }>(),
        renewalWindows(scoped('contract', 'k'), windows, today),
        scoped('invoice', 'i')
          .select('i.currency', 'currency')
          .addSelect(`SUM(${balanceDueSql('i')})`, 'cents')
          .andWhere(overdue.sql, overdue.params)
          .groupBy('i.currency')
          .getRawMany<{ currency: string; cents: string | number }>(),
        scoped('client_issue', 'c')
          .select('c.severity', 'key')
          .addSelect('COUNT(*)', 'n')
          .andWhere('c.status NOT IN (:...done)', { done: [ClientIssueStatus.RESOLVED, ClientIssueStatus.CLOSED] })
          .groupBy('c.severity')
          .getRawMany<{ key: string; n: string | number }>(),
        scoped('client_issue', 'c')
          .select('COUNT(*)', 'resolved')
          .addSelect(`SUM(CASE WHEN NOT ${resolvedLate.sql} THEN 1 ELSE 0 END)`, 'withinSla')
          .setParameters(resolvedLate.params)
          .andWhere('c.resolvedAt IS NOT NULL')
          .getRawOne<{ resolved: string | number; withinSla: string | number | null }>(),
      ]);
    const money = (rows: { currency: string; cents: string | number }[]) =>
      rows
        .map((row) => Money.of(Number(row.cents), String(row.currency)))
        .sort((x, y) => x.currency.localeCompare(y.currency));
    const resolved = Number(resolution?.resolved ?? 0);
    return {
      accounts: Number(reach?.accounts ?? 0),
      accountsByStatus: byStatus,
      accountsByTier: byTier,
      accountsByKind: byKind,
      accountsByHealth: byHealth,
      membersReached: Number(reach?.members ?? 0),
      annualContractValue: money(acv),
      renewalsDue: renewals,
      overdueBalance: money(overdueRows),
      openIssuesBySeverity: openIssues
        .map((row) => ({ key: String(row.key), count: Number(row.n) }))
        .sort((x, y) => x.key.localeCompare(y.key)),
      issuesResolved: resolved,
      slaAttainment: resolved ? Number(resolution?.withinSla ?? 0) / resolved : null,
    };
  },
};

/** Narrows to the accounts the viewer reads, and to one account (with its children) when asked. */
function restrictToAccounts(
  ctx: Context,
  qb: SelectQueryBuilder<object>,
  accountId: string | null | undefined,
  withChildren: boolean,
): void {
  const readable = ctx.scope.readableAccounts('a');
  if (readable) qb.andWhere(readable.sql, readable.parameters);
  if (accountId) {
    const id = decodeGlobalId(accountId, 'Account', 'accountId');
    qb.andWhere(withChildren ? '(a.id = :accountId OR a.parentId = :accountId)' : 'a.id = :accountId', {
      accountId: id,
    });
  }
}

function groupKey(id: string | number | null, type: string | undefined): string | null {
  if (id === null || id === undefined) return null;
  return type ? encodeGlobalId(type, Number(id)) : String(id);
}

/**
 * Every (group, currency) seen gets a row for every period, zero where nothing happened, so a
 * chart's x axis has no holes. Ungrouped with nothing at all, one zero series in the default
 * currency still shows the periods.
 */
function fillPeriods(
  periods: readonly LocalDate[],
  raw: readonly RawSeriesRow[],
  type: string | undefined,
  ungrouped: boolean,
): RevenueSeriesRow[] {
  const series = new Map<
    string,
    { key: string | null; label: string | null; currency: string; byPeriod: Map<string, RawSeriesRow> }
  >();
  for (const row of raw) {
    const key = groupKey(row.groupId, type);
    const id = `${key}\u0000${row.currency}`;
    let entry = series.get(id);
    if (!entry) {
      entry = {
        key,
        label: row.groupLabel === null ? null : String(row.groupLabel),
        currency: row.currency,
        byPeriod: new Map(),
      };
      series.set(id, entry);
    }
    entry.byPeriod.set(String(row.bucket), row);
  }
  if (series.size === 0 && ungrouped) series.set('', { key: null, label: null, currency: 'USD', byPeriod: new Map() });
  if (series.size * periods.length > MAX_SERIES_ROWS)
    throw AnalyticsErrors.tooManyRows(series.size * periods.length, MAX_SERIES_ROWS);

  const ordered = [...series.values()].sort(
    (x, y) =>
      (x.label ?? '').localeCompare(y.label ?? '') ||
      (x.key ?? '').localeCompare(y.key ?? '') ||
      x.currency.localeCompare(y.currency),
  );
  return ordered.flatMap((entry) =>
    periods.map((periodStart) => {
      const row = entry.byPeriod.get(periodStart);
      return {
        periodStart,
        groupKey: entry.key,
        groupLabel: entry.label,
        currency: entry.currency,
        amount: Money.of(row ? Number(row.amount) : 0, entry.currency),
        count: row ? Number(row.n) : 0,
      };
    }),
  );
}

/** Client issues reported in `range`, with their account (aliased `a`) scoped to the viewer. */
function issuesIn(
  ctx: Context,
  range: { sql: string; parameters: Record<string, unknown> },
): SelectQueryBuilder<object> {
  const qb = (ctx.em.createQueryBuilder() as SelectQueryBuilder<object>)
    .from('client_issue', 'c')
    .innerJoin('account', 'a', 'a.id = c.accountId')
    .where(range.sql, range.parameters);
  restrictToAccounts(ctx, qb, null, false);
  return qb;
}

/** Whole seconds (the milliseconds' difference, truncated) from an issue's report to `column`, exact in both dialects. */
function secondsSinceReportSql(dialect: 'sqlite' | 'mysql', column: string): string {
  if (dialect === 'mysql') return `(TIMESTAMPDIFF(MICROSECOND, c.reportedAt, ${column}) DIV 1000000)`;
  // SQLite keeps 'YYYY-MM-DD HH:MM:SS.SSS' text: whole seconds from strftime, milliseconds from the text.
  const ms = (value: string) =>
    `(CAST(strftime('%s', ${value}) AS INTEGER) * 1000 + CAST(substr(${value}, 21, 3) AS INTEGER))`;
  return `((${ms(column)} - ${ms('c.reportedAt')}) / 1000)`;
}

/**
 * The median and 90th percentile (nearest rank: the smallest value with at least that share of
 * values at or below it) of seconds from report to `column`, per period and severity, by ranking
 * the issues in the database.
 */
async function secondsPercentiles(
  ctx: Context,
  bucket: string,
  range: { sql: string; parameters: Record<string, unknown> },
  column: 'firstResponseAt' | 'resolvedAt',
): Promise<Map<string, { p50: number | null; p90: number | null }>> {
  const seconds = secondsSinceReportSql(ctx.db.dialect, `c.${column}`);
  const ranked = issuesIn(ctx, range)
    .select(bucket, 'bucket')
    .addSelect('c.severity', 'severity')
    .addSelect(seconds, 'secs')
    .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${bucket}, c.severity ORDER BY ${seconds})`, 'rn')
    .addSelect(`COUNT(*) OVER (PARTITION BY ${bucket}, c.severity)`, 'cnt')
    .andWhere(`c.${column} IS NOT NULL`);
  const raw = await (ctx.em.createQueryBuilder() as SelectQueryBuilder<object>)
    .from(`(${ranked.getQuery()})`, 't')
    .select('t.bucket', 'bucket')
    .addSelect('t.severity', 'severity')
    .addSelect('MIN(CASE WHEN t.rn * 100 >= t.cnt * 50 THEN t.secs END)', 'p50')
    .addSelect('MIN(CASE WHEN t.rn * 100 >= t.cnt * 90 THEN t.secs END)', 'p90')
    .setParameters(ranked.getParameters())
    .groupBy('t.bucket')
    .addGroupBy('t.severity')
    .getRawMany<{ bucket: string; severity: string; p50: string | number | null; p90: string | number | null }>();
  const number = (value: string | number | null) => (value === null ? null : Number(value));
  return new Map(raw.map((row) => [`${row.bucket}|${row.severity}`, { p50: number(row.p50), p90: number(row.p90) }]));
}

/** The most weeks one health series may show (five years). */
const MAX_HEALTH_WEEKS = 260;

/**
 * Every (week, project) the viewer may read with the project's latest status update posted before
 * the week ends, aliased w (weekOf), p (project), su (the update). The weeks are a
 * derived table of parameters; the update is found by the (projectId, postedAt, id) index.
 */
function projectHealthByWeek(ctx: Context, weeks: readonly LocalDate[]): SelectQueryBuilder<object> {
  const parameters: Record<string, unknown> = {};
  const rows = weeks.map((weekOf, i) => {
    parameters[`week${i}`] = weekOf;
    parameters[`weekEnd${i}`] = new Date(`${addDays(weekOf, 7)}T00:00:00Z`);
    return `SELECT :week${i} AS weekOf, :weekEnd${i} AS weekEnd`;
  });
  const qb = (ctx.em.createQueryBuilder() as SelectQueryBuilder<object>)
    .from(`(${rows.join(' UNION ALL ')})`, 'w')
    .innerJoin('project', 'p', '1 = 1')
    .innerJoin(
      'status_update',
      'su',
      'su.id = (SELECT s2.id FROM status_update s2 WHERE s2.projectId = p.id AND s2.postedAt < w.weekEnd ORDER BY s2.postedAt DESC, s2.id DESC LIMIT 1)',
    )
    .setParameters(parameters);
  restrictProjects(ctx.scope)(qb, 'p');
  return qb;
}

/** Active contracts (already scoped, aliased k) ending within each window of days from today, per currency, in one statement. */
async function renewalWindows(
  contracts: SelectQueryBuilder<object>,
  windows: readonly number[],
  today: LocalDate,
): Promise<RenewalWindowRow[]> {
  const qb = contracts
    .select('k.currency', 'currency')
    .andWhere('k.status = :active AND k.endDate >= :today', { active: ContractStatus.ACTIVE, today });
  for (const days of windows) {
    qb.setParameter(`end${days}`, addDays(today, days));
    qb.addSelect(`SUM(CASE WHEN k.endDate <= :end${days} THEN 1 ELSE 0 END)`, `n${days}`);
    qb.addSelect(`SUM(CASE WHEN k.endDate <= :end${days} THEN k.valueCents ELSE 0 END)`, `v${days}`);
  }
  const rows = await qb.groupBy('k.currency').getRawMany<Record<string, string | number>>();
  return windows.flatMap((withinDays) =>
    rows
      .map((row) => ({
        withinDays,
        currency: String(row.currency),
        contracts: Number(row[`n${withinDays}`] ?? 0),
        value: Money.of(Number(row[`v${withinDays}`] ?? 0), String(row.currency)),
      }))
      .sort((x, y) => x.currency.localeCompare(y.currency)),
  );
}
