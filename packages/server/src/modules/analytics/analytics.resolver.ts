import { Args, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context';
import { ReceivablesAgingArgs, RevenueSeriesArgs } from './analytics.inputs';
import { AnalyticsService } from './analytics.service';
import { Analytics, ReceivablesAgingRow, RevenueSeriesRow } from './analytics.types';

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
}
