import { Args, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context';
import {
  PortfolioHealthArgs,
  ReceivablesAgingArgs,
  RenewalForecastArgs,
  RevenueSeriesArgs,
  SlaPerformanceArgs,
} from './analytics.inputs';
import { AnalyticsService } from './analytics.service';
import {
  Analytics,
  PortfolioHealthRow,
  PortfolioSummary,
  ProjectMarginRow,
  ReceivablesAgingRow,
  RenewalForecastRow,
  RevenueSeriesRow,
  SlaPerformanceRow,
} from './analytics.types';

/**
 * What one analytics table costs against the per-request budget: a GROUP BY over a whole table,
 * far more work than a page of rows though it answers with few.
 */
const TABLE_COST = 500;

@Resolver(() => Analytics)
export class AnalyticsResolver {
  @Query(() => Analytics, { description: 'Figures for dashboards: flat tables computed in the database.' })
  analytics(): Analytics {
    return new Analytics();
  }

  @FieldResolver(() => [RevenueSeriesRow], {
    complexity: TABLE_COST,
    description:
      'Revenue per period, one row per group, period and currency, with every period of the range present (zero when empty).',
  })
  revenueSeries(
    @Ctx() ctx: Context,
    @Args(() => RevenueSeriesArgs) args: RevenueSeriesArgs,
  ): Promise<RevenueSeriesRow[]> {
    return AnalyticsService.revenueSeries(ctx, args);
  }

  @FieldResolver(() => [ReceivablesAgingRow], {
    complexity: TABLE_COST,
    description:
      'Money owed on sent invoices by days past due (current, 1-30, 31-60, 61-90, over 90), per group and currency.',
  })
  receivablesAging(
    @Ctx() ctx: Context,
    @Args(() => ReceivablesAgingArgs) args: ReceivablesAgingArgs,
  ): Promise<ReceivablesAgingRow[]> {
    return AnalyticsService.receivablesAging(ctx, args);
  }

  @FieldResolver(() => [SlaPerformanceRow], {
    complexity: TABLE_COST,
    description:
      'Client issues against their SLA, per period of report and severity (every period and severity present): responded and resolved within SLA, breach rate, median and p90 times.',
  })
  slaPerformance(
    @Ctx() ctx: Context,
    @Args(() => SlaPerformanceArgs) args: SlaPerformanceArgs,
  ): Promise<SlaPerformanceRow[]> {
    return AnalyticsService.slaPerformance(ctx, args);
  }

  @FieldResolver(() => [RenewalForecastRow], {
    complexity: TABLE_COST,
    description:
      'Contract value by the month its term ends: renewed, lost and still pending, per currency, every month present.',
  })
  renewalForecast(
    @Ctx() ctx: Context,
    @Args(() => RenewalForecastArgs) args: RenewalForecastArgs,
  ): Promise<RenewalForecastRow[]> {
    return AnalyticsService.renewalForecast(ctx, args);
  }

  @FieldResolver(() => [ProjectMarginRow], {
    complexity: TABLE_COST,
    description: "Every project's budget, cost to date, revenue and margin, in its currency, by account and name.",
  })
  projectMargins(@Ctx() ctx: Context): Promise<ProjectMarginRow[]> {
    return AnalyticsService.projectMargins(ctx);
  }

  @FieldResolver(() => [PortfolioHealthRow], {
    complexity: TABLE_COST,
    description:
      "Projects and accounts by RAG health, week by week (every week, subject and health present): a project at its latest status update by the week's end, an account at its worst project.",
  })
  portfolioHealth(
    @Ctx() ctx: Context,
    @Args(() => PortfolioHealthArgs) args: PortfolioHealthArgs,
  ): Promise<PortfolioHealthRow[]> {
    return AnalyticsService.portfolioHealth(ctx, args);
  }

  @FieldResolver(() => PortfolioSummary, {
    complexity: TABLE_COST,
    description:
      'The portfolio at a glance, as of now: accounts by status, tier and kind, members reached, annual contract value, renewals due, overdue balance, open issues by severity, SLA attainment.',
  })
  portfolioSummary(@Ctx() ctx: Context): Promise<PortfolioSummary> {
    return AnalyticsService.portfolioSummary(ctx);
  }
}
