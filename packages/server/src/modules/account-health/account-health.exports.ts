import { asDateTime, asGlobalId, asLocalDate, type ExportDataset } from '../../common/export-dataset';
import { AccountHealthSnapshot } from './account-health.entity';
import { BAND_FLOORS } from './health.rules';

/** The daily health history as a flat table for dashboards (`GET /export/account-health-history.csv`). */
export const accountHealthExports: readonly ExportDataset[] = [
  {
    name: 'account-health-history',
    description:
      'The daily health snapshot of every account you may read: one row per account and day, with the component scores.',
    alias: 'snapshot',
    query: (ctx) => {
      const qb = ctx.em.createQueryBuilder(AccountHealthSnapshot, 'snapshot');
      ctx.scope.restrictByAccountId(qb, 'snapshot');
      return qb;
    },
    columns: [
      { name: 'accountId', sql: 'snapshot.accountId', format: asGlobalId('Account') },
      { name: 'day', sql: 'snapshot.day', format: asLocalDate },
      { name: 'score', sql: 'snapshot.score', format: Number },
      {
        name: 'band',
        sql: `CASE WHEN snapshot.score >= ${BAND_FLOORS.HEALTHY} THEN 'HEALTHY' WHEN snapshot.score >= ${BAND_FLOORS.WATCH} THEN 'WATCH' ELSE 'AT_RISK' END`,
      },
      { name: 'delivery', sql: 'snapshot.delivery', format: Number },
      { name: 'issues', sql: 'snapshot.issues', format: Number },
      { name: 'finance', sql: 'snapshot.finance', format: Number },
      { name: 'renewal', sql: 'snapshot.renewal', format: Number },
      { name: 'engagement', sql: 'snapshot.engagement', format: Number },
      { name: 'recordedAt', sql: 'snapshot.recordedAt', format: asDateTime },
    ],
  },
];
