import { BadInputError } from '../../common/errors';
import type { ExportDataset } from '../../common/export-dataset';
import {
  AgingGroupBy,
  PortfolioHealthArgs,
  RenewalForecastArgs,
  SlaPerformanceArgs,
  RevenueGroupBy,
  RevenueMeasure,
  ReceivablesAgingArgs,
  RevenueSeriesArgs,
} from './analytics.inputs';
import { AnalyticsService } from './analytics.service';
import { Granularity } from './periods';

/** A query-string parameter that must be one of an enum's values (or absent, for `fallback`). */
function enumParam<E extends string>(
  params: URLSearchParams,
  name: string,
  values: Record<string, E>,
  fallback?: E,
): E {
  const value = params.get(name) ?? fallback;
  if (value === undefined) throw BadInputError.field(name, `is required: one of ${Object.values(values).join(', ')}`);
  if (!(Object.values(values) as string[]).includes(value))
    throw BadInputError.field(name, `must be one of ${Object.values(values).join(', ')}`);
  return value as E;
}

function dateParam(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw BadInputError.field(name, 'must be a date such as 2026-01-31');
  return value;
}

/** The analytics tables as downloads: the same figures as the GraphQL fields, with the same arguments as parameters. */
export const analyticsExports: readonly ExportDataset[] = [
  {
    name: 'revenue-series',
    description:
      'analytics.revenueSeries as a table: ?granularity=MONTH&from=2026-01-01&to=2026-12-31[&measure=INVOICED&groupBy=NONE&accountId=…&includeChildAccounts=true].',
    columns: [
      { name: 'periodStart' },
      { name: 'groupKey' },
      { name: 'groupLabel' },
      { name: 'currency' },
      { name: 'amountCents' },
      { name: 'count' },
    ],
    rows: async (ctx, params) => {
      const args = Object.assign(new RevenueSeriesArgs(), {
        granularity: enumParam(params, 'granularity', Granularity),
        from: dateParam(params, 'from'),
        to: dateParam(params, 'to'),
        measure: enumParam(params, 'measure', RevenueMeasure, RevenueMeasure.INVOICED),
        groupBy: enumParam(params, 'groupBy', RevenueGroupBy, RevenueGroupBy.NONE),
        accountId: params.get('accountId'),
        includeChildAccounts: params.get('includeChildAccounts') === 'true',
      });
      const rows = await AnalyticsService.revenueSeries(ctx, args);
      return rows.map(({ amount, ...row }) => ({ ...row, amountCents: amount.amountCents }));
    },
  },
  {
    name: 'receivables-aging',
    description: 'analytics.receivablesAging as a table: ?groupBy=ACCOUNT (or OWNER, NONE); amounts in minor units.',
    columns: [
      'groupKey',
      'groupLabel',
      'currency',
      'current',
      'days1To30',
      'days31To60',
      'days61To90',
      'over90Days',
      'total',
    ]
      .map((name) => ({ name: ['groupKey', 'groupLabel', 'currency'].includes(name) ? name : `${name}Cents` }))
      .concat([{ name: 'invoiceCount' }]),
    rows: async (ctx, params) => {
      const args = Object.assign(new ReceivablesAgingArgs(), {
        groupBy: enumParam(params, 'groupBy', AgingGroupBy, AgingGroupBy.ACCOUNT),
      });
      const rows = await AnalyticsService.receivablesAging(ctx, args);
      return rows.map((row) => ({
        groupKey: row.groupKey,
        groupLabel: row.groupLabel,
        currency: row.currency,
        currentCents: row.current.amountCents,
        days1To30Cents: row.days1To30.amountCents,
        days31To60Cents: row.days31To60.amountCents,
        days61To90Cents: row.days61To90.amountCents,
        over90DaysCents: row.over90Days.amountCents,
        totalCents: row.total.amountCents,
        invoiceCount: row.invoiceCount,
      }));
    },
  },
  {
    name: 'sla-performance',
    description: 'analytics.slaPerformance as a table: ?granularity=MONTH&from=2026-01-01&to=2026-12-31.',
    columns: [
      'periodStart',
      'severity',
      'opened',
      'responded',
      'respondedWithinSla',
      'resolved',
      'resolvedWithinSla',
      'breached',
      'breachRate',
      'medianSecondsToRespond',
      'p90SecondsToRespond',
      'medianSecondsToResolve',
      'p90SecondsToResolve',
    ].map((name) => ({ name })),
    rows: async (ctx, params) => {
      const args = Object.assign(new SlaPerformanceArgs(), {
        granularity: enumParam(params, 'granularity', Granularity),
        from: dateParam(params, 'from'),
        to: dateParam(params, 'to'),
      });
      return (await AnalyticsService.slaPerformance(ctx, args)).map((row) => ({ ...row }));
    },
  },
  {
    name: 'renewal-forecast',
    description: 'analytics.renewalForecast as a table: ?from=2026-01-01&to=2027-12-31; amounts in minor units.',
    columns: [
      'periodStart',
      'currency',
      'contracts',
      'upForRenewalCents',
      'renewedCents',
      'lostCents',
      'pendingCents',
    ].map((name) => ({ name })),
    rows: async (ctx, params) => {
      const args = Object.assign(new RenewalForecastArgs(), {
        from: dateParam(params, 'from'),
        to: dateParam(params, 'to'),
      });
      return (await AnalyticsService.renewalForecast(ctx, args)).map((row) => ({
        periodStart: row.periodStart,
        currency: row.currency,
        contracts: row.contracts,
        upForRenewalCents: row.upForRenewal.amountCents,
        renewedCents: row.renewed.amountCents,
        lostCents: row.lost.amountCents,
        pendingCents: row.pending.amountCents,
      }));
    },
  },
  {
    name: 'project-margins',
    description: 'analytics.projectMargins as a table; amounts in minor units.',
    columns: [
      'projectId',
      'projectName',
      'accountId',
      'accountName',
      'status',
      'currency',
      'budgetCents',
      'actualCostCents',
      'revenueCents',
      'marginCents',
      'marginPercent',
      'isProfitable',
    ].map((name) => ({ name })),
    rows: async (ctx) =>
      (await AnalyticsService.projectMargins(ctx)).map((row) => ({
        projectId: row.projectId,
        projectName: row.projectName,
        accountId: row.accountId,
        accountName: row.accountName,
        status: row.status,
        currency: row.currency,
        budgetCents: row.budget.amountCents,
        actualCostCents: row.actualCost.amountCents,
        revenueCents: row.revenue.amountCents,
        marginCents: row.margin.amountCents,
        marginPercent: row.marginPercent,
        isProfitable: row.isProfitable,
      })),
  },
  {
    name: 'portfolio-health',
    description: 'analytics.portfolioHealth as a table: ?from=2026-01-01&to=2026-06-30 (weeks, Monday to Sunday).',
    columns: ['weekOf', 'subject', 'health', 'count'].map((name) => ({ name })),
    rows: async (ctx, params) => {
      const args = Object.assign(new PortfolioHealthArgs(), {
        from: dateParam(params, 'from'),
        to: dateParam(params, 'to'),
      });
      return (await AnalyticsService.portfolioHealth(ctx, args)).map((row) => ({ ...row }));
    },
  },
];
