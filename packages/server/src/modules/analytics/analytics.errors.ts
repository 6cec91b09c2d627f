import { BadInputError } from '../../common/errors';

export const AnalyticsErrors = {
  rangeReversed: () => BadInputError.field('to', 'must be on or after `from`'),
  tooManyRows: (rows: number, limit: number) =>
    BadInputError.field(
      'granularity',
      `this series would have about ${rows} rows and one answer may hold at most ${limit}: choose a ` +
        `wider granularity, a shorter range or a coarser groupBy, or use the CSV export`,
    ),
};
