import { analyticsExports } from './analytics.exports';
import type { FeatureModule } from '../../common/feature-module';
import { AnalyticsResolver } from './analytics.resolver';

/** Figures for dashboards and BI tools, computed in SQL and scoped like every other read. */
export const analyticsModule: FeatureModule = {
  name: 'analytics',
  resolvers: [AnalyticsResolver],
  exports: analyticsExports,
};
