import type { SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../common/context';
import { addDays, todayUtc, type LocalDate } from '../../common/dates';
import { decodeGlobalId, encodeGlobalId } from '../../common/global-id';
import { Money } from '../../common/money';
import { ContractStatus } from '../contract/contract.entity';
// Invoiced revenue counts what invoiced-to-date counts: approved for the client, whatever has been paid since.
import { balanceDueSql, INVOICED_STATUSES, receivableSql } from '../invoice/invoicing.rules';
import { AnalyticsErrors } from './analytics.errors';
import {
  AgingGroupBy,
  RevenueGroupBy,
  RevenueMeasure,
  type ReceivablesAgingArgs,
  type RevenueSeriesArgs,
} from './analytics.inputs';
import type { ReceivablesAgingRow, RevenueSeriesRow } from './analytics.types';
import { periodStarts, periodStartSql } from './periods';

/** The most rows one revenue series may answer with; the CSV export has no such limit. */
export const MAX_SERIES_ROWS = 20_000;

/** Contracts whose value counts as booked: every contract that was ever in force. */
const BOOKED_STATUSES = [
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
    const qb = ctx.em
      .createQueryBuilder()
      .from('invoice', 'i')
      .innerJoin('account', 'a', 'a.id = i.accountId')
      .select(group.key, 'groupId')
      .addSelect(group.label, 'groupLabel')
      .addSelect('i.currency', 'currency')
      .addSelect(`SUM(CASE WHEN i.dueDate >= :today THEN ${balance} ELSE 0 END)`, 'notDue')
      .addSelect(pastDue(1, 31), 'days1To30')
      .addSelect(pastDue(31, 61), 'days31To60')
      .addSelect(pastDue(61, 91), 'days61To90')
      .addSelect(pastDue(91, null), 'over90Days')
      .addSelect(`SUM(${balance})`, 'total')
      .addSelect('COUNT(*)', 'n')
      .where(receivableSql('i'))
      .setParameters({
        today,
        due1: addDays(today, -1),
        due31: addDays(today, -31),
        due61: addDays(today, -61),
        due91: addDays(today, -91),
      })
      .groupBy(group.key)
      .addGroupBy(group.label)
      .addGroupBy('i.currency');
    if (args.groupBy === AgingGroupBy.OWNER) qb.leftJoin('user', 'o', 'o.id = a.ownerId');
    restrictToAccounts(ctx, qb, null, false);

    const raw = await qb.getRawMany<Record<string, string | number | null>>();
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
